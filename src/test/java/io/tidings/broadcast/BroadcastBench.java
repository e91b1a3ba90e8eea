package io.tidings.broadcast;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidings.contact.Segments;
import io.tidings.support.EmbeddedPostgresDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Not a test: measures a broadcast to a large segment on PostgreSQL and prints the rate.
 * Run with {@code bench/broadcast.sh} (size: {@code -Dbench.contacts=100000}). It counts
 * journey starts (the job executor is off, so the mails themselves are not sent here:
 * that is the delivery benchmark's part).
 */
@SpringBootTest(properties = { "tidings.dev-mailbox.enabled=false", "tidings.delivery.workers=0",
		"camunda.bpm.job-execution.enabled=false", "tidings.triggers.enabled=false",
		"tidings.broadcasts.poll-interval=100ms", "logging.level.io.tidings=warn" })
class BroadcastBench {

	static final int CONTACTS = Integer.getInteger("bench.contacts", 100_000);

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		EmbeddedPostgresDatabase.register(registry);
	}

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Segments segments;

	@Autowired
	Broadcasts broadcasts;

	@Test
	void broadcastToALargeSegment() throws Exception {
		seed();
		long countStarted = System.nanoTime();
		segments.save("bench-all", "Everyone in the benchmark",
				new ObjectMapper().readTree("{\"attribute\": \"tier\", \"op\": \"eq\", \"value\": \"gold\"}"));
		long members = segments.count("bench-all");
		Duration countTook = Duration.ofNanos(System.nanoTime() - countStarted);

		long started = System.nanoTime();
		Broadcast broadcast = broadcasts.create("announcement", "bench-all", 10_000);
		Broadcast done = broadcast;
		while (!"DONE".equals(done.status()) && !"FAILED".equals(done.status())) {
			Thread.sleep(1000);
			done = broadcasts.find(broadcast.id()).orElseThrow();
		}
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		double perSecond = done.started() / (took.toMillis() / 1000.0);
		System.out.printf(
				"[bench] broadcast: contacts=%d members=%d started=%d skipped=%d status=%s seconds=%.1f "
						+ "journeysPerSecond=%.0f extrapolated1M_minutes=%.1f segmentCountMillis=%d%n",
				CONTACTS, members, done.started(), done.skipped(), done.status(), took.toMillis() / 1000.0, perSecond,
				1_000_000 / perSecond / 60, countTook.toMillis());
	}

	private void seed() {
		Timestamp now = Timestamp.from(Instant.now());
		for (int from = 0; from < CONTACTS; from += 5000) {
			List<Object[]> contacts = new ArrayList<>();
			List<Object[]> attributes = new ArrayList<>();
			for (int i = from; i < Math.min(CONTACTS, from + 5000); i++) {
				String id = "bench-%07d".formatted(i);
				contacts.add(new Object[] { id, id + "@example.com", "{\"tier\":\"gold\"}", now, now });
				attributes.add(new Object[] { id, "tier", "gold" });
			}
			jdbc.batchUpdate("""
					INSERT INTO contacts (id, email, attributes, created_at, updated_at, address_status)
					VALUES (?, ?, ?, ?, ?, 'VALID')""", contacts);
			jdbc.batchUpdate("INSERT INTO contact_attributes (contact_id, name, text_value) VALUES (?, ?, ?)",
					attributes);
		}
	}

}
