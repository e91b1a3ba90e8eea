package io.tidings.experiment.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

import io.tidings.experiment.Experiment;
import io.tidings.experiment.Metric;
import io.tidings.experiment.VariantOutcomes.Outcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outcomes read from engagement tracking's tables. Those tables are not on this
 * branch yet: the test makes them as announced ({@code engagements(delivery_id, kind,
 * machine)}, {@code conversions(delivery_id)}). Each database runs these through a
 * subclass.
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
abstract class EngagementVariantOutcomesTests {

	static final Instant ASSIGNED = Instant.parse("2026-06-01T12:00:00Z");

	static final Experiment SEND = Experiment.declared("probe", "Send", Experiment.Kind.CONTENT, null,
			"A:welcome:1,B:tips:1", null, null);

	static final Experiment SPLIT = Experiment.declared("probe", "Split", Experiment.Kind.PATH, "timing",
			"early:1,late:1", null, null);

	@Autowired
	JdbcTemplate jdbc;

	EngagementVariantOutcomes outcomes;

	@BeforeEach
	void outcomes() {
		outcomes = new EngagementVariantOutcomes(jdbc);
	}

	@Test
	void aSendStepsSampleIsItsDeliveredMailsAndASuccessAMailWithTheMetric() {
		delivery("d1", "c1", "Send", "A", "SENT", ASSIGNED);
		engagement("d1", "OPEN", false);
		delivery("d2", "c2", "Send", "A", "SENT", ASSIGNED);
		engagement("d2", "OPEN", true);
		delivery("d3", "c3", "Send", "A", "SENT", ASSIGNED);
		engagement("d3", "CLICK", false);
		delivery("d4", "c4", "Send", "A", "SENT", ASSIGNED);
		conversion("d4");
		delivery("d0", "c0", "Send", "A", "QUEUED", ASSIGNED);
		engagement("d0", "CLICK", false);
		delivery("d5", "c5", "Send", "B", "SENT", ASSIGNED);
		engagement("d5", "OPEN", false);
		engagement("d5", "OPEN", false);
		engagement("d5", "CLICK", false);
		delivery("d6", "c6", "Send", "B", "SENT", ASSIGNED);
		conversion("d6");
		delivery("d7", "c7", "Send", "B", "SENT", ASSIGNED);
		engagement("d7", "OPEN", false);
		delivery("d8", "c8", "Other", null, "SENT", ASSIGNED);
		engagement("d8", "CLICK", false);

		assertThat(outcomes.of(SEND, Metric.OPEN)).isEqualTo(Map.of("A", new Outcome(4, 1), "B", new Outcome(3, 2)));
		assertThat(outcomes.of(SEND, Metric.CLICK)).isEqualTo(Map.of("A", new Outcome(4, 1), "B", new Outcome(3, 1)));
		assertThat(outcomes.of(SEND, Metric.CONVERSION))
			.isEqualTo(Map.of("A", new Outcome(4, 1), "B", new Outcome(3, 1)));
	}

	@Test
	void aSplitsSampleIsItsContactsAndASuccessAMailOfTheJourneyAfterTheAssignment() {
		assign("s1", "early");
		assign("s2", "early");
		assign("s3", "late");
		delivery("e1", "s1", "Later", null, "SENT", ASSIGNED.plusSeconds(60));
		engagement("e1", "CLICK", false);
		delivery("e2", "s2", "Before", null, "SENT", ASSIGNED.minusSeconds(60));
		engagement("e2", "CLICK", false);
		delivery("e3", "s3", "Later", null, "SENT", ASSIGNED.plusSeconds(60));
		engagement("e3", "OPEN", false);

		assertThat(outcomes.of(SPLIT, Metric.CLICK))
			.isEqualTo(Map.of("early", new Outcome(2, 1), "late", new Outcome(1, 0)));
		assertThat(outcomes.of(SPLIT, Metric.OPEN))
			.isEqualTo(Map.of("early", new Outcome(2, 0), "late", new Outcome(1, 1)));
	}

	private void delivery(String id, String contact, String step, String variant, String status, Instant created) {
		jdbc.update("""
				INSERT INTO deliveries (id, dedupe_key, message_id, contact_id, journey_key, step_id, template_key,
				  category, recipient, subject, html_body, text_body, status, attempts, next_attempt_at, created_at,
				  variant)
				VALUES (?, ?, ?, ?, 'probe', ?, 'welcome', 'MARKETING', 'x@example.com', 'Hi', '<p>Hi</p>', 'Hi', ?, 1,
				  ?, ?, ?)""", id, id, "<" + id + "@test>", contact, step, status, Timestamp.from(created),
				Timestamp.from(created), variant);
	}

	private void engagement(String delivery, String kind, boolean machine) {
		jdbc.update("""
				INSERT INTO engagements (id, delivery_id, contact_id, kind, machine, occurred_at)
				SELECT ?, id, contact_id, ?, ?, created_at FROM deliveries WHERE id = ?""",
				java.util.UUID.randomUUID().toString(), kind, machine, delivery);
	}

	private void conversion(String delivery) {
		jdbc.update("""
				INSERT INTO conversions (id, event_id, event_name, contact_id, delivery_id, occurred_at)
				SELECT ?, ?, 'OrderPlaced', contact_id, id, created_at FROM deliveries WHERE id = ?""",
				java.util.UUID.randomUUID().toString(), java.util.UUID.randomUUID().toString(), delivery);
	}

	private void assign(String contact, String variant) {
		jdbc.update(
				"INSERT INTO experiment_assignments (experiment_id, contact_id, variant, assigned_at) VALUES (?, ?, ?, ?)",
				SPLIT.id(), contact, variant, Timestamp.from(ASSIGNED));
	}

}
