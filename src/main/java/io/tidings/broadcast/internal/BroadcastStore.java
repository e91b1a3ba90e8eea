package io.tidings.broadcast.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tidings.broadcast.Broadcast;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
class BroadcastStore {

	private final JdbcTemplate jdbc;

	BroadcastStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	record Work(String id, String journey, String segment, int perSecond, String cursor) {
	}

	void insert(String id, String journey, String segment, int perSecond, long total, Instant now) {
		jdbc.update("""
				INSERT INTO broadcasts (id, journey_key, segment_key, per_second, status, total, created_at)
				VALUES (?, ?, ?, ?, 'RUNNING', ?, ?)""", id, journey, segment, perSecond, total, Timestamp.from(now));
	}

	/** Takes a running broadcast no live node holds, and leases it to this node. */
	@Transactional
	Optional<Work> claim(String node, Instant now, Instant leaseUntil) {
		List<Work> free = jdbc.query("""
				SELECT id, journey_key, segment_key, per_second, cursor_id FROM broadcasts
				WHERE status = 'RUNNING' AND (lease_until IS NULL OR lease_until < ?)
				ORDER BY created_at FETCH FIRST 1 ROWS ONLY FOR UPDATE SKIP LOCKED""",
				(rs, row) -> new Work(rs.getString("id"), rs.getString("journey_key"), rs.getString("segment_key"),
						rs.getInt("per_second"), rs.getString("cursor_id")),
				Timestamp.from(now));
		free.forEach(work -> jdbc.update("UPDATE broadcasts SET claimed_by = ?, lease_until = ? WHERE id = ?", node,
				Timestamp.from(leaseUntil), work.id()));
		return free.stream().findFirst();
	}

	/**
	 * Moves the cursor and renews the lease; false when the lease went to another node.
	 */
	boolean advance(String id, String node, String cursor, Instant leaseUntil) {
		return jdbc.update("UPDATE broadcasts SET cursor_id = ?, lease_until = ? WHERE id = ? AND claimed_by = ?",
				cursor, Timestamp.from(leaseUntil), id, node) == 1;
	}

	void finish(String id, String node, String status, String error, Instant now) {
		jdbc.update("""
				UPDATE broadcasts SET status = ?, last_error = ?, finished_at = ?, lease_until = NULL
				WHERE id = ? AND claimed_by = ?""", status, error, Timestamp.from(now), id, node);
	}

	/**
	 * Records a member's outcome once; false when it was recorded before (a resumed
	 * chunk).
	 */
	boolean record(String id, String contactId, String outcome, String reason) {
		return jdbc.update("""
				INSERT INTO broadcast_recipients (broadcast_id, contact_id, outcome, reason)
				SELECT CAST(? AS VARCHAR(36)), CAST(? AS VARCHAR(255)), CAST(? AS VARCHAR(16)), CAST(? AS VARCHAR(255))
				FROM (VALUES (1)) AS one(x)
				WHERE NOT EXISTS (SELECT 1 FROM broadcast_recipients WHERE broadcast_id = ? AND contact_id = ?)""", id,
				contactId, outcome, reason, id, contactId) == 1;
	}

	Optional<Broadcast> find(String id) {
		return jdbc.query("SELECT * FROM broadcasts WHERE id = ?", this::map, id).stream().findFirst();
	}

	List<Broadcast> recent(int limit) {
		return jdbc.query("SELECT * FROM broadcasts ORDER BY created_at DESC, id FETCH FIRST ? ROWS ONLY", this::map,
				limit);
	}

	private Broadcast map(ResultSet rs, int row) throws SQLException {
		String id = rs.getString("id");
		Map<String, Long> skipped = new LinkedHashMap<>();
		long[] started = { 0 };
		jdbc.query("""
				SELECT outcome, reason, count(*) AS n FROM broadcast_recipients WHERE broadcast_id = ?
				GROUP BY outcome, reason ORDER BY outcome, reason""", outcome -> {
			if ("STARTED".equals(outcome.getString("outcome"))) {
				started[0] += outcome.getLong("n");
			}
			else {
				skipped.merge(outcome.getString("reason"), outcome.getLong("n"), Long::sum);
			}
		}, id);
		Timestamp finished = rs.getTimestamp("finished_at");
		return new Broadcast(id, rs.getString("journey_key"), rs.getString("segment_key"), rs.getInt("per_second"),
				rs.getString("status"), rs.getLong("total"), started[0],
				skipped.values().stream().mapToLong(Long::longValue).sum(), skipped,
				rs.getTimestamp("created_at").toInstant(), finished == null ? null : finished.toInstant(),
				rs.getString("last_error"));
	}

}
