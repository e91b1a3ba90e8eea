package io.tidings.sendtime.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.tidings.sendtime.SendTimeProperties;

/**
 * Picks the send time: scores each local hour of the week by the contact's own decayed
 * engagement blended with a prior (the audience's pattern, or else the default hour) by
 * evidence, and takes the first hour within the window that scores about as well as the
 * best one there.
 */
final class SendTimeModel {

	/**
	 * An hour scoring at least this share of the window's best is as good as the best: a
	 * mail that waits a day for a slightly better hour has gone stale by then.
	 */
	static final double NEARLY_AS_GOOD = 0.9;

	private final SendTimeProperties properties;

	private final Decay decay;

	private final WeeklyPattern defaultHour;

	SendTimeModel(SendTimeProperties properties) {
		this.properties = properties;
		this.decay = new Decay(properties.halfLife());
		this.defaultHour = WeeklyPattern.defaultHour(properties.defaultDay(), properties.defaultTime());
	}

	/** The decayed engagement of one contact, by local hour of the week. */
	WeeklyPattern patternOf(Collection<Instant> engagements, ZoneId zone, Instant now) {
		WeeklyPattern pattern = new WeeklyPattern();
		engagements.forEach(at -> pattern.add(WeeklyPattern.hourOfWeek(at, zone), decay.weight(at, now)));
		return pattern;
	}

	Decay decay() {
		return decay;
	}

	/**
	 * The best moment in [now, now + maxDelay]: the start of the earliest local hour that
	 * scores nearly as well as the best of the window; now when that hour has begun or is
	 * less than {@code sendNowWithin} away.
	 */
	Instant best(WeeklyPattern contact, WeeklyPattern audience, ZoneId zone, Instant now, Duration maxDelay) {
		WeeklyPattern scores = scores(contact, audience);
		Instant latest = now.plus(maxDelay.isNegative() ? Duration.ZERO : maxDelay);
		List<ZonedDateTime> candidates = new ArrayList<>();
		candidates.add(now.atZone(zone));
		// plusHours moves along the instant line, so a DST change skips or repeats a
		// local
		// hour rather than shifting every candidate after it.
		for (ZonedDateTime hour = now.atZone(zone).truncatedTo(ChronoUnit.HOURS).plusHours(1); !hour.toInstant()
			.isAfter(latest); hour = hour.plusHours(1)) {
			candidates.add(hour);
		}
		double top = candidates.stream().mapToDouble(at -> scores.at(WeeklyPattern.hourOfWeek(at))).max().orElseThrow();
		Instant best = candidates.stream()
			.filter(at -> scores.at(WeeklyPattern.hourOfWeek(at)) >= NEARLY_AS_GOOD * top)
			.findFirst()
			.orElseThrow()
			.toInstant();
		return Duration.between(now, best).compareTo(properties.sendNowWithin()) < 0 ? now : best;
	}

	/**
	 * The contact's own pattern blended with a prior (the audience's pattern, or the
	 * default hour when the audience has less evidence than one contact needs), each
	 * scaled so its favourite hour scores 1, and weighted by evidence: the contact's
	 * share is evidence / (evidence + minWeight). Scaling by the peak rather than the sum
	 * keeps a prior that puts everything on one hour from drowning a contact who reads
	 * mail at several.
	 */
	WeeklyPattern scores(WeeklyPattern contact, WeeklyPattern audience) {
		WeeklyPattern prior = audience.total() >= properties.minWeight() ? audience : defaultHour;
		double evidence = contact.total();
		double share = evidence / (evidence + properties.minWeight());
		return contact.generalised().peakScaled(share).plus(prior.generalised().peakScaled(1 - share));
	}

}
