package io.tidings.delivery.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tidings.delivery.DeliveryHealthProperties;
import io.tidings.delivery.DeliveryProperties;
import io.tidings.consent.EmailCategory;
import io.tidings.delivery.OutgoingEmail;
import io.tidings.delivery.QueuedDelivery;
import io.tidings.delivery.SendingStep;
import io.tidings.support.MovableClock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox table's rules, on the real schema (Flyway on H2): one row per dedupe key,
 * claims that lease rows to one worker, and outcomes only a row's current worker may
 * record.
 */
@JdbcTest
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@Import({ JdbcOutbox.class, DeliveryStore.class, DeliveryWakeup.class, DeliveryMetrics.class, OutboxBacklog.class,
		OutboxStoreTest.Config.class })
@TestPropertySource(properties = { "tidings.delivery.from-address=hello@shop.example", "tidings.delivery.workers=1",
		"tidings.delivery.batch-size=10", "tidings.delivery.poll-interval=1s", "tidings.delivery.lease=2m",
		"tidings.delivery.max-attempts=3", "tidings.delivery.first-retry-delay=30s" })
class OutboxStoreTest {

	static final Duration LEASE = Duration.ofMinutes(2);

	@Autowired
	JdbcOutbox outbox;

	@Autowired
	DeliveryStore store;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MovableClock clock;

	@Test
	void theSameStepQueuesOneMailOnly() {
		QueuedDelivery first = outbox.enqueue(email("pi-1/Send"));
		QueuedDelivery again = outbox.enqueue(email("pi-1/Send"));

		assertThat(first.created()).isTrue();
		assertThat(again.created()).isFalse();
		assertThat(again.deliveryId()).isEqualTo(first.deliveryId());
		assertThat(again.messageId()).isEqualTo(first.messageId()).endsWith("@shop.example>");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM deliveries WHERE dedupe_key = 'pi-1/Send'", Integer.class))
			.isEqualTo(1);
	}

	@Test
	void aClaimedRowIsLeasedToOneWorkerUntilItsLeaseEnds() {
		String id = outbox.enqueue(email("pi-2/Send")).deliveryId();

		assertThat(claimedIds("worker-a")).contains(id);
		assertThat(claimedIds("worker-b")).doesNotContain(id);

		clock.advance(LEASE.plusSeconds(1));
		assertThat(claimedIds("worker-b")).contains(id);
		assertThat(attempts(id)).isEqualTo(2);
	}

	@Test
	void onlyTheCurrentWorkerRecordsTheOutcome() {
		String id = outbox.enqueue(email("pi-3/Send")).deliveryId();
		claimedIds("worker-a");
		clock.advance(LEASE.plusSeconds(1));
		claimedIds("worker-b");

		store.markSent(id, "worker-a", "250 from a stale worker");
		assertThat(status(id)).isEqualTo("SENDING");

		store.markSent(id, "worker-b", "250 2.0.0 OK");
		assertThat(status(id)).isEqualTo("SENT");
		assertThat(claimedIds("worker-c")).doesNotContain(id);
	}

	@Test
	void aReleasedRowIsDueAtOnceWithoutUsingAnAttempt() {
		String id = outbox.enqueue(email("pi-4/Send")).deliveryId();
		claimedIds("worker-a");

		store.release(List.of(id), "worker-a", clock.instant());

		assertThat(status(id)).isEqualTo("QUEUED");
		assertThat(attempts(id)).isZero();
		assertThat(claimedIds("worker-b")).contains(id);
	}

	@Test
	void aRetryWaitsForItsTime() {
		String id = outbox.enqueue(email("pi-5/Send")).deliveryId();
		claimedIds("worker-a");

		store.scheduleRetry(id, "worker-a", "421 try later", clock.instant().plusSeconds(30));

		assertThat(claimedIds("worker-b")).doesNotContain(id);
		clock.advance(Duration.ofSeconds(31));
		assertThat(claimedIds("worker-b")).contains(id);
		assertThat(jdbc.queryForObject("SELECT last_error FROM deliveries WHERE id = ?", String.class, id))
			.isEqualTo("421 try later");
	}

