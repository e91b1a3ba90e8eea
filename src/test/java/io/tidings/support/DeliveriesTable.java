package io.tidings.support;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the application's database says about the outbox and the journeys, read from the
 * outside with plain SQL.
 */
public final class DeliveriesTable {

	private final JdbcTemplate jdbc;

	public DeliveriesTable(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public record Row(String contactId, String messageId, String status, String claimedBy, int attempts,
			String lastError) {
	}

	public List<Row> rows() {
		return jdbc.query("SELECT contact_id, message_id, status, claimed_by, attempts, last_error FROM deliveries",
				(rs, n) -> new Row(rs.getString("contact_id"), rs.getString("message_id"), rs.getString("status"),
						rs.getString("claimed_by"), rs.getInt("attempts"), rs.getString("last_error")));
	}

	/** Row count per status, e.g. {SENDING=40, SENT=960}. */
	public Map<String, Integer> countByStatus() {
		return countsOf("SELECT status AS k, count(*) AS n FROM deliveries GROUP BY status");
	}

	public int count(String status) {
		return countByStatus().getOrDefault(status, 0);
	}

	/** Rows waiting for another attempt after a failed one. */
	public int deferred() {
		return jdbc.queryForObject("SELECT count(*) FROM deliveries WHERE status = 'QUEUED' AND attempts > 0",
				Integer.class);
	}

	/**
	 * Sent rows per node: a worker's id is {@code <node>-<thread>}, and a sent row keeps
	 * the id of the worker that sent it.
	 */
	public Map<String, Integer> sentByNode() {
		return countsOf("""
				SELECT split_part(claimed_by, '-', 1) AS k, count(*) AS n FROM deliveries
				WHERE status = 'SENT' GROUP BY split_part(claimed_by, '-', 1)""");
	}

	private Map<String, Integer> countsOf(String sql) {
		Map<String, Integer> counts = new TreeMap<>();
		for (Map<String, Object> row : jdbc.queryForList(sql)) {
			counts.put((String) row.get("k"), ((Number) row.get("n")).intValue());
		}
		return counts;
	}

	/** Journey steps still waiting for the job executor (asynchronous continuations). */
	public int pendingJourneySteps() {
		return jdbc.queryForObject("SELECT count(*) FROM act_ru_job WHERE type_ = 'message'", Integer.class);
	}

	/** Journeys past their welcome mail, waiting on the two-day timer. */
	public int journeysWaitingForTips() {
		return jdbc.queryForObject("SELECT count(*) FROM act_ru_job WHERE type_ = 'timer'", Integer.class);
	}

	public int incidents() {
		return jdbc.queryForObject("SELECT count(*) FROM act_ru_incident", Integer.class);
	}

	/**
	 * Polls until {@code expected} rows are SENT and no journey step is pending, or the
	 * timeout passes; returns whether it got there. The caller prints and asserts what it
	 * finds either way.
	 */
	public boolean awaitAllSent(int expected, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			try {
				if (count("SENT") >= expected && pendingJourneySteps() == 0) {
					return true;
				}
			}
			catch (RuntimeException databaseAway) {
				// Restarting: look again shortly.
			}
			Pause.pause(Duration.ofMillis(250));
		}
		return false;
	}

}
