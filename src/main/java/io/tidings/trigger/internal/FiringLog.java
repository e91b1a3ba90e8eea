package io.tidings.trigger.internal;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Records that a trigger fired for a contact in a period. The insert is the lock: of two
 * nodes firing the same one, the second fails on the primary key and rolls back its
 * journey start with it.
 */
@Repository
class FiringLog {

	private final JdbcTemplate jdbc;

	FiringLog(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return false when it had fired already
	 */
	boolean record(String triggerKey, String contactId, String period, Instant at) {
		return jdbc.update("""
				INSERT INTO trigger_firings (trigger_key, contact_id, period, fired_at)
				SELECT CAST(? AS VARCHAR(300)), CAST(? AS VARCHAR(255)), CAST(? AS VARCHAR(64)),
				       CAST(? AS TIMESTAMP WITH TIME ZONE) FROM (VALUES (1)) AS one(x)
				WHERE NOT EXISTS (SELECT 1 FROM trigger_firings
				                  WHERE trigger_key = ? AND contact_id = ? AND period = ?)""", triggerKey, contactId,
				period, Timestamp.from(at), triggerKey, contactId, period) == 1;
	}

}
