package io.tidings.journey;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import io.tidings.experiment.Experiment;
import io.tidings.experiment.ExperimentReport;
import io.tidings.experiment.Experiments;
import io.tidings.experiment.Metric;
import io.tidings.experiment.Variants;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

/**
 * The A/B split step in split-probe.bpmn: {@code ${split.assign(execution,
 * 'reminderTiming', 'early:50,late:50')}} sets the variable a gateway reads, the same for
 * a contact every time, recorded per contact, and the winner for every new contact once
 * decided.
 */
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:split-step-process;DB_CLOSE_DELAY=-1",
		"camunda.bpm.job-execution.enabled=false", "tidings.dev-mailbox.enabled=false", "tidings.delivery.workers=0",
		"tidings.triggers.enabled=false" })
class SplitStepProcessTest {

	static final String EXPERIMENT = "splitProbe.SplitTiming";

	@Autowired
	ProcessEngine engine;

	@Autowired
	RuntimeService runtime;

	@Autowired
	Experiments experiments;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void setUp() {
		init(engine);
	}

	@Test
	void eachContactTakesThePathOfItsVariantAgainAndAgain() {
		Variants timing = Variants.ofPaths("early:50,late:50");
		for (String contact : new String[] { "split-ann", "split-bob", "split-cem", "split-dee" }) {
			String expected = timing.pick(EXPERIMENT, contact).name();
			for (int run = 0; run < 2; run++) {
				ProcessInstance journey = runtime.startProcessInstanceByKey("splitProbe", contact);
				assertJourney(journey).isEnded()
					.hasPassed(expected.equals("late") ? "LateEnd" : "EarlyEnd")
					.variables()
					.containsEntry("reminderTiming", expected);
			}
			assertThat(jdbc.queryForList(
					"SELECT variant FROM experiment_assignments WHERE experiment_id = ? AND contact_id = ?",
					String.class, EXPERIMENT, contact))
				.containsExactly(expected);
		}
	}

	@Test
	void contactsAreSplitByWeightAndCountedPerVariant() {
		Map<String, Long> paths = new HashMap<>();
		for (int i = 0; i < 200; i++) {
			ProcessInstance journey = runtime.startProcessInstanceByKey("splitProbe", "split-many-" + i);
			paths.merge(assertJourney(journey).isEnded().variables().actual().get("reminderTiming").toString(), 1L,
					Long::sum);
		}

		assertThat(paths.get("early")).isBetween(70L, 130L);
		assertThat(paths.get("early") + paths.get("late")).isEqualTo(200);
		ExperimentReport report = experiments.report(EXPERIMENT, null);
		assertThat(report.kind()).isEqualTo(Experiment.Kind.PATH);
		assertThat(report.variableName()).isEqualTo("reminderTiming");
		assertThat(report.results()).extracting("name").containsExactly("early", "late");
		assertThat(report.results().get(0).assigned()).isGreaterThanOrEqualTo(paths.get("early"));
	}

	@Test
	void onceAWinnerIsDecidedNewContactsAllTakeItAndEarlierOnesKeepTheirs() {
		ProcessInstance before = runtime.startProcessInstanceByKey("splitProbe", "split-before");
		String earlier = assertJourney(before).variables().actual().get("reminderTiming").toString();
		String winner = earlier.equals("late") ? "early" : "late";
		jdbc.update("""
				INSERT INTO experiment_decisions (experiment_id, winner, metric, confidence, z_score, p_value, figures,
				                                  decided_at)
				VALUES (?, ?, 'CLICK', 0.95, 3.1, 0.002, '[]', ?)""", EXPERIMENT, winner,
				Timestamp.from(Instant.now()));
		try {
			for (int i = 0; i < 20; i++) {
				ProcessInstance journey = runtime.startProcessInstanceByKey("splitProbe", "split-after-" + i);
				assertJourney(journey).variables().containsEntry("reminderTiming", winner);
			}
			ProcessInstance again = runtime.startProcessInstanceByKey("splitProbe", "split-before");
			assertJourney(again).variables().containsEntry("reminderTiming", earlier);
		}
		finally {
			jdbc.update("DELETE FROM experiment_decisions WHERE experiment_id = ?", EXPERIMENT);
		}
	}

	@Test
	void theFormsInputsDeclareVariableVariantsMetricAndAutoWinner() {
		ProcessInstance journey = runtime.startProcessInstanceByKey("splitProbeForm", "split-form");

		assertJourney(journey).isEnded().variables().containsKey("offer");
		ExperimentReport report = experiments.report("splitProbeForm.SplitOffer", null);
		assertThat(report.variants()).isEqualTo("none:1,coupon:1,gift:2");
		assertThat(report.metric()).isEqualTo(Metric.CONVERSION);
		assertThat(report.autoWinnerAfter()).isEqualTo(100);
		assertThat(report.outcomesAvailable()).as("read from the engagement tables").isTrue();
		assertThat(report.results()).allSatisfy(result -> assertThat(result.successes()).isEqualTo(0L));
	}

	@Test
	void unreadableVariantsFailTheStepWithAMessageNamingItAndRecordNothing() {
		Throwable failure = catchThrowable(() -> runtime.startProcessInstanceByKey("splitProbeBroken", "split-x"));

		assertThat(failure).hasMessageContaining("Step 'SplitAlone'").hasMessageContaining("2 to 10 variants");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM experiments WHERE id = 'splitProbeBroken.SplitAlone'",
				Integer.class))
			.isZero();
	}

	private static org.camunda.bpm.engine.test.assertions.bpmn.ProcessInstanceAssert assertJourney(
			ProcessInstance journey) {
		return org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(journey);
	}

}
