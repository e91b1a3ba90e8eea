package io.tidings.delivery.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.tidings.consent.EmailCategory;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workers' side of the outbox. A claim moves due rows to SENDING with a lease: SKIP
 * LOCKED keeps two nodes from taking the same row, and a row whose worker died comes due
 * again when its lease ends. Every outcome is recorded only by the row's current worker,
 * and a final one marks the row for the reporter to tell its journey.
 */
@Repository
class DeliveryStore {

	private static final int MAX_TEXT = 2000;

	/**
	 * The earliest due rows still to be sent. On PostgreSQL the partial index
	 * deliveries_claimable (V25) holds exactly these rows in this order, so a claim reads
	 * its batch and stops however long the backlog is.
	 */
	static final String CLAIM = """
			SELECT id FROM deliveries
			WHERE status IN ('QUEUED', 'DEFERRED', 'SENDING') AND next_attempt_at <= :now
			ORDER BY next_attempt_at
			FETCH FIRST :limit ROWS ONLY
			FOR UPDATE SKIP LOCKED""";

	private static final int MAX_REASON = 255;

	/**
	 * A row this worker still holds. The status is compared as an expression on purpose:
	 * PostgreSQL's statistics nearly always see few rows in SENDING, so compared plainly
	 * the planner finds the row through deliveries_due or deliveries_claimable rather
	 * than by its id, and then walks past every row that went through SENDING since the
	 * last vacuum (the bench caught marking a mail sent at 3.6 ms that way).
	 */
	static final String HELD = "status || '' = 'SENDING' AND claimed_by = :worker";

	private final NamedParameterJdbcTemplate jdbc;

	private final Clock clock;

