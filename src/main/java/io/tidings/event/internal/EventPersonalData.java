package io.tidings.event.internal;

import java.time.Instant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidings.platform.DataSubject;
import io.tidings.platform.PersonalData;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The contact's events, with the data they came with. */
@Component
class EventPersonalData implements PersonalData {

	private final JdbcTemplate jdbc;

	private final ObjectMapper json;

	EventPersonalData(JdbcTemplate jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	@Override
	public String section() {
		return "events";
	}

	@Override
	public Object export(DataSubject subject) {
		return jdbc.query("""
				SELECT id, name, correlation_key, data, received_at, started_journeys, continued_journeys,
				       skipped_journeys, skip_reason
				FROM events WHERE contact_id = ? ORDER BY received_at, id""",
				(rs, row) -> new ExportedEvent(rs.getString("id"), rs.getString("name"),
						rs.getString("correlation_key"), data(rs.getString("data")),
						rs.getTimestamp("received_at").toInstant(), rs.getInt("started_journeys"),
						rs.getInt("continued_journeys"), rs.getInt("skipped_journeys"), rs.getString("skip_reason")),
				subject.contactId());
	}

	@Override
	public void erase(DataSubject subject) {
		jdbc.update("DELETE FROM events WHERE contact_id = ?", subject.contactId());
	}

	private Object data(String stored) {
		try {
			return json.readValue(stored, Object.class);
		}
		catch (JsonProcessingException ex) {
			// Written by EventLog as JSON; should it ever not be, the text is still
			// theirs.
			return stored;
		}
	}

	record ExportedEvent(String id, String name, String correlationKey, Object data, Instant receivedAt,
			int startedJourneys, int continuedJourneys, int skippedJourneys, String skipReason) {
	}

}
