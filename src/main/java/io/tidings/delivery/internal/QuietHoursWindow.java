package io.tidings.delivery.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * Local hours in which no marketing mail goes out. The window is [start, end) in the
 * recipient's zone and may cross midnight; around a daylight-saving change the end is
 * whatever the zone's rules make of that local time.
 */
record QuietHoursWindow(LocalTime start, LocalTime end) {

	/** When the mail may go, if {@code now} falls inside the window. */
	Optional<Instant> deferUntil(Instant now, ZoneId zone) {
		ZonedDateTime local = now.atZone(zone);
		LocalTime time = local.toLocalTime();
		boolean crossesMidnight = start.isAfter(end);
		boolean quiet = crossesMidnight ? !time.isBefore(start) || time.isBefore(end)
				: !time.isBefore(start) && time.isBefore(end);
		if (!quiet) {
			return Optional.empty();
		}
		LocalDate endDay = crossesMidnight && !time.isBefore(start) ? local.toLocalDate().plusDays(1)
				: local.toLocalDate();
		return Optional.of(ZonedDateTime.of(endDay, end, zone).toInstant());
	}

}
