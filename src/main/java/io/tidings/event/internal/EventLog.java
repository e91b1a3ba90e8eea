package io.tidings.event.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidings.event.EventReceipt;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class EventLog {

	private final JdbcTemplate jdbc;

	private final ObjectMapper json;

	EventLog(JdbcTemplate jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	public Optional<EventReceipt> find(String id) {
		return jdbc.query(
				"SELECT id, started_journeys, continued_journeys, skipped_journeys, skip_reason FROM events WHERE id = ?",
				(rs, row) -> new EventReceipt(rs.getString("id"), rs.getInt("started_journeys"),
						rs.getInt("continued_journeys"), rs.getInt("skipped_journeys"), rs.getString("skip_reason"),
						false),
				id)
			.stream()
			.findFirst();
	}

	void insert(String id, String name, String contactId, String correlationKey, Map<String, Object> data,
			Instant receivedAt) {
		jdbc.update("""
				INSERT INTO events (id, name, contact_id, correlation_key, data, received_at, started_journeys,
				                    continued_journeys)
				VALUES (?, ?, ?, ?, ?, ?, 0, 0)""", id, name, contactId, correlationKey, write(data),
				Timestamp.from(receivedAt));
	}

	void recordOutcome(String id, int started, int continued, int skipped, String skipReason) {
		jdbc.update("""
				UPDATE events SET started_journeys = ?, continued_journeys = ?, skipped_journeys = ?, skip_reason = ?
				WHERE id = ?""", started, continued, skipped, skipReason, id);
	}

	private String write(Map<String, Object> data) {
		try {
			return json.writeValueAsString(data);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("Event data is not serializable as JSON", ex);
		}
	}

}
