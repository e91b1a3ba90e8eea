package io.tidings.sendtime.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Random;

/**
 * A made-up person whose reading habits are known: how often they look at their inbox in
 * each local hour of the week. A mail is judged at the first look after it arrives, and
 * the longer it waited the more it is buried: the chance it is opened then is
 * {@code interest * exp(-wait / BURIED_AFTER)}.
 *
 * @param looksPerHour expected inbox looks in each local hour of the week (Monday 00:00
 * first)
 * @param interest the chance a fresh mail is opened at a look
 */
record SyntheticContact(String id, ZoneId zone, double[] looksPerHour, double interest) {

	/** How fast a waiting mail sinks below newer ones. */
	static final double BURIED_AFTER_HOURS = 6;

	/** A mail not looked at for this long is never opened. */
	static final int HORIZON_HOURS = 72;

	/** The true chance a mail arriving at {@code arrival} is opened. */
	double openProbability(Instant arrival) {
		double notLookedYet = 1;
		double open = 0;
		for (int hour = 0; hour < HORIZON_HOURS; hour++) {
			double look = lookChance(arrival, hour);
			open += notLookedYet * look * interest * Math.exp(-(hour + 0.5) / BURIED_AFTER_HOURS);
			notLookedYet *= 1 - look;
		}
		return open;
	}

	/** When this person opens a mail arriving at {@code arrival}, if they do. */
	Optional<Instant> open(Instant arrival, Random random) {
		for (int hour = 0; hour < HORIZON_HOURS; hour++) {
			if (random.nextDouble() < lookChance(arrival, hour)) {
				double wait = hour + random.nextDouble();
				boolean opens = random.nextDouble() < interest * Math.exp(-wait / BURIED_AFTER_HOURS);
				return opens ? Optional.of(arrival.plusSeconds((long) (wait * 3600))) : Optional.empty();
			}
		}
		return Optional.empty();
	}

	private double lookChance(Instant arrival, int hour) {
		Instant at = arrival.plus(Duration.ofHours(hour));
		return 1 - Math.exp(-looksPerHour[WeeklyPattern.hourOfWeek(at, zone)]);
	}

}
