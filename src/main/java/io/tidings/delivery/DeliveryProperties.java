package io.tidings.delivery;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param fromAddress the sender of every mail; its domain also names the Message-IDs
 * @param workers delivery threads per node, each with one reused SMTP connection (0 turns
 * sending off)
 * @param batchSize rows one worker claims at a time
 * @param pollInterval how often idle workers look for due rows (new rows wake them at
 * once)
 * @param lease how long a claimed row stays with its worker before another may take it
 * over
 * @param maxAttempts attempts before a delivery that keeps failing is given up
 * @param firstRetryDelay the delay after the first temporary failure; it doubles with
 * each attempt
 * @param reportBatchSize outcomes told to their journeys in one transaction (1 reports
 * each on its own)
 */
@Validated
@ConfigurationProperties("tidings.delivery")
public record DeliveryProperties(@NotBlank String fromAddress, String fromName, @Min(0) @Max(64) int workers,
		@Min(1) @Max(1000) int batchSize, @NotNull Duration pollInterval, @NotNull Duration lease,
		@Min(1) int maxAttempts, @NotNull Duration firstRetryDelay, @Valid @DefaultValue FrequencyCap frequencyCap,
		@Valid @DefaultValue QuietHours quietHours, @Valid @DefaultValue RateLimits rateLimits,
		@Min(1) @Max(1000) @DefaultValue("50") int reportBatchSize) {

	public String messageIdDomain() {
		return fromAddress.substring(fromAddress.lastIndexOf('@') + 1);
	}

	/**
	 * At most {@code maxPerWindow} marketing mails per contact in any rolling
	 * {@code window}; a mail over the cap waits until it fits. 0 turns the cap off.
	 */
	public record FrequencyCap(@Min(0) @DefaultValue("0") int maxPerWindow, @DefaultValue("7d") Duration window) {

		public boolean enabled() {
			return maxPerWindow > 0;
		}

	}

	/**
	 * Local hours, in the contact's time zone, when no marketing mail is delivered; both
	 * empty turns them off. The window may cross midnight (21:00 to 08:00).
	 *
	 * @param defaultTimeZone for contacts whose time zone is unknown
	 */
	public record QuietHours(LocalTime start, LocalTime end, @DefaultValue("UTC") ZoneId defaultTimeZone) {

		public QuietHours {
			if ((start == null) != (end == null) || (start != null && start.equals(end))) {
				throw new IllegalArgumentException(
						"tidings.delivery.quiet-hours needs both start and end, and they must differ (e.g. 21:00 and 08:00)");
			}
		}

		public boolean enabled() {
			return start != null;
		}

	}

	/**
	 * Mails per second this node hands to the SMTP relay, over all and per recipient
	 * domain; 0 means no limit.
	 *
	 * @param domains limits for particular domains, overriding {@code perDomainPerSecond}
	 */
	public record RateLimits(@PositiveOrZero @DefaultValue("0") double perSecond,
			@PositiveOrZero @DefaultValue("0") double perDomainPerSecond, @DefaultValue Map<String, Double> domains) {

		public double forDomain(String domain) {
			return domains.getOrDefault(domain, perDomainPerSecond);
		}

	}

}
