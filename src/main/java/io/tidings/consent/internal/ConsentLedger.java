package io.tidings.consent.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.tidings.consent.TopicConsents.Origin;
import io.tidings.consent.TopicConsents.TopicState;
import io.tidings.consent.TopicConsents.TopicStatus;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Writes consent: each change as a record (the proof), and a topic's current state beside
 * it, always in the caller's transaction.
 */
@Repository
class ConsentLedger {

	private final JdbcTemplate jdbc;

	ConsentLedger(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void record(String contactId, String topic, String action, Origin origin, Instant at) {
		jdbc.update("""
				INSERT INTO consent_records (id, contact_id, topic, action, source, detail, ip, user_agent, recorded_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", UUID.randomUUID().toString(), contactId, topic, action,
				clip(origin.source(), 32), clip(origin.detail(), 255), clip(origin.ip(), 64),
				clip(origin.userAgent(), 512), Timestamp.from(at));
	}

	void setState(String contactId, String topic, TopicStatus status, String source, Instant at) {
		int updated = jdbc.update(
				"UPDATE topic_consents SET status = ?, source = ?, changed_at = ? WHERE contact_id = ? AND topic = ?",
				status.name(), clip(source, 32), Timestamp.from(at), contactId, topic);
		if (updated == 0) {
			try {
				jdbc.update(
						"INSERT INTO topic_consents (contact_id, topic, status, source, changed_at) VALUES (?, ?, ?, ?, ?)",
						contactId, topic, status.name(), clip(source, 32), Timestamp.from(at));
			}
			catch (DuplicateKeyException concurrentFirstChange) {
				// Another request recorded this topic's first state a moment ago: the
				// caller's transaction is retried and then updates it.
				throw new ConcurrencyFailureException("The topic's consent was changed at the same moment",
						concurrentFirstChange);
			}
		}
	}

	void clearState(String contactId, String topic) {
		jdbc.update("DELETE FROM topic_consents WHERE contact_id = ? AND topic = ?", contactId, topic);
	}

	/** The contact's recorded topics; topics never recorded are missing. */
	Map<String, TopicState> states(String contactId) {
		Map<String, TopicState> states = new LinkedHashMap<>();
		jdbc.query("SELECT topic, status, source, changed_at FROM topic_consents WHERE contact_id = ? ORDER BY topic",
				rs -> {
					states.put(rs.getString("topic"),
							new TopicState(rs.getString("topic"), TopicStatus.valueOf(rs.getString("status")),
									rs.getString("source"), rs.getTimestamp("changed_at").toInstant()));
				}, contactId);
		return states;
	}

	private static String clip(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max);
	}

}
