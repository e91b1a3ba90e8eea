package io.tidings.contact.verification;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How addresses are checked before they enter a journey.
 *
 * @param enabled check addresses at all; when off every check answers UNKNOWN
 * @param dnsServer the DNS server to ask, as host, host:port or [IPv6]:port; blank means
 * the system's resolvers
 * @param timeout how long to wait for one DNS answer, per server
 * @param cacheTtl how long a domain that takes mail is remembered
 * @param negativeCacheTtl how long a domain that takes no mail (does not exist, no MX or
 * A record, null MX) is remembered
 * @param cacheSize domains remembered at most; 0 turns the cache off
 * @param checkDns ask DNS; when off only syntax and the disposable and role lists count
 */
@Validated
@ConfigurationProperties("tidings.contacts.verification")
public record AddressVerificationProperties(@DefaultValue("true") boolean enabled,
		@Pattern(regexp = SERVER,
				message = "must be host, host:port or [IPv6]:port (TIDINGS_ADDRESS_DNS_SERVER)") String dnsServer,
		@NotNull @DurationMin(millis = 1) @DefaultValue("3s") Duration timeout,
		@NotNull @DurationMin(millis = 0) @DefaultValue("1h") Duration cacheTtl,
		@NotNull @DurationMin(millis = 0) @DefaultValue("10m") Duration negativeCacheTtl,
		@Min(0) @Max(10_000_000) @DefaultValue("10000") int cacheSize, @DefaultValue("true") boolean checkDns) {

	private static final String SERVER = "|(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9.-]+)(:[0-9]{1,5})?";

	public AddressVerificationProperties {
		dnsServer = (dnsServer == null) ? "" : dnsServer.strip();
	}

	/** The JNDI DNS provider URL: the configured server, or "dns:" for the system's. */
	String providerUrl() {
		return dnsServer.isEmpty() ? "dns:" : "dns://" + dnsServer + "/";
	}

}
