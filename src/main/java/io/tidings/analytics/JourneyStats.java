package io.tidings.analytics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What a journey's mails achieved, per BPMN step and per A/B variant, from stored
 * deliveries, opens, clicks, conversions and unsubscribes.
 */
public interface JourneyStats {

	/**
	 * @param from mails queued at or after it, or null for all
	 * @param to mails queued before it, or null for all
	 * @param version only mails of this version of the journey, or null for every version
	 * @throws io.tidings.journey.UnknownJourney when no journey has the key
	 * @throws io.tidings.platform.InvalidInput when {@code from} is not before {@code to}
	 */
	Report of(String journeyKey, Instant from, Instant to, Integer version);

	record Report(String journeyKey, Instant from, Instant to, Integer version, Counts total, Rates totalRates,
			List<Step> steps) {
	}

	/** One send step: its counts, and per A/B variant when it has variants. */
	record Step(String stepId, String name, Counts counts, Rates rates, List<Variant> variants) {
	}

	record Variant(String variant, Counts counts, Rates rates) {
	}

	/**
	 * @param queued mails the step queued
	 * @param sent mails that went out (accepted by the relay, some bounced later)
	 * @param delivered sent and not bounced
	 * @param deferred waiting (quiet hours, frequency cap, a temporary failure)
	 * @param skipped not sent: suppressed, no consent, withdrawn on an unsubscribe
	 * @param opened mails opened by a person at least once (machine opens left out)
	 * @param clicked mails with at least one click by a person
	 * @param uniqueClickers contacts who clicked
	 * @param converted conversions attributed to the step's mails
	 * @param unsubscribed mails whose recipient unsubscribed within three days after it
	 * went out
	 */
	record Counts(long queued, long sent, long delivered, long deferred, long bounced, long skipped, long failed,
			long opened, long clicked, long uniqueClickers, long converted, BigDecimal revenue, long unsubscribed) {
	}

	/**
	 * Fractions (0.25 is 25 %), null where the base is zero: delivery and bounce per
	 * sent, open, click, conversion and unsubscribe per delivered, click-to-open per
	 * opened.
	 */
	record Rates(Double delivery, Double bounce, Double open, Double click, Double clickToOpen, Double conversion,
			Double unsubscribe) {

		public static Rates of(Counts counts) {
			return new Rates(ratio(counts.delivered(), counts.sent()), ratio(counts.bounced(), counts.sent()),
					ratio(counts.opened(), counts.delivered()), ratio(counts.clicked(), counts.delivered()),
					ratio(counts.clicked(), counts.opened()), ratio(counts.converted(), counts.delivered()),
					ratio(counts.unsubscribed(), counts.delivered()));
		}

		private static Double ratio(long part, long whole) {
			return whole == 0 ? null : (double) part / whole;
		}

	}

}
