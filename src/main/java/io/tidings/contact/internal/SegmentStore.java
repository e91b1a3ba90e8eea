package io.tidings.contact.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidings.contact.Segment;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The segments table: definitions only; membership is never stored. */
@Repository
class SegmentStore {

	private final JdbcTemplate jdbc;

	private final ObjectMapper json;

	SegmentStore(JdbcTemplate jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * Replaces the segment stored under the key, or stores a new one.
	 * @return whether it is new
	 */
	boolean put(String key, String name, JsonNode rule, Instant now) {
		if (replace(key, name, rule, now)) {
			return false;
		}
		try {
			jdbc.update("""
					INSERT INTO segments (segment_key, name, rule, created_at, updated_at)
					VALUES (?, ?, ?, ?, ?)""", key, name, rule.toString(), Timestamp.from(now), Timestamp.from(now));
			return true;
		}
		catch (DuplicateKeyException ex) {
			// Stored by someone else since the update above: theirs is replaced.
			replace(key, name, rule, now);
			return false;
		}
	}

	Optional<Segment> find(String key) {
		return jdbc.query("SELECT * FROM segments WHERE segment_key = ?", this::map, key).stream().findFirst();
	}

	List<Segment> all() {
		return jdbc.query("SELECT * FROM segments ORDER BY segment_key", this::map);
	}

	boolean delete(String key) {
		return jdbc.update("DELETE FROM segments WHERE segment_key = ?", key) == 1;
	}

	private boolean replace(String key, String name, JsonNode rule, Instant now) {
		return jdbc.update("UPDATE segments SET name = ?, rule = ?, updated_at = ? WHERE segment_key = ?", name,
				rule.toString(), Timestamp.from(now), key) == 1;
	}

	private Segment map(ResultSet rs, int row) throws SQLException {
		try {
			return new Segment(rs.getString("segment_key"), rs.getString("name"), json.readTree(rs.getString("rule")),
					rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Stored rule of segment '" + rs.getString("segment_key") + "' is not JSON",
					ex);
		}
	}

}
