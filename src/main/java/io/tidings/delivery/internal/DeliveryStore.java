package io.tidings.delivery.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workers' side of the outbox. A claim moves due rows to SENDING with a lease: SKIP
 * LOCKED keeps two nodes from taking the same row, and a row whose worker died comes due
 * again when its lease ends.
 */
@Repository
class DeliveryStore {

	private static final int MAX_TEXT = 2000;

	private final NamedParameterJdbcTemplate jdbc;

	private final Clock clock;

	DeliveryStore(NamedParameterJdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional
	public List<ClaimedDelivery> claim(String workerId, int batchSize, Duration lease) {
		Instant now = clock.instant();
		List<String> ids = jdbc.queryForList("""
				SELECT id FROM deliveries
				WHERE status IN ('QUEUED', 'SENDING') AND next_attempt_at <= :now
				ORDER BY next_attempt_at
				FETCH FIRST :limit ROWS ONLY
				FOR UPDATE SKIP LOCKED""",
				new MapSqlParameterSource("now", Timestamp.from(now)).addValue("limit", batchSize), String.class);
		if (ids.isEmpty()) {
			return Collections.emptyList();
		}
		jdbc.update("""
				UPDATE deliveries
				SET status = 'SENDING', claimed_by = :worker, attempts = attempts + 1, next_attempt_at = :leaseEnd
				WHERE id IN (:ids)""", new MapSqlParameterSource("ids", ids).addValue("worker", workerId)
			.addValue("leaseEnd", Timestamp.from(now.plus(lease))));
		return jdbc.query("""
				SELECT id, message_id, recipient, recipient_name, subject, html_body, text_body, attempts
				FROM deliveries WHERE id IN (:ids) ORDER BY next_attempt_at, created_at""",
				new MapSqlParameterSource("ids", ids),
				(rs, row) -> new ClaimedDelivery(rs.getString("id"), rs.getString("message_id"),
						rs.getString("recipient"), rs.getString("recipient_name"), rs.getString("subject"),
						rs.getString("html_body"), rs.getString("text_body"), rs.getInt("attempts")));
	}

	public void markSent(String id, String workerId, String smtpReply) {
		finish(id, workerId, "SENT", smtpReply, null);
	}

	public void markBounced(String id, String workerId, String smtpReply) {
		finish(id, workerId, "BOUNCED", smtpReply, smtpReply);
	}

	public void markFailed(String id, String workerId, String error) {
		finish(id, workerId, "FAILED", null, error);
	}

	public void scheduleRetry(String id, String workerId, String error, Instant nextAttempt) {
		jdbc.update("""
				UPDATE deliveries SET status = 'QUEUED', claimed_by = NULL, last_error = :error, next_attempt_at = :next
				WHERE id = :id AND status = 'SENDING' AND claimed_by = :worker""",
				new MapSqlParameterSource("id", id).addValue("worker", workerId)
					.addValue("error", truncate(error))
					.addValue("next", Timestamp.from(nextAttempt)));
	}

	/**
	 * Gives claimed rows that were not attempted back, due at once and without using up
	 * an attempt.
	 */
	public void release(List<String> ids, String workerId) {
		if (ids.isEmpty()) {
			return;
		}
		jdbc.update(
				"""
						UPDATE deliveries SET status = 'QUEUED', claimed_by = NULL, attempts = attempts - 1, next_attempt_at = :now
						WHERE id IN (:ids) AND status = 'SENDING' AND claimed_by = :worker""",
				new MapSqlParameterSource("ids", ids).addValue("worker", workerId)
					.addValue("now", Timestamp.from(clock.instant())));
	}

	private void finish(String id, String workerId, String status, String smtpReply, String error) {
		jdbc.update("""
				UPDATE deliveries SET status = :status, smtp_reply = :reply, last_error = :error, sent_at = :now
				WHERE id = :id AND status = 'SENDING' AND claimed_by = :worker""",
				new MapSqlParameterSource("id", id).addValue("worker", workerId)
					.addValue("status", status)
					.addValue("reply", truncate(smtpReply))
					.addValue("error", truncate(error))
					.addValue("now", Timestamp.from(clock.instant())));
	}

	private static String truncate(String text) {
		return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
	}

}
