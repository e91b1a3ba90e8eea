package io.tidings.support;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import io.tidings.delivery.internal.OutcomeReporter;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stands in for the SMTP side in journey tests that run with delivery workers off: gives
 * a journey's waiting mails an outcome, as a worker would record it, and reports it the
 * way the running application does.
 */
public final class OutcomeSimulator {

	private final JdbcTemplate jdbc;

	private final OutcomeReporter reporter;

	public OutcomeSimulator(JdbcTemplate jdbc, OutcomeReporter reporter) {
		this.jdbc = jdbc;
		this.reporter = reporter;
	}

	/**
	 * The journey's queued mails are accepted by the server, and the journey hears so.
	 */
	public List<String> sendAll(String journeyInstanceId) {
		return finishAll(journeyInstanceId, "SENT", "250 2.0.0 Ok: queued");
	}

	/**
	 * The journey's queued mails end with this status ({@code SENT}, {@code BOUNCED},
	 * {@code FAILED}, {@code SKIPPED}) and reply, and the journey hears so.
	 * @return the ids of the deliveries that got the outcome
	 */
	public List<String> finishAll(String journeyInstanceId, String status, String reply) {
		List<String> ids = jdbc.queryForList(
				"SELECT id FROM deliveries WHERE journey_instance_id = ? AND status IN ('QUEUED', 'DEFERRED')",
				String.class, journeyInstanceId);
		Timestamp now = Timestamp.from(Instant.now());
		for (String id : ids) {
			jdbc.update("""
					UPDATE deliveries SET status = ?, smtp_reply = ?, last_error = ?, status_reason = ?,
					    report_due = TRUE, next_attempt_at = ?, sent_at = ?, attempts = attempts + 1
					WHERE id = ?""", status, reply, "SENT".equals(status) ? null : reply,
					"SKIPPED".equals(status) ? reply : null, now, "SENT".equals(status) ? now : null, id);
		}
		reporter.reportDue();
		return ids;
	}

	/** Reports an outcome again, as a later bounce or a crash before the report would. */
	public void reportAgain(String deliveryId) {
		jdbc.update("UPDATE deliveries SET report_due = TRUE, next_attempt_at = ? WHERE id = ?",
				Timestamp.from(Instant.now()), deliveryId);
		reporter.reportDue();
	}

}
