package io.tidings.analytics.internal;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.tidings.analytics.DailyJourneyStats;
import io.tidings.journey.JourneyCatalog;
import io.tidings.platform.InputErrors.FieldError;
import io.tidings.platform.InvalidInput;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The daily series from the rollup ({@link RolledUpFigures}) or, on H2 and with the
 * rollup off, in one grouped query over the journey's mails of the period (through the
 * index on journey and time). The day is taken from the epoch seconds, so it is the UTC
 * day on H2 and PostgreSQL alike, whatever the session's time zone.
 */
@Service
class JdbcDailyJourneyStats implements DailyJourneyStats {

	private static final String EPOCH_DAY = "FLOOR(EXTRACT(EPOCH FROM d.created_at) / 86400)";

	static final String PER_DAY = """
			SELECT %1$s AS epoch_day,
			       SUM(CASE WHEN d.sent_at IS NOT NULL AND d.status IN ('SENT', 'BOUNCED') THEN 1 ELSE 0 END) AS sent,
			       SUM(CASE WHEN d.status = 'SENT' THEN 1 ELSE 0 END) AS delivered,
			       SUM(CASE WHEN e.opens > 0 THEN 1 ELSE 0 END) AS opened,
			       SUM(CASE WHEN e.clicks > 0 THEN 1 ELSE 0 END) AS clicked,
			       COALESCE(SUM(v.conversions), 0) AS converted
			FROM deliveries d
			LEFT JOIN (SELECT delivery_id, SUM(CASE WHEN kind = 'OPEN' THEN 1 ELSE 0 END) AS opens,
			                  SUM(CASE WHEN kind = 'CLICK' THEN 1 ELSE 0 END) AS clicks
			           FROM engagements WHERE journey_key = ? AND machine = FALSE GROUP BY delivery_id) e
			       ON e.delivery_id = d.id
			LEFT JOIN (SELECT delivery_id, COUNT(*) AS conversions FROM conversions
			           WHERE journey_key = ? GROUP BY delivery_id) v
			       ON v.delivery_id = d.id
			WHERE d.journey_key = ? AND d.created_at >= ? AND d.created_at < ?
			GROUP BY %1$s""".formatted(EPOCH_DAY);

	private final JdbcTemplate jdbc;

	private final JourneyCatalog catalog;

	private final JourneyStatsRollup rollup;

	private final RolledUpFigures rolledUp;

	JdbcDailyJourneyStats(JdbcTemplate jdbc, JourneyCatalog catalog, JourneyStatsRollup rollup,
			RolledUpFigures rolledUp) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.rollup = rollup;
		this.rolledUp = rolledUp;
	}

	@Override
	@Transactional(readOnly = true)
	public Series of(String journeyKey, LocalDate from, LocalDate to) {
		if (!from.isBefore(to)) {
			throw new InvalidInput(List.of(new FieldError("to", "must be after from")));
		}
		if (ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
			throw new InvalidInput(List.of(new FieldError("from", "must be at most " + MAX_DAYS + " days before to")));
		}
		rollup.planForTheArguments();
		catalog.stepNames(journeyKey);
		Map<LocalDate, Day> found = rollup.active() ? rolledUp.daily(journeyKey, from, to) : raw(journeyKey, from, to);
		List<Day> days = from.datesUntil(to).map(day -> found.getOrDefault(day, Day.of(day, 0, 0, 0, 0, 0))).toList();
		return new Series(journeyKey, from, to, days);
	}

	/** The days from the raw tables alone, as on H2 or with the rollup off. */
	Map<LocalDate, Day> raw(String journeyKey, LocalDate from, LocalDate to) {
		Map<LocalDate, Day> found = new HashMap<>();
		jdbc.query(PER_DAY, rs -> {
			LocalDate day = LocalDate.ofEpochDay(rs.getLong("epoch_day"));
			found.put(day, Day.of(day, rs.getLong("sent"), rs.getLong("delivered"), rs.getLong("opened"),
					rs.getLong("clicked"), rs.getLong("converted")));
		}, arguments(journeyKey, from, to));
		return found;
	}

	/** The arguments of {@link #PER_DAY}. */
	static Object[] arguments(String journeyKey, LocalDate from, LocalDate to) {
		return new Object[] { journeyKey, journeyKey, journeyKey, midnight(from), midnight(to) };
	}

	private static Timestamp midnight(LocalDate day) {
		return Timestamp.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
	}

}
