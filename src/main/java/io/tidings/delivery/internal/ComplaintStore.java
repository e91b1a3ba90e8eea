package io.tidings.delivery.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Finds the delivery a spam complaint is about, and marks it complained. By Message-ID
 * first (ours, unique per row); else the contact's or the address's latest sent mail,
 * which is the one a recipient most likely reported.
 */
@Repository
class ComplaintStore {

	private static final String COLUMNS = "id, contact_id, recipient, complained_at";

	private final JdbcTemplate jdbc;

	ComplaintStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	Optional<ReportedDelivery> byMessageId(String messageId) {
		return first("SELECT " + COLUMNS + " FROM deliveries WHERE message_id = ?", messageId);
	}

	Optional<ReportedDelivery> latestSentToContact(String contactId) {
		return first("SELECT " + COLUMNS + """
				 FROM deliveries WHERE contact_id = ? AND sent_at IS NOT NULL
				ORDER BY sent_at DESC FETCH FIRST 1 ROWS ONLY""", contactId);
	}

	/** Rare (the ISP kept the address but dropped the Message-ID), so no index for it. */
	Optional<ReportedDelivery> latestSentTo(String address) {
		return first("SELECT " + COLUMNS + """
				 FROM deliveries WHERE lower(recipient) = lower(?) AND sent_at IS NOT NULL
				ORDER BY sent_at DESC FETCH FIRST 1 ROWS ONLY""", address);
	}

	/**
	 * @return whether it was not marked before
	 */
	boolean markComplained(String deliveryId, Instant at) {
		return jdbc.update("UPDATE deliveries SET complained_at = ? WHERE id = ? AND complained_at IS NULL",
				Timestamp.from(at), deliveryId) == 1;
	}

	private Optional<ReportedDelivery> first(String sql, String argument) {
		return jdbc.query(sql, ComplaintStore::row, argument).stream().findFirst();
	}

	private static ReportedDelivery row(ResultSet rs, int row) throws SQLException {
		Timestamp complained = rs.getTimestamp("complained_at");
		return new ReportedDelivery(rs.getString("id"), rs.getString("contact_id"), rs.getString("recipient"),
				complained == null ? null : complained.toInstant());
	}

	record ReportedDelivery(String id, String contactId, String recipient, Instant complainedAt) {
	}

}