	@Test
	void aWithdrawnMailIsNeverClaimedButOneOnTheWireIsNotWithdrawn() {
		String waiting = outbox.enqueue(email("pi-6/Send")).deliveryId();
		assertThat(outbox.withdraw("pi-6", "Send", "journey step cancelled")).isTrue();
		assertThat(status(waiting)).isEqualTo("CANCELLED");
		assertThat(claimedIds("worker-a")).doesNotContain(waiting);

		String onTheWire = outbox.enqueue(email("pi-7/Send")).deliveryId();
		claimedIds("worker-a");
		assertThat(outbox.withdraw("pi-7", "Send", "journey step cancelled")).isFalse();
		assertThat(status(onTheWire)).isEqualTo("SENDING");
	}

	@Test
	void aDeferralIsNoAttemptAndWaitsForItsTime() {
		String id = outbox.enqueue(email("pi-8/Send")).deliveryId();
		claimedIds("worker-a");

		store.defer(id, "worker-a", "quiet hours in Europe/Amsterdam", clock.instant().plus(Duration.ofHours(8)));

		assertThat(status(id)).isEqualTo("DEFERRED");
		assertThat(attempts(id)).isZero();
		assertThat(claimedIds("worker-b")).doesNotContain(id);
		clock.advance(Duration.ofHours(8));
		assertThat(claimedIds("worker-b")).contains(id);
	}

	@Test
	void aFinalOutcomeIsDueForReportingAndALaterBounceCountsOnce() {
		String id = outbox.enqueue(email("pi-9/Send")).deliveryId();
		assertThat(reportDue(id)).isFalse();
		claimedIds("worker-a");
		store.markSent(id, "worker-a", "250 2.0.0 Ok");
		assertThat(reportDue(id)).isTrue();

		jdbc.update("UPDATE deliveries SET report_due = FALSE WHERE id = ?", id);
		String messageId = jdbc.queryForObject("SELECT message_id FROM deliveries WHERE id = ?", String.class, id);
		assertThat(store.markBouncedLater(messageId, "550 5.1.1 user unknown")).isEqualTo("ann@example.com");
		assertThat(status(id)).isEqualTo("BOUNCED");
		assertThat(reportDue(id)).isTrue();
		assertThat(store.markBouncedLater(messageId, "550 5.1.1 user unknown")).isNull();
		assertThat(store.markBouncedLater("<unknown@shop.example>", "550")).isNull();
	}

	private boolean reportDue(String id) {
		return jdbc.queryForObject("SELECT report_due FROM deliveries WHERE id = ?", Boolean.class, id);
	}

	private List<String> claimedIds(String worker) {
		return store.claim(worker, 100, LEASE).stream().map(ClaimedDelivery::id).toList();
	}

	private String status(String id) {
		return jdbc.queryForObject("SELECT status FROM deliveries WHERE id = ?", String.class, id);
	}

	private int attempts(String id) {
		return jdbc.queryForObject("SELECT attempts FROM deliveries WHERE id = ?", Integer.class, id);
	}

	private static OutgoingEmail email(String dedupeKey) {
		String instance = dedupeKey.split("/")[0];
		return new OutgoingEmail(dedupeKey, "c-1",
				new SendingStep("welcome", instance, instance, dedupeKey.split("/")[1], "Send"), "welcome",
				EmailCategory.MARKETING, "newsletter", "ann@example.com", "Ann", "Europe/Amsterdam", "Welcome",
				"<p>Hi</p>", "Hi", null);
	}

	@TestConfiguration
	@EnableConfigurationProperties({ DeliveryProperties.class, DeliveryHealthProperties.class })
	static class Config {

		@Bean
		SimpleMeterRegistry meters() {
			return new SimpleMeterRegistry();
		}

		@Bean
		MovableClock clock() {
			return new MovableClock(Instant.parse("2026-03-02T08:00:00Z"));
		}

	}

}
