package io.tidings.analytics.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import io.tidings.analytics.JourneyGoalStats;
import io.tidings.analytics.JourneyStats;
import io.tidings.analytics.JourneyStats.Report;
import io.tidings.platform.InputErrors.FieldError;
import io.tidings.platform.InvalidInput;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/journeys/{key}/stats?from=&to=&version=}: per step and A/B variant,
 * what the journey's mails of the period achieved, and beside it how many contacts
 * reached the journey's goals. {@code from} and {@code to} are instants
 * ({@code 2026-11-01T00:00:00Z}) or days ({@code 2026-11-01}, from midnight UTC).
 */
@RestController
class JourneyStatsController {

	private final JourneyStats stats;

	private final JourneyGoalStats goals;

	JourneyStatsController(JourneyStats stats, JourneyGoalStats goals) {
		this.stats = stats;
		this.goals = goals;
	}

	@GetMapping("/api/journeys/{key}/stats")
	JourneyStatsView stats(@PathVariable String key, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String version) {
		Instant since = moment("from", from);
		Instant until = moment("to", to);
		Integer only = version("version", version);
		Report mails = stats.of(key, since, until, only);
		return new JourneyStatsView(mails, goals.of(key, since, until, only, mails));
	}

	private static Instant moment(String name, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
					: Instant.parse(value);
		}
		catch (DateTimeException ex) {
			throw new InvalidInput(List.of(new FieldError(name,
					"must be an instant (2026-11-01T00:00:00Z) or a day (2026-11-01), not '" + value + "'")));
		}
	}

	private static Integer version(String name, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			int version = Integer.parseInt(value.strip());
			if (version < 1) {
				throw new NumberFormatException();
			}
			return version;
		}
		catch (NumberFormatException ex) {
			throw new InvalidInput(List.of(new FieldError(name, "must be a version number (1, 2, ...)")));
		}
	}

}
