package io.tidings.analytics;

import java.time.LocalDate;
import java.util.List;

/**
 * What a journey's mails achieved day by day: the mails queued on each day (UTC) with
 * what has become of them since, for charting rates over time.
 */
public interface DailyJourneyStats {

	/** The longest period one request may ask for. */
	int MAX_DAYS = 366;

	/**
	 * @param from the first day
	 * @param to the day after the last
	 * @return every day of the period in order, days without mail as zeros
	 * @throws io.tidings.journey.UnknownJourney when no journey has the key
	 * @throws io.tidings.platform.InvalidInput when {@code to} is not after {@code from}
	 * or the period is longer than {@link #MAX_DAYS}
	 */
	Series of(String journeyKey, LocalDate from, LocalDate to);

	record Series(String journeyKey, LocalDate from, LocalDate to, List<Day> days) {
	}

	/**
	 * One day's mails, counted as in {@link JourneyStats.Counts}: sent (accepted by the
	 * relay), delivered (sent and not bounced), opened by a person, clicked by a person,
	 * and the conversions attributed to them.
	 */
	record Day(LocalDate day, long sent, long delivered, long opened, long clicked, long converted, Rates rates) {

		public static Day of(LocalDate day, long sent, long delivered, long opened, long clicked, long converted) {
			return new Day(day, sent, delivered, opened, clicked, converted, new Rates(ratio(delivered, sent),
					ratio(opened, delivered), ratio(clicked, delivered), ratio(converted, delivered)));
		}

		private static Double ratio(long part, long whole) {
			return whole == 0 ? null : (double) part / whole;
		}

	}

	/**
	 * Fractions, null where the base is zero: delivery per sent; open, click and
	 * conversion per delivered.
	 */
	record Rates(Double delivery, Double open, Double click, Double conversion) {
	}

}
