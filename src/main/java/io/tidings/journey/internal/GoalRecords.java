package io.tidings.journey.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code journey_goals} table: one row per journey instance and goal, written in the
 * engine's transaction. A goal reached again in the same instance (a second order while a
 * non-interrupting goal listens) keeps the first row.
 */
@Component
class GoalRecords {

	private final JdbcTemplate jdbc;

	private final Clock clock;

	GoalRecords(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	record GoalReached(String contactId, String journeyKey, int journeyVersion, String instanceId, String goal,
			String eventName, String atStep, String mailStep, boolean exited, BigDecimal value, String currency) {
	}

	/** Insert unless the instance has reached the goal already; casts for PostgreSQL. */
	private static final String INSERT = """
			INSERT INTO journey_goals (id, contact_id, journey_key, journey_version, journey_instance_id, goal,
			       event_name, at_step_id, mail_step_id, exited, goal_value, currency, reached_at)
			SELECT CAST(? AS VARCHAR(36)), CAST(? AS VARCHAR(255)), CAST(? AS VARCHAR(255)), CAST(? AS INTEGER),
			       CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(128)),
			       CAST(? AS VARCHAR(255)), CAST(? AS VARCHAR(255)), CAST(? AS BOOLEAN),
			       CAST(? AS DECIMAL(19, 4)), CAST(? AS VARCHAR(3)), CAST(? AS TIMESTAMP WITH TIME ZONE)
			FROM (VALUES (1)) AS one(x)
			WHERE NOT EXISTS (SELECT 1 FROM journey_goals WHERE journey_instance_id = ? AND goal = ?)""";

	/**
	 * @return whether this was the first time the instance reached the goal
	 */
	boolean record(GoalReached goal) {
		return jdbc.update(INSERT, UUID.randomUUID().toString(), goal.contactId(), goal.journeyKey(),
				goal.journeyVersion(), goal.instanceId(), goal.goal(), goal.eventName(), goal.atStep(), goal.mailStep(),
				goal.exited(), goal.value(), goal.currency(), Timestamp.from(clock.instant()), goal.instanceId(),
				goal.goal()) == 1;
	}

}
