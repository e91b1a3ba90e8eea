package io.tidings.event.internal;

import java.util.List;

import io.tidings.contact.ContactHistory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** A contact's latest events, for the contact's page in the API. */
@Component
class EventHistory implements ContactHistory {

	private final JdbcTemplate jdbc;

	EventHistory(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<RecentEvent> recentEvents(String contactId, int limit) {
		return jdbc.query("""
				SELECT id, name, correlation_key, received_at, started_journeys, continued_journeys FROM events
				WHERE contact_id = ? ORDER BY received_at DESC, id FETCH FIRST ? ROWS ONLY""",
				(rs, row) -> new RecentEvent(rs.getString("id"), rs.getString("name"), rs.getString("correlation_key"),
						rs.getTimestamp("received_at").toInstant(), rs.getInt("started_journeys"),
						rs.getInt("continued_journeys")),
				contactId, limit);
	}

}
