package io.tidings.platform;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The pages and links recipients reach without a login (tracking, unsubscribe,
 * preferences, double opt-in): the path prefixes they live under, and how many requests
 * one client address may make to them.
 *
 * @param paths path prefixes of the public pages
 * @param rateLimit the token bucket each client address gets
 */
@Validated
@ConfigurationProperties("tidings.public-pages")
public record PublicPageProperties(@DefaultValue( {
		"/t/", "/u/", "/preferences/", "/confirm/" }) @NotEmpty List<String> paths,
		@DefaultValue @Valid RateLimit rateLimit){

	/**
	 * A bucket of {@code burst} requests per client address that refills at
	 * {@code perSecond}; an empty bucket answers 429 with Retry-After. The address is the
	 * connection's, or the client's from X-Forwarded-For only where
	 * {@code server.forward-headers-strategy} trusts the proxy.
	 *
	 * @param enabled false: no limit
	 * @param burst requests a client may make at once
	 * @param perSecond requests a second a client may keep making
	 * @param maxClients addresses tracked at once; beyond, idle ones are forgotten first
	 */
	public record RateLimit(@DefaultValue("true") boolean enabled, @DefaultValue("300") @Min(1) int burst,
			@DefaultValue("10") @DecimalMin("0.001") double perSecond,
			@DefaultValue("100000") @Min(100) int maxClients) {

		Duration refillTime() {
			return Duration.ofNanos((long) (1_000_000_000L / perSecond));
		}

	}

}
