package io.tidings.sendtime.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import io.tidings.sendtime.EngagementHistory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * Opens and clicks from the {@code engagements} table that engagement tracking writes.
 * Only a bean when {@code tidings.send-time.enabled} is true: until tracking's migration
 * has made the table, the queries below would fail every send-time step.
 */
@Component
@ConditionalOnProperty(name = "tidings.send-time.enabled", havingValue = "true")
class JdbcEngagementHistory implements EngagementHistory {

	/** The audience scan streams rows; this many at a time. */
	private static final int FETCH_SIZE = 1000;

	private final JdbcTemplate jdbc;

	JdbcEngagementHistory(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Instant> humanEngagements(String contactId, Instant since) {
		return jdbc.query("""
				SELECT occurred_at FROM engagements
				WHERE contact_id = ? AND machine = FALSE AND kind IN ('OPEN', 'CLICK') AND occurred_at >= ?
				ORDER BY occurred_at""", (row, n) -> row.getTimestamp(1).toInstant(), contactId, Timestamp.from(since));
	}

	@Override
	public void eachHumanEngagement(Instant since, AudienceEngagement sink) {
		JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
		streaming.setFetchSize(FETCH_SIZE);
		streaming.query("""
				SELECT e.occurred_at, c.time_zone FROM engagements e LEFT JOIN contacts c ON c.id = e.contact_id
				WHERE e.machine = FALSE AND e.kind IN ('OPEN', 'CLICK') AND e.occurred_at >= ?""",
				(RowCallbackHandler) row -> sink.accept(row.getTimestamp(1).toInstant(), row.getString(2)),
				Timestamp.from(since));
	}

}
