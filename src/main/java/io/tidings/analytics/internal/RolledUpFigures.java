package io.tidings.analytics.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.tidings.analytics.DailyJourneyStats.Day;
import io.tidings.analytics.JourneyStats.Counts;
import io.tidings.analytics.internal.RollupPlan.Interval;
import io.tidings.analytics.internal.StepFigures.Key;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Statistics from the rollup ({@link JourneyStatsRollup}) for the whole days of a period
 * without pending changes, and from the raw tables ({@link RollupSql#FIGURES}) for the
 * rest, as {@link RollupPlan} splits it: the same figures as the raw queries, whatever
 * the rollup has taken in so far. Unique clickers are counted distinct over the stored
 * clickers and the raw part's together, so they stay exact.
 */
@Component
class RolledUpFigures {

	private static final Instant EVER = Instant.parse("1970-01-01T00:00:00Z");

	private static final Instant NEVER = Instant.parse("9999-12-31T00:00:00Z");

	private final JdbcTemplate jdbc;

	RolledUpFigures(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	StepFigures of(String journeyKey, Instant from, Instant to, Integer version) {
		RollupPlan plan = RollupPlan.of(from, to, pendingDays(journeyKey));
		Object[] stored = stored(journeyKey, plan, version);
		Map<Key, Counts> counts = new HashMap<>();
		jdbc.query(RollupSql.STORED_FIGURES, rs -> {
			counts.merge(StepFigures.key(rs), StepFigures.counts(rs, true), StepFigures::plus);
		}, stored);
		List<Object> clickerArguments = new ArrayList<>(Arrays.asList(stored));
		for (Interval part : plan.raw()) {
			Object[] mails = mails(journeyKey, part, version);
			jdbc.query(RollupSql.FIGURES, rs -> {
				counts.merge(StepFigures.key(rs), StepFigures.counts(rs, true), StepFigures::plus);
			}, mails);
			clickerArguments.addAll(Arrays.asList(mails));
		}
		Map<Key, Long> unique = new HashMap<>();
		jdbc.query(uniqueClickers(plan.raw().size()), rs -> {
			unique.put(StepFigures.key(rs), rs.getLong("unique_clickers"));
		}, clickerArguments.toArray());
		counts.replaceAll((key, value) -> StepFigures.with(value, unique.getOrDefault(key, 0L), value.unsubscribed()));
		return new StepFigures(counts, unique.getOrDefault(new Key(null, null), 0L));
	}

	/**
	 * Distinct clickers per step and variant, and of the journey (the row without a
	 * step), over the stored clickers and those of {@code rawParts} raw parts.
	 * Parameters: those of {@link RollupSql#STORED_CLICKERS}, then those of
	 * {@link RollupSql#CLICKERS} for each part.
	 */
	static String uniqueClickers(int rawParts) {
		StringBuilder clickers = new StringBuilder(RollupSql.STORED_CLICKERS);
		for (int i = 0; i < rawParts; i++) {
			clickers.append("\nUNION ALL SELECT step_id, variant, contact_id FROM (")
				.append(RollupSql.CLICKERS)
				.append(") raw")
				.append(i);
		}
		return """
				WITH c AS (%s)
				SELECT step_id, variant, COUNT(DISTINCT contact_id) AS unique_clickers FROM c GROUP BY step_id, variant
				UNION ALL
				SELECT NULL, NULL, COUNT(DISTINCT contact_id) FROM c""".formatted(clickers);
	}

	/** The days from {@code from} to {@code to} (exclusive) that had mail. */
	Map<LocalDate, Day> daily(String journeyKey, LocalDate from, LocalDate to) {
		RollupPlan plan = RollupPlan.of(RollupPlan.start(from), RollupPlan.start(to), pendingDays(journeyKey));
		Map<LocalDate, Day> days = new HashMap<>();
		jdbc.query(RollupSql.STORED_DAILY, rs -> {
			LocalDate day = rs.getObject("mail_day", LocalDate.class);
			days.put(day, Day.of(day, rs.getLong("sent"), rs.getLong("delivered"), rs.getLong("opened"),
					rs.getLong("clicked"), rs.getLong("converted")));
		}, stored(journeyKey, plan, null));
		for (Interval part : plan.raw()) {
			for (LocalDate day = RollupPlan.day(part.from()); day
				.isBefore(RollupPlan.day(part.to())); day = day.plusDays(1)) {
				long[] sums = new long[5];
				jdbc.query(RollupSql.FIGURES, rs -> {
					String[] columns = { "sent", "delivered", "opened", "clicked", "converted" };
					for (int i = 0; i < columns.length; i++) {
						sums[i] += rs.getLong(columns[i]);
					}
				}, mails(journeyKey, new Interval(RollupPlan.start(day), RollupPlan.start(day.plusDays(1))), null));
				if (sums[0] + sums[1] + sums[2] + sums[3] + sums[4] > 0) {
					days.put(day, Day.of(day, sums[0], sums[1], sums[2], sums[3], sums[4]));
				}
			}
		}
		return days;
	}

	private List<LocalDate> pendingDays(String journeyKey) {
		return jdbc.queryForList(RollupSql.PENDING_DAYS, LocalDate.class, journeyKey);
	}

	static Object[] stored(String journeyKey, RollupPlan plan, Integer version) {
		return new Object[] { journeyKey, plan.firstDay(), plan.endDay(), plan.pendingArray(), version, version };
	}

	static Object[] mails(String journeyKey, Interval part, Integer version) {
		return new Object[] { journeyKey, Timestamp.from(part.from() == null ? EVER : part.from()),
				Timestamp.from(part.to() == null ? NEVER : part.to()), version, version };
	}

}
