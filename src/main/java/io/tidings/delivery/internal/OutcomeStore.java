package io.tidings.delivery.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.tidings.delivery.DeliveryOutcome;
import io.tidings.delivery.DeliveryStatus;
import io.tidings.delivery.SendingStep;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Outcomes still to be told to their journeys: rows with {@code report_due} set. They are
 * taken with SKIP LOCKED, so two nodes never report the same one at once.
 */
@Repository
class OutcomeStore {

	private final NamedParameterJdbcTemplate jdbc;

	private final Clock clock;

	OutcomeStore(NamedParameterJdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Locks the next due outcome for the caller's transaction. */
	Optional<DeliveryOutcome> lockNext() {
		return lockDue(1).stream().findFirst();
	}

	/**
	 * Locks up to {@code limit} due outcomes for the caller's transaction, oldest first.
	 */
	List<DeliveryOutcome> lockDue(int limit) {
		return jdbc.query("""
				SELECT id, message_id, status, status_reason, smtp_reply, last_error, journey_key,
				       journey_instance_id, execution_id, activity_instance_id, step_id
				FROM deliveries WHERE report_due = TRUE AND next_attempt_at <= :now
				ORDER BY next_attempt_at
				FETCH FIRST :limit ROWS ONLY
				FOR UPDATE SKIP LOCKED""",
				new MapSqlParameterSource("now", Timestamp.from(clock.instant())).addValue("limit", limit),
				(rs, row) -> {
					DeliveryStatus status = DeliveryStatus.valueOf(rs.getString("status"));
					return new DeliveryOutcome(rs.getString("id"), rs.getString("message_id"), status,
							detail(status, rs.getString("smtp_reply"), rs.getString("last_error"),
									rs.getString("status_reason")),
							new SendingStep(rs.getString("journey_key"), rs.getString("journey_instance_id"),
									rs.getString("execution_id"), rs.getString("activity_instance_id"),
									rs.getString("step_id")));
				});
	}

	void reported(Collection<String> ids) {
		if (!ids.isEmpty()) {
			jdbc.update("UPDATE deliveries SET report_due = FALSE WHERE id IN (:ids)",
					new MapSqlParameterSource("ids", ids));
		}
	}

	/** A report that failed is tried again later, after the outcomes behind it. */
	void postpone(String id, Instant until) {
		jdbc.update("UPDATE deliveries SET next_attempt_at = :until WHERE id = :id AND report_due = TRUE",
				new MapSqlParameterSource("id", id).addValue("until", Timestamp.from(until)));
	}

	private static String detail(DeliveryStatus status, String reply, String error, String reason) {
		return switch (status) {
			case SENT -> reply;
			case BOUNCED, FAILED -> error != null ? error : reply;
			default -> reason;
		};
	}

}
