package io.tidings.analytics.web;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;

import io.tidings.analytics.DailyJourneyStats;
import io.tidings.analytics.DailyJourneyStats.Series;
import io.tidings.platform.InputErrors.FieldError;
import io.tidings.platform.InvalidInput;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/journeys/{key}/stats/daily?from=&to=}: per day (UTC) the journey's
 * mails queued that day and what became of them. {@code from} is the first day,
 * {@code to} the day after the last (as in the stats); without them, the last
 * {@value #DEFAULT_DAYS} days up to today.
 */
@RestController
class DailyJourneyStatsController {

	static final int DEFAULT_DAYS = 30;

	private final DailyJourneyStats stats;

	private final Clock clock;

	DailyJourneyStatsController(DailyJourneyStats stats, Clock clock) {
		this.stats = stats;
		this.clock = clock;
	}

	@GetMapping("/api/journeys/{key}/stats/daily")
	Series daily(@PathVariable String key, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		LocalDate until = day("to", to);
		if (until == null) {
			until = LocalDate.now(clock).plusDays(1);
		}
		LocalDate since = day("from", from);
		return stats.of(key, since == null ? until.minusDays(DEFAULT_DAYS) : since, until);
	}

	private static LocalDate day(String name, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeException ex) {
			throw new InvalidInput(List.of(new FieldError(name, "must be a day (2026-11-01), not '" + value + "'")));
		}
	}

}
