package io.tidings.analytics;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Lays down a journey's mails, opens, clicks, conversions and unsubscribes as the
 * delivery and tracking modules store them, for the tests that read them back as
 * statistics.
 */
public final class JourneyMails {

	private final JdbcTemplate jdbc;

	private final String journeyKey;

	public JourneyMails(JdbcTemplate jdbc, String journeyKey) {
		this.jdbc = jdbc;
		this.journeyKey = journeyKey;
	}

	/** Empties every table the statistics read, of every journey. */
	public void clear() {
		for (String table : new String[] { "delivery_opens", "engagements", "conversions", "consent_records",
				"experiment_decisions", "experiment_assignments", "experiments", "deliveries" }) {
			jdbc.update("DELETE FROM " + table);
		}
	}

	/**
	 * A mail queued at {@code created}; a sent or bounced one went out five seconds
	 * later.
	 */
	public void mail(String id, String contact, String step, String variant, String status, int version,
			Instant created) {
		Instant sent = status.equals("SENT") || status.equals("BOUNCED") ? created.plusSeconds(5) : null;
		jdbc.update("""
				INSERT INTO deliveries (id, dedupe_key, message_id, contact_id, journey_key, step_id, template_key,
				    category, recipient, subject, html_body, text_body, status, attempts, next_attempt_at, created_at,
				    sent_at, variant, journey_version)
				VALUES (?, ?, ?, ?, ?, ?, 'welcome', 'MARKETING', ?, 'Hi', '<p>Hi</p>', 'Hi', ?, 1, ?, ?, ?, ?, ?)""",
				id, "stats/" + id, id + "@test", contact, journeyKey, step, contact + "@example.com", status,
				Timestamp.from(created), Timestamp.from(created), sent == null ? null : Timestamp.from(sent), variant,
				version);
	}

	/**
	 * The pixel's counts and an engagement per fetch, the first {@code humanOpens} by a
	 * person.
	 */
	public void opened(String delivery, int opens, int humanOpens) {
		jdbc.update(
				"""
						INSERT INTO delivery_opens (delivery_id, open_token, contact_id, open_count, human_open_count, created_at)
						SELECT id, ?, contact_id, ?, ?, created_at FROM deliveries WHERE id = ?""",
				UUID.randomUUID().toString().replace("-", ""), opens, humanOpens, delivery);
		for (int i = 0; i < opens; i++) {
			jdbc.update(
					"""
							INSERT INTO engagements (id, delivery_id, contact_id, journey_key, step_id, kind, machine, occurred_at)
							SELECT ?, id, contact_id, journey_key, step_id, 'OPEN', ?, created_at FROM deliveries WHERE id = ?""",
					UUID.randomUUID().toString(), i >= humanOpens, delivery);
		}
	}

	public void clicked(String delivery, String contact, String step, boolean machine, Instant at) {
		jdbc.update("""
				INSERT INTO engagements (id, delivery_id, contact_id, journey_key, step_id, kind, machine, occurred_at)
				VALUES (?, ?, ?, ?, ?, 'CLICK', ?, ?)""", UUID.randomUUID().toString(), delivery, contact, journeyKey,
				step, machine, Timestamp.from(at));
	}

	public void converted(String delivery, String contact, String step, String revenue, Instant at) {
		jdbc.update(
				"""
						INSERT INTO conversions (id, event_id, event_name, contact_id, revenue, currency, delivery_id, journey_key,
						    step_id, occurred_at)
						VALUES (?, ?, 'OrderPlaced', ?, ?, 'EUR', ?, ?, ?, ?)""",
				UUID.randomUUID().toString(), UUID.randomUUID().toString(), contact, new BigDecimal(revenue), delivery,
				journeyKey, step, Timestamp.from(at));
	}

	public void unsubscribed(String contact, Instant at) {
		jdbc.update("""
				INSERT INTO consent_records (id, contact_id, topic, action, source, recorded_at)
				VALUES (?, ?, 'newsletter', 'UNSUBSCRIBED', 'ONE_CLICK', ?)""", UUID.randomUUID().toString(), contact,
				Timestamp.from(at));
	}

}
