package io.tidings.broadcast.internal;

import java.util.UUID;

import io.tidings.platform.DataSubject;
import io.tidings.platform.PersonalData;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The broadcasts that reached the contact. Erasure keeps each broadcast's counts right:
 * the contact's recipient rows stay with a random id in place of the contact's. A running
 * broadcast whose cursor stopped at the contact moves it back to the contact before,
 * which the resumed broadcast passes over (its recipient rows say it was done); a
 * finished one forgets its cursor.
 */
@Component
class BroadcastPersonalData implements PersonalData {

	private final JdbcTemplate jdbc;

	BroadcastPersonalData(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String section() {
		return "broadcasts";
	}

	@Override
	public Object export(DataSubject subject) {
		return jdbc.queryForList("""
				SELECT r.broadcast_id AS "broadcastId", b.journey_key AS "journeyKey", b.segment_key AS "segment",
				       b.created_at AS "createdAt", r.outcome AS "outcome", r.reason AS "reason"
				FROM broadcast_recipients r JOIN broadcasts b ON b.id = r.broadcast_id
				WHERE r.contact_id = ? ORDER BY b.created_at, r.broadcast_id""", subject.contactId());
	}

	@Override
	public void erase(DataSubject subject) {
		for (String broadcast : jdbc.queryForList("SELECT broadcast_id FROM broadcast_recipients WHERE contact_id = ?",
				String.class, subject.contactId())) {
			jdbc.update("UPDATE broadcast_recipients SET contact_id = ? WHERE broadcast_id = ? AND contact_id = ?",
					"erased-" + UUID.randomUUID(), broadcast, subject.contactId());
		}
		// Only a running broadcast reads its cursor again.
		jdbc.update("""
				UPDATE broadcasts SET cursor_id = CASE WHEN status = 'RUNNING'
				                                       THEN (SELECT max(c.id) FROM contacts c WHERE c.id < ?) END
				WHERE cursor_id = ?""", subject.contactId(), subject.contactId());
		// A failed broadcast's error may have named the contact.
		jdbc.update("UPDATE broadcasts SET last_error = REPLACE(last_error, ?, '[erased]') WHERE last_error LIKE ?",
				subject.contactId(), "%" + subject.contactId() + "%");
	}

}
