package io.tidings.tracking;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Open and click tracking, and conversions.
 *
 * @param enabled whether mails get an open pixel and tracked links; off, mail goes out as
 * rendered and links already sent keep working
 * @param textLinks whether the plain-text part's links are tracked too (those its HTML
 * part tracks); off by default, since a plain-text reader sees where a link leads
 * @param machine when an open or click counts as a machine's, not a person's
 * @param conversions which events are conversions, and how far back a click earns one
 */
@Validated
@ConfigurationProperties("tidings.tracking")
public record TrackingProperties(@DefaultValue("true") boolean enabled, @DefaultValue("false") boolean textLinks,
		@Valid @NotNull @DefaultValue Machine machine, @Valid @NotNull @DefaultValue Conversions conversions) {

	/**
	 * An open or click is a machine's when any of these holds: it came within
	 * {@code window} of the mail's delivery (Apple Mail Privacy Protection fetches images
	 * as the mail arrives, security scanners follow links at once); the address is in one
	 * of {@code ipRanges} (CIDR; Apple's 17.0.0.0/8 by default); the user agent contains
	 * one of {@code userAgents} (case-insensitive).
	 */
	public record Machine(@NotNull @DefaultValue("5s") Duration window, @NotNull @DefaultValue( {
			"17.0.0.0/8" }) List<String> ipRanges,
			@NotNull @DefaultValue({ "bot", "crawler", "spider", "scanner", "barracuda", "mimecast", "proofpoint",
					"python-requests", "go-http-client", "curl/", "wget/" }) List<String> userAgents){

		public Machine {
			ipRanges = List.copyOf(ipRanges);
			userAgents = List.copyOf(userAgents);
			if (window.isNegative()) {
				throw new IllegalArgumentException("tidings.tracking.machine.window must not be negative");
			}
		}

	}

	/**
	 * @param events the event names that count as conversions
	 * @param window a conversion is attributed to the contact's last human click at most
	 * this long before it
	 * @param revenueFields the event data fields read as the revenue, the first present
	 * wins; {@code currency} is read alongside
	 */
	public record Conversions(@NotNull @DefaultValue("OrderPlaced") List<String> events,
			@NotNull @DefaultValue("5d") Duration window, @NotNull @DefaultValue( {
					"revenue", "total" }) List<String> revenueFields){

		public Conversions {
			events = List.copyOf(events);
			revenueFields = List.copyOf(revenueFields);
			if (window.isNegative() || window.isZero()) {
				throw new IllegalArgumentException("tidings.tracking.conversions.window must be positive");
			}
		}

	}

}
