package io.tidings.analytics.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tidings.analytics.JourneyGoalStats;
import io.tidings.analytics.JourneyStats;
import io.tidings.journey.JourneyCatalog;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Goal figures from {@code journey_goals} (one row per instance and goal, through its
 * index on journey and time), and the journey's entries from the engine's history.
 */
@Service
class JdbcJourneyGoalStats implements JourneyGoalStats {

	private static final String GOALS = """
			journey_key = ? AND reached_at >= ? AND reached_at < ?
			AND (CAST(? AS INTEGER) IS NULL OR journey_version = ?)""";

	private static final String PER_GOAL_AND_STEP = """
			SELECT goal, mail_step_id, COUNT(*) AS reached, SUM(CASE WHEN exited THEN 1 ELSE 0 END) AS exited,
			       SUM(goal_value) AS goal_value
			FROM journey_goals WHERE %s
			GROUP BY goal, mail_step_id ORDER BY goal, mail_step_id""".formatted(GOALS);

	private static final String CONTACTS = """
			SELECT COUNT(DISTINCT journey_instance_id) AS reached,
			       COUNT(DISTINCT CASE WHEN exited THEN journey_instance_id END) AS exited
			FROM journey_goals WHERE %s""".formatted(GOALS);

	private static final Instant EVER = Instant.parse("1970-01-01T00:00:00Z");

	private static final Instant NEVER = Instant.parse("9999-12-31T00:00:00Z");

	private final JdbcTemplate jdbc;

	private final JourneyCatalog catalog;

	JdbcJourneyGoalStats(JdbcTemplate jdbc, JourneyCatalog catalog) {
		this.jdbc = jdbc;
		this.catalog = catalog;
	}

	@Override
	@Transactional(readOnly = true)
	public Goals of(String journeyKey, Instant from, Instant to, Integer version, JourneyStats.Report mails) {
		Object[] where = { journeyKey, Timestamp.from(from == null ? EVER : from),
				Timestamp.from(to == null ? NEVER : to), version, version };
		long entered = catalog.entered(journeyKey, from, to, version);
		Map<String, Goal> goals = new LinkedHashMap<>();
		Map<String, Long> perStep = new LinkedHashMap<>();
		jdbc.query(PER_GOAL_AND_STEP, rs -> {
			BigDecimal value = rs.getBigDecimal("goal_value");
			Goal row = new Goal(rs.getString("goal"), rs.getLong("reached"), rs.getLong("exited"), null,
					value == null ? BigDecimal.ZERO : value);
			goals.merge(row.goal(), row, JdbcJourneyGoalStats::plus);
			String step = rs.getString("mail_step_id");
			if (step != null) {
				perStep.merge(step, row.reached(), Long::sum);
			}
		}, where);
		List<Goal> perGoal = goals.values()
			.stream()
			.map(goal -> new Goal(goal.goal(), goal.reached(), goal.exited(), ratio(goal.reached(), entered),
					goal.value()))
			.toList();
		List<Step> steps = new ArrayList<>();
		for (JourneyStats.Step step : mails.steps()) {
			long reached = perStep.getOrDefault(step.stepId(), 0L);
			steps.add(new Step(step.stepId(), step.name(), reached, ratio(reached, step.counts().delivered())));
		}
		long[] contacts = jdbc.queryForObject(CONTACTS,
				(rs, row) -> new long[] { rs.getLong("reached"), rs.getLong("exited") }, where);
		BigDecimal value = perGoal.stream().map(Goal::value).reduce(BigDecimal.ZERO, BigDecimal::add);
		return new Goals(entered, contacts[0], contacts[1], ratio(contacts[0], entered), value, perGoal, steps);
	}

	private static Goal plus(Goal a, Goal b) {
		return new Goal(a.goal(), a.reached() + b.reached(), a.exited() + b.exited(), null, a.value().add(b.value()));
	}

	private static Double ratio(long part, long whole) {
		return whole == 0 ? null : (double) part / whole;
	}

}
