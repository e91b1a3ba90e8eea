package io.tidings.journey;

import java.time.Duration;
import java.time.ZoneId;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the journeys' own steps (besides sending mail).
 *
 * @param coupons the personal coupon codes of birthday and anniversary journeys
 * @param webhook where webhook steps ({@code ${webhook}}) post, such as the lead
 * nurturing journey's sales hand-off
 * @param localTime "wait until local time" steps ({@code ${localTime.next(execution,
 * '09:00')}})
 * @param engineMetrics the job executor's figures at {@code /actuator/prometheus}
 */
@Validated
@ConfigurationProperties("tidings.journeys")
public record JourneyProperties(@Valid @NotNull @DefaultValue Coupons coupons,
		@Valid @NotNull @DefaultValue Webhook webhook, @Valid @NotNull @DefaultValue LocalTimeWaits localTime,
		@Valid @NotNull @DefaultValue EngineMetrics engineMetrics) {

	/**
	 * @param secret the HMAC key coupon codes are derived from; the shop that redeems
	 * them needs the same one. Blank: no code can be issued, and the step becomes an
	 * incident naming this setting.
	 */
	public record Coupons(@DefaultValue("") String secret) {

		public boolean configured() {
			return secret != null && !secret.isBlank();
		}

	}

	/**
	 * @param url where webhook steps post their JSON; blank: the steps are skipped, and
	 * say so in the variable {@code webhookStatus}
	 * @param timeout for connecting and for the answer; a slow receiver is a failure,
	 * tried again by the step's retry cycle
	 */
	public record Webhook(
			@Pattern(regexp = "|https?://\\S+",
					message = "must be empty or an http(s) URL") @DefaultValue("") String url,
			@NotNull @DefaultValue("10s") Duration timeout) {

		public boolean enabled() {
			return url != null && !url.isBlank();
		}

	}

	/**
	 * @param defaultZone the zone of contacts without a valid time zone of their own
	 */
	public record LocalTimeWaits(@NotNull @DefaultValue("UTC") ZoneId defaultZone) {

	}

	/**
	 * @param refresh how long one reading of the due jobs and open incidents (two queries
	 * on the engine's tables) is reused by the gauges
	 */
	public record EngineMetrics(@NotNull @DefaultValue("5s") Duration refresh) {

	}

}