	DeliveryStore(NamedParameterJdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional
	public List<ClaimedDelivery> claim(String workerId, int batchSize, Duration lease) {
		Instant now = clock.instant();
		List<String> ids = jdbc.queryForList(CLAIM,
				new MapSqlParameterSource("now", Timestamp.from(now)).addValue("limit", batchSize), String.class);
		if (ids.isEmpty()) {
			return Collections.emptyList();
		}
		jdbc.update("""
				UPDATE deliveries
				SET status = 'SENDING', claimed_by = :worker, attempts = attempts + 1, next_attempt_at = :leaseEnd
				WHERE id IN (:ids)""", new MapSqlParameterSource("ids", ids).addValue("worker", workerId)
			.addValue("leaseEnd", Timestamp.from(now.plus(lease))));
		return jdbc.query(
				"""
						SELECT id, message_id, contact_id, category, topic, recipient, recipient_name, recipient_time_zone, subject,
						       html_body, text_body, attempts, created_at, unsubscribe_url, journey_instance_id, step_id
						FROM deliveries WHERE id IN (:ids) ORDER BY created_at, id""",
				new MapSqlParameterSource("ids", ids),
				(rs, row) -> new ClaimedDelivery(rs.getString("id"), rs.getString("message_id"),
						rs.getString("contact_id"), EmailCategory.valueOf(rs.getString("category")),
						rs.getString("topic"), rs.getString("recipient"), rs.getString("recipient_name"),
						rs.getString("recipient_time_zone"), rs.getString("subject"), rs.getString("html_body"),
						rs.getString("text_body"), rs.getInt("attempts"), rs.getTimestamp("created_at").toInstant(),
						rs.getString("unsubscribe_url"), rs.getString("journey_instance_id"), rs.getString("step_id")));
	}

	public void markSent(String id, String workerId, String smtpReply) {
		finish(id, workerId, "SENT", "sent_at", smtpReply, null, null);
	}

	/**
	 * @return false when the row is no longer this worker's, or gone (the contact was
	 * erased while its mail was on the wire)
	 */
	public boolean markBounced(String id, String workerId, String smtpReply) {
		return finish(id, workerId, "BOUNCED", "bounced_at", smtpReply, smtpReply, "hard bounce") == 1;
	}

	public boolean exists(String id) {
		return jdbc.queryForObject("SELECT count(*) FROM deliveries WHERE id = :id",
				new MapSqlParameterSource("id", id), Long.class) > 0;
	}

	public void markFailed(String id, String workerId, String error) {
		finish(id, workerId, "FAILED", null, null, error, "gave up after the last attempt");
	}

	public void markSkipped(String id, String workerId, String reason) {
		finish(id, workerId, "SKIPPED", null, null, null, reason);
	}

	/** A temporary failure: tried again at {@code nextAttempt}, the attempt counted. */
	public void scheduleRetry(String id, String workerId, String error, Instant nextAttempt) {
		jdbc.update("""
				UPDATE deliveries SET status = 'DEFERRED', claimed_by = NULL, last_error = :error,
				                      status_reason = 'temporary failure', next_attempt_at = :next
				WHERE id = :id AND\s""" + HELD,
				new MapSqlParameterSource("id", id).addValue("worker", workerId)
					.addValue("error", truncate(error))
					.addValue("next", Timestamp.from(nextAttempt)));
	}

	/**
	 * Held back by a rule (quiet hours, frequency cap, rate limit) until {@code until};
	 * that was no attempt.
	 */
	public void defer(String id, String workerId, String reason, Instant until) {
		jdbc.update("""
				UPDATE deliveries SET status = 'DEFERRED', claimed_by = NULL, attempts = attempts - 1,
				                      status_reason = :reason, next_attempt_at = :until
				WHERE id = :id AND\s""" + HELD,
				new MapSqlParameterSource("id", id).addValue("worker", workerId)
					.addValue("reason", reason(reason))
					.addValue("until", Timestamp.from(until)));
	}

	/**
	 * Gives claimed rows that were not attempted back, due at {@code at} and without
	 * using up an attempt.
	 */
	public void release(List<String> ids, String workerId, Instant at) {
		if (ids.isEmpty()) {
			return;
		}
		jdbc.update(
				"""
						UPDATE deliveries SET status = 'QUEUED', claimed_by = NULL, attempts = attempts - 1, next_attempt_at = :at
						WHERE id IN (:ids) AND\s"""
						+ HELD,
				new MapSqlParameterSource("ids", ids).addValue("worker", workerId).addValue("at", Timestamp.from(at)));
	}

	/**
	 * Extends the lease on those of the rows this worker still holds.
	 * @return the ids it still holds; a row missing was taken over when its lease ran out
	 */
	@Transactional
	public Set<String> renew(List<String> ids, String workerId, Instant until) {
		if (ids.isEmpty()) {
			return Set.of();
		}
		MapSqlParameterSource parameters = new MapSqlParameterSource("ids", ids).addValue("worker", workerId)
			.addValue("until", Timestamp.from(until));
		jdbc.update("""
				UPDATE deliveries SET next_attempt_at = :until
				WHERE id IN (:ids) AND\s""" + HELD, parameters);
		return new HashSet<>(jdbc.queryForList("SELECT id FROM deliveries WHERE id IN (:ids) AND " + HELD, parameters,
				String.class));
	}

	/** When the contact's marketing mails since {@code since} were accepted. */
	public List<Instant> marketingSentSince(String contactId, Instant since) {
		return jdbc.query("""
				SELECT sent_at FROM deliveries
				WHERE contact_id = :contact AND sent_at > :since AND category = 'MARKETING'""",
				new MapSqlParameterSource("contact", contactId).addValue("since", Timestamp.from(since)),
				(rs, row) -> rs.getTimestamp("sent_at").toInstant());
	}

	/**
	 * The contact's marketing mails other workers are sending now and that were queued
	 * before this one: of two mails on the wire at once, the older one goes first.
	 */
	public int marketingInFlightBefore(ClaimedDelivery delivery) {
		return jdbc.queryForObject("""
				SELECT count(*) FROM deliveries
				WHERE contact_id = :contact AND status = 'SENDING' AND category = 'MARKETING' AND id <> :id
				  AND (created_at < :created OR (created_at = :created AND id < :id))""",
				new MapSqlParameterSource("contact", delivery.contactId()).addValue("id", delivery.id())
					.addValue("created", Timestamp.from(delivery.createdAt())),
				Integer.class);
	}

	/**
	 * A delivery status notification said a sent mail bounced after all.
	 * @return the bounced row's recipient, or null when no sent row has that Message-ID
	 */
	@Transactional
	public String markBouncedLater(String messageId, String diagnostic) {
		List<String> recipients = jdbc.queryForList(
				"SELECT recipient FROM deliveries WHERE message_id = :messageId AND status = 'SENT' FOR UPDATE",
				new MapSqlParameterSource("messageId", messageId), String.class);
		if (recipients.isEmpty()) {
			return null;
		}
		jdbc.update("""
				UPDATE deliveries SET status = 'BOUNCED', bounced_at = :now, last_error = :diagnostic,
				                      status_reason = 'hard bounce (delivery status notification)', report_due = TRUE,
				                      next_attempt_at = :now
				WHERE message_id = :messageId AND status = 'SENT'""",
				new MapSqlParameterSource("messageId", messageId).addValue("diagnostic", truncate(diagnostic))
					.addValue("now", Timestamp.from(clock.instant())));
		return recipients.get(0);
	}

	private int finish(String id, String workerId, String status, String timeColumn, String smtpReply, String error,
			String reason) {
		String setTime = timeColumn == null ? "" : ", " + timeColumn + " = :now";
		return jdbc.update(
				"UPDATE deliveries SET status = :status, smtp_reply = :reply, last_error = :error,"
						+ " status_reason = :reason, report_due = TRUE, next_attempt_at = :now" + setTime
						+ " WHERE id = :id AND " + HELD,
				new MapSqlParameterSource("id", id).addValue("worker", workerId)
					.addValue("status", status)
					.addValue("reply", truncate(smtpReply))
					.addValue("error", truncate(error))
					.addValue("reason", reason(reason))
					.addValue("now", Timestamp.from(clock.instant())));
	}

	private static String reason(String text) {
		return text == null || text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON);
	}

	static String truncate(String text) {
		return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
	}

}
