package io.tidings.sendtime.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;

/**
 * Weights over the 168 hours of a local week, Monday 00:00 being hour 0: how much
 * engagement fell in each hour, in the contact's own time zone.
 */
final class WeeklyPattern {

	static final int HOURS = 7 * 24;

	/**
	 * The share of a pattern that is pooled over the seven days by hour of day. A person
	 * who reads mail at 08:00 on the days we saw is likely to on the others too, and with
	 * a 24-hour window every hour of the day comes round only once, on one day.
	 */
	private static final double POOLED_OVER_DAYS = 0.85;

	private final double[] weights;

	WeeklyPattern() {
		this(new double[HOURS]);
	}

	private WeeklyPattern(double[] weights) {
		this.weights = weights;
	}

	static int hourOfWeek(ZonedDateTime local) {
		return (local.getDayOfWeek().getValue() - 1) * 24 + local.getHour();
	}

	static int hourOfWeek(Instant at, ZoneId zone) {
		return hourOfWeek(at.atZone(zone));
	}

	/**
	 * The fallback of last resort: the given local hour, and the same hour on other days
	 * at half the weight, so a window that misses the day still gets the hour.
	 */
	static WeeklyPattern defaultHour(DayOfWeek day, LocalTime time) {
		WeeklyPattern pattern = new WeeklyPattern();
		for (int d = 0; d < 7; d++) {
			pattern.add(d * 24 + time.getHour(), d == day.getValue() - 1 ? 1 : 0.5);
		}
		return pattern.normalised();
	}

	void add(int hourOfWeek, double weight) {
		weights[hourOfWeek] += weight;
	}

	double at(int hourOfWeek) {
		return weights[hourOfWeek];
	}

	/** The evidence behind the pattern: the sum of its (decayed) weights. */
	double total() {
		return Arrays.stream(weights).sum();
	}

	/** The same shape with weights that sum to 1; an empty pattern stays empty. */
	WeeklyPattern normalised() {
		double total = total();
		return total == 0 ? copy() : scaled(1 / total);
	}

	/**
	 * The same shape with its highest hour at {@code peak}; an empty pattern stays empty.
	 */
	WeeklyPattern peakScaled(double peak) {
		double max = Arrays.stream(weights).max().orElse(0);
		return max == 0 ? copy() : scaled(peak / max);
	}

	WeeklyPattern scaled(double factor) {
		return new WeeklyPattern(Arrays.stream(weights).map(weight -> weight * factor).toArray());
	}

	WeeklyPattern plus(WeeklyPattern other) {
		double[] sum = new double[HOURS];
		Arrays.setAll(sum, h -> weights[h] + other.weights[h]);
		return new WeeklyPattern(sum);
	}

	/**
	 * The pattern with each hour's weight shared with its neighbours (a quarter to each
	 * side: an open at 10:55 is as much 11:00 news) and partly pooled over the days, with
	 * the same total. Sparse histories generalise; dense ones keep their shape.
	 */
	WeeklyPattern generalised() {
		double[] smooth = new double[HOURS];
		Arrays.setAll(smooth,
				h -> 0.25 * weights[(h + HOURS - 1) % HOURS] + 0.5 * weights[h] + 0.25 * weights[(h + 1) % HOURS]);
		double[] byHourOfDay = new double[24];
		for (int h = 0; h < HOURS; h++) {
			byHourOfDay[h % 24] += smooth[h];
		}
		double[] result = new double[HOURS];
		Arrays.setAll(result, h -> (1 - POOLED_OVER_DAYS) * smooth[h] + POOLED_OVER_DAYS * byHourOfDay[h % 24] / 7);
		return new WeeklyPattern(result);
	}

	private WeeklyPattern copy() {
		return new WeeklyPattern(weights.clone());
	}

}
