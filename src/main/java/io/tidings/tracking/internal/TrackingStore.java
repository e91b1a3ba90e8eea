package io.tidings.tracking.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.tidings.delivery.DeliveryView;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The tracking tables (V15__tracking.sql), in the caller's transaction. */
@Repository
class TrackingStore {

	private final JdbcTemplate jdbc;

	TrackingStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void insertOpenToken(String deliveryId, String token, String contactId, Instant now) {
		jdbc.update("INSERT INTO delivery_opens (delivery_id, open_token, contact_id, created_at) VALUES (?, ?, ?, ?)",
				deliveryId, token, contactId, Timestamp.from(now));
	}

	void insertLink(String token, String deliveryId, String contactId, String url, Instant now) {
		jdbc.update(
				"INSERT INTO tracked_links (token, delivery_id, contact_id, url, created_at) VALUES (?, ?, ?, ?, ?)",
				token, deliveryId, contactId, url, Timestamp.from(now));
	}

	Optional<String> deliveryOfOpenToken(String token) {
		return jdbc.queryForList("SELECT delivery_id FROM delivery_opens WHERE open_token = ?", String.class, token)
			.stream()
			.findFirst();
	}

	Optional<TrackedLink> link(String token) {
		return jdbc
			.query("SELECT delivery_id, url FROM tracked_links WHERE token = ?",
					(rs, row) -> new TrackedLink(rs.getString("delivery_id"), rs.getString("url")), token)
			.stream()
			.findFirst();
	}

	/**
	 * Counts the open, locking the mail's row so two opens at once count as two.
	 * @return whether it is the mail's first human open
	 */
	boolean countOpen(String deliveryId, boolean machine, Instant at) {
		Integer humanOpens = jdbc.queryForObject(
				"SELECT human_open_count FROM delivery_opens WHERE delivery_id = ? FOR UPDATE", Integer.class,
				deliveryId);
		Timestamp when = Timestamp.from(at);
		int human = machine ? 0 : 1;
		jdbc.update("""
				UPDATE delivery_opens SET open_count = open_count + 1, last_opened_at = ?,
				       first_opened_at = COALESCE(first_opened_at, ?), human_open_count = human_open_count + ?,
				       first_human_open_at = CASE WHEN ? = 1 THEN COALESCE(first_human_open_at, ?)
				                                  ELSE first_human_open_at END
				WHERE delivery_id = ?""", when, when, human, human, when, deliveryId);
		return !machine && humanOpens != null && humanOpens == 0;
	}

	boolean hasHumanOpen(String deliveryId) {
		Integer humanOpens = jdbc.queryForObject(
				"SELECT human_open_count FROM delivery_opens WHERE delivery_id = ? FOR UPDATE", Integer.class,
				deliveryId);
		return humanOpens != null && humanOpens > 0;
	}

	void insertEngagement(DeliveryView delivery, String kind, boolean machine, String url, String ip, String userAgent,
			Instant at) {
		jdbc.update("""
				INSERT INTO engagements (id, delivery_id, contact_id, journey_key, journey_instance_id, step_id, kind,
				                         machine, url, ip, user_agent, occurred_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", UUID.randomUUID().toString(), delivery.id(),
				delivery.contactId(), delivery.journeyKey(), delivery.journeyInstanceId(), delivery.stepId(), kind,
				machine, url, ip, userAgent, Timestamp.from(at));
	}

	/** The contact's last human click at or after {@code since}. */
	Optional<Click> lastHumanClick(String contactId, Instant since) {
		return jdbc
			.query("""
					SELECT delivery_id, journey_key, journey_instance_id, step_id, occurred_at FROM engagements
					WHERE contact_id = ? AND occurred_at >= ? AND kind = 'CLICK' AND machine = FALSE
					ORDER BY occurred_at DESC FETCH FIRST 1 ROWS ONLY""",
					(rs, row) -> new Click(rs.getString("delivery_id"), rs.getString("journey_key"),
							rs.getString("journey_instance_id"), rs.getString("step_id"),
							rs.getTimestamp("occurred_at").toInstant()),
					contactId, Timestamp.from(since))
			.stream()
			.findFirst();
	}

	void insertConversion(String eventId, String eventName, String contactId, BigDecimal revenue, String currency,
			Click click, Instant at) {
		jdbc.update("""
				INSERT INTO conversions (id, event_id, event_name, contact_id, revenue, currency, delivery_id,
				                         journey_key, journey_instance_id, step_id, clicked_at, occurred_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", UUID.randomUUID().toString(), eventId, eventName,
				contactId, revenue, currency, click == null ? null : click.deliveryId(),
				click == null ? null : click.journeyKey(), click == null ? null : click.journeyInstanceId(),
				click == null ? null : click.stepId(), click == null ? null : Timestamp.from(click.at()),
				Timestamp.from(at));
	}

	record TrackedLink(String deliveryId, String url) {
	}

	record Click(String deliveryId, String journeyKey, String journeyInstanceId, String stepId, Instant at) {
	}

}
