package io.tidings.journey.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The next moment a wall clock in a zone shows a given time, optionally on a given day of
 * the week. When daylight saving time skips the time (a gap), the moment is as late as
 * the gap is long (02:30 becomes 03:30); when it repeats it (an overlap), the first
 * occurrence not before now counts.
 */
final class LocalTimes {

	/** Eight days: today, and a week later when today's time has passed. */
	private static final int DAYS_AHEAD = 8;

	private LocalTimes() {
	}

	/** The earliest such moment at or after {@code now}. */
	static Instant next(Instant now, ZoneId zone, LocalTime time, Optional<DayOfWeek> day) {
		LocalDate today = now.atZone(zone).toLocalDate();
		for (int ahead = 0; ahead <= DAYS_AHEAD; ahead++) {
			LocalDate date = today.plusDays(ahead);
			if (day.isPresent() && date.getDayOfWeek() != day.get()) {
				continue;
			}
			Optional<Instant> moment = occurrences(LocalDateTime.of(date, time), zone).stream()
				.filter(instant -> !instant.isBefore(now))
				.findFirst();
			if (moment.isPresent()) {
				return moment.get();
			}
		}
		throw new IllegalStateException("No " + time + " in " + zone + " within " + DAYS_AHEAD + " days of " + now);
	}

	/** One moment, two in an overlap (earlier first), the shifted one in a gap. */
	private static List<Instant> occurrences(LocalDateTime wallClock, ZoneId zone) {
		List<ZoneOffset> offsets = zone.getRules().getValidOffsets(wallClock);
		if (offsets.isEmpty()) {
			return List.of(ZonedDateTime.of(wallClock, zone).toInstant());
		}
		return offsets.stream().map(offset -> wallClock.toInstant(offset)).sorted().toList();
	}

}
