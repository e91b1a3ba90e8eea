package io.tidings.delivery.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tidings.consent.EmailCategory;
import io.tidings.delivery.DeliveryHealthProperties;
import io.tidings.delivery.DeliveryOutcome;
import io.tidings.delivery.DeliveryProperties;
import io.tidings.delivery.OutgoingEmail;
import io.tidings.delivery.SendingStep;
import io.tidings.support.MovableClock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outcomes told to their journeys in batches (here of 2), on the real schema: each once,
 * and a listener that fails for one outcome holds back that one only.
 */
@JdbcTest
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@Import({ JdbcOutbox.class, DeliveryWakeup.class, DeliveryMetrics.class, OutboxBacklog.class, OutcomeStore.class,
		OutcomeReporter.class, OutcomeReporterTest.Config.class })
@TestPropertySource(properties = { "tidings.delivery.from-address=hello@shop.example", "tidings.delivery.workers=0",
		"tidings.delivery.batch-size=10", "tidings.delivery.poll-interval=1s", "tidings.delivery.lease=2m",
		"tidings.delivery.max-attempts=3", "tidings.delivery.first-retry-delay=30s",
		"tidings.delivery.report-batch-size=2" })
class OutcomeReporterTest {

	@Autowired
	JdbcOutbox outbox;

	@Autowired
	OutcomeReporter reporter;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MovableClock clock;

	@Autowired
	Listener listener;

	@Test
	void everyDueOutcomeIsToldOnceWhateverTheBatches() {
		List<String> ids = finished("batches", 5);

		assertThat(reporter.reportDue()).isEqualTo(5);

		for (String id : ids) {
			assertThat(heard(id)).isEqualTo(1);
			assertThat(reportDue(id)).isFalse();
		}
		assertThat(reporter.reportDue()).isZero();
	}

	@Test
	void aListenerThatFailsForOneOutcomeHoldsBackThatOneOnly() {
		List<String> ids = finished("failing", 5);
		String failing = ids.get(2);
		listener.failFor = failing;

		int reported = 0;
		for (int round = 0; round < 10; round++) {
			reported += reporter.reportDue();
		}

		assertThat(reported).isEqualTo(4);
		for (String id : ids) {
			assertThat(heard(id)).isEqualTo(id.equals(failing) ? 0 : 1);
			assertThat(reportDue(id)).isEqualTo(id.equals(failing));
		}
		assertThat(jdbc.queryForObject("SELECT next_attempt_at FROM deliveries WHERE id = ?", Timestamp.class, failing)
			.toInstant()).isAfter(clock.instant());

		listener.failFor = null;
		clock.advance(java.time.Duration.ofSeconds(6));
		assertThat(reporter.reportDue()).isEqualTo(1);
		assertThat(heard(failing)).isEqualTo(1);
	}

	private List<String> finished(String prefix, int count) {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String instance = prefix + "-" + i;
			String id = outbox
				.enqueue(new OutgoingEmail(instance + "/Send", "c-1",
						new SendingStep("welcome", instance, instance, "act-" + i, "Send"), "welcome",
						EmailCategory.MARKETING, "newsletter", "ann@example.com", "Ann", null, "Welcome", "<p>Hi</p>",
						"Hi", null))
				.deliveryId();
			jdbc.update("""
					UPDATE deliveries SET status = 'SENT', smtp_reply = '250 ok', report_due = TRUE, next_attempt_at = ?
					WHERE id = ?""", Timestamp.from(clock.instant()), id);
			ids.add(id);
		}
		return ids;
	}

	private int heard(String id) {
		String reply = jdbc.queryForObject("SELECT smtp_reply FROM deliveries WHERE id = ?", String.class, id);
		return reply.split("\\+heard", -1).length - 1;
	}

	private boolean reportDue(String id) {
		return jdbc.queryForObject("SELECT report_due FROM deliveries WHERE id = ?", Boolean.class, id);
	}

	/**
	 * Writes what it hears into the row, in the reporter's transaction, so that a report
	 * rolled back leaves no trace, as a journey's signal would not.
	 */
	static class Listener {

		private final JdbcTemplate jdbc;

		volatile String failFor;

		Listener(JdbcTemplate jdbc) {
			this.jdbc = jdbc;
		}

		@EventListener
		void on(DeliveryOutcome outcome) {
			jdbc.update("UPDATE deliveries SET smtp_reply = smtp_reply || '+heard' WHERE id = ?", outcome.deliveryId());
			if (outcome.deliveryId().equals(failFor)) {
				throw new IllegalStateException("the journey could not be told");
			}
		}

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

		@Bean
		Listener listener(JdbcTemplate jdbc) {
			return new Listener(jdbc);
		}

	}

}
