package io.tidings.delivery.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.tidings.delivery.DeliveryHealthProperties;
import io.tidings.platform.ReusedReading;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How far sending is behind, read from the outbox that all nodes share: rows due now and
 * not sent, the age of the oldest of them, and all rows still to be sent. One query,
 * reused for {@code backlogRefresh}, so scrapes and health probes cost the database
 * little.
 */
@Component
class OutboxBacklog {

	/**
	 * @param due unsent rows whose time has come (queued, deferred until now, or held by
	 * a worker whose lease ran out)
	 * @param oldestDueAge how long the oldest of them has been due; zero when none is
	 * @param pending every row not yet sent, skipped, bounced, failed or cancelled,
	 * including those deferred to later and those on the wire now
	 */
	record Reading(long due, Duration oldestDueAge, long pending) {
	}

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final ReusedReading<Reading> reading;

	OutboxBacklog(JdbcTemplate jdbc, Clock clock, DeliveryHealthProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.reading = new ReusedReading<>(this::query, properties.backlogRefresh());
	}

	Reading read() {
		return reading.get();
	}

	private Reading query() {
		Instant now = clock.instant();
		return jdbc.queryForObject("""
				SELECT count(CASE WHEN next_attempt_at <= ? THEN 1 END) AS due,
				       min(CASE WHEN next_attempt_at <= ? THEN next_attempt_at END) AS oldest_due,
				       count(*) AS pending
				FROM deliveries WHERE status IN ('QUEUED', 'DEFERRED', 'SENDING')""", (rs, row) -> {
			Timestamp oldest = rs.getTimestamp("oldest_due");
			Duration age = oldest == null ? Duration.ZERO : Duration.between(oldest.toInstant(), now);
			return new Reading(rs.getLong("due"), age.isNegative() ? Duration.ZERO : age, rs.getLong("pending"));
		}, Timestamp.from(now), Timestamp.from(now));
	}

}
