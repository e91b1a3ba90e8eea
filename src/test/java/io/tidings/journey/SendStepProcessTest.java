package io.tidings.journey;

import java.util.List;
import java.util.Map;

import io.tidings.contact.ContactChange;
import io.tidings.contact.Contacts;
import io.tidings.delivery.Deliveries;
import io.tidings.delivery.DeliveryStatus;
import io.tidings.delivery.internal.OutcomeReporter;
import io.tidings.support.OutcomeSimulator;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

/**
 * What a send step does with its mail's outcome, on a test diagram (delivery-probe.bpmn)
 * with the real delegates, outbox and reporter: it waits until the mail is out, a bounce
 * reaches the diagram as EmailBounced, a mail that failed for good is an incident that
 * Cockpit's Retry resolves, and a cancelled step withdraws its mail.
 */
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:send-step-process;DB_CLOSE_DELAY=-1",
		"camunda.bpm.job-execution.enabled=false", "tidings.dev-mailbox.enabled=false", "tidings.delivery.workers=0" })
class SendStepProcessTest {

	@Autowired
	ProcessEngine engine;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	@Autowired
	HistoryService history;

	@Autowired
	Contacts contacts;

	@Autowired
	Deliveries deliveries;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	OutcomeReporter reporter;

	OutcomeSimulator smtp;

	@BeforeEach
	void setUp() {
		init(engine);
		smtp = new OutcomeSimulator(jdbc, reporter);
	}

	@Test
	void theStepWaitsForItsMailAndGoesOnOnceItIsSent() {
		ProcessInstance journey = start("c-sent", "marketing", false);
		execute(job(journey));

		assertJourney(journey).isWaitingAt("SendProbe");
		assertThat(statuses(journey)).containsExactly("QUEUED");

		List<String> sent = smtp.sendAll(journey.getId());

		assertJourney(journey).isEnded().hasPassed("SentEnd");
		assertThat(variable(journey, "lastDeliveryStatus")).isEqualTo("SENT");
		assertThat(variable(journey, "lastDeliveryId")).isEqualTo(sent.get(0));
	}

	@Test
	void aBounceReachesTheDiagramAsEmailBounced() {
		ProcessInstance journey = start("c-bounced", "marketing", false);
		execute(job(journey));

		smtp.finishAll(journey.getId(), "BOUNCED", "550 5.1.1 <c-bounced@example.com>: user unknown");

		assertJourney(journey).isEnded().hasPassed("Bounced", "BouncedEnd").hasNotPassed("SentEnd");
		assertThat(variable(journey, "bounceReason")).isEqualTo("550 5.1.1 <c-bounced@example.com>: user unknown");
	}

	@Test
	void aSkippedMailLetsTheJourneyGoOn() {
		ProcessInstance journey = start("c-skipped", "marketing", false);
		execute(job(journey));

		smtp.finishAll(journey.getId(), "SKIPPED", "suppressed: manual");

		assertJourney(journey).isEnded().hasPassed("SentEnd");
		assertThat(variable(journey, "lastDeliveryStatus")).isEqualTo("SKIPPED");
	}

	@Test
	void aFailedDeliveryIsAnIncidentOnTheStepThatCockpitsRetryResolves() {
		ProcessInstance journey = start("c-failed", "transactional", false);
		execute(job(journey));
		String deliveryId = smtp.finishAll(journey.getId(), "FAILED", "421 4.7.0 Try again later, closing connection")
			.get(0);

		Incident incident = runtime.createIncidentQuery().processInstanceId(journey.getId()).singleResult();
		assertThat(incident).isNotNull();
		assertThat(incident.getIncidentType()).isEqualTo("failedJob");
		assertThat(incident.getActivityId()).isEqualTo("SendProbe");
		assertThat(incident.getIncidentMessage()).contains("421 4.7.0 Try again later");
		assertJourney(journey).isWaitingAt("SendProbe");

		// What Cockpit's "Retry" does: give the failed job a retry, then the job executor
		// runs
		// it.
		Job failed = management.createJobQuery().processInstanceId(journey.getId()).withException().singleResult();
		assertThat(management.getJobExceptionStacktrace(failed.getId())).contains(deliveryId);
		management.setJobRetries(failed.getId(), 1);
		assertThat(runtime.createIncidentQuery().processInstanceId(journey.getId()).count()).isZero();
		execute(failed);

		assertThat(deliveries.find(deliveryId).orElseThrow().status()).isEqualTo(DeliveryStatus.QUEUED);
		assertThat(deliveries.find(deliveryId).orElseThrow().attempts()).isZero();
		assertThat(management.createJobQuery().processInstanceId(journey.getId()).count()).isZero();
		assertJourney(journey).isWaitingAt("SendProbe");

		smtp.sendAll(journey.getId());
		assertJourney(journey).isEnded().hasPassed("SentEnd");
	}

	@Test
	void retryingThroughTheApiClearsTheIncident() {
		ProcessInstance journey = start("c-api-retry", "marketing", false);
		execute(job(journey));
		String deliveryId = smtp.finishAll(journey.getId(), "FAILED", "Couldn't connect to host").get(0);
		assertThat(runtime.createIncidentQuery().processInstanceId(journey.getId()).count()).isOne();

		deliveries.retry(deliveryId);

		assertThat(runtime.createIncidentQuery().processInstanceId(journey.getId()).count()).isZero();
		assertThat(management.createJobQuery().processInstanceId(journey.getId()).count()).isZero();
		assertThat(history.createHistoricIncidentQuery().processInstanceId(journey.getId()).resolved().count()).isOne();
		smtp.sendAll(journey.getId());
		assertJourney(journey).isEnded();
	}

	@Test
	void aCancelledStepWithdrawsItsQueuedMail() {
		ProcessInstance journey = start("c-cancelled", "marketing", false);
		execute(job(journey));

		runtime.createMessageCorrelation("ProbeCancelled").processInstanceId(journey.getId()).correlate();

		assertJourney(journey).isEnded().hasPassed("CancelledEnd");
		assertThat(statuses(journey)).containsExactly("CANCELLED");
	}

	@Test
	void deletingTheJourneyWithdrawsItsQueuedMail() {
		ProcessInstance journey = start("c-deleted", "marketing", false);
		execute(job(journey));

		runtime.deleteProcessInstance(journey.getId(), "operator cancelled the journey");

		assertThat(statuses(journey)).containsExactly("CANCELLED");
	}

	@Test
	void aLoopSendsAgainAndAnOldOutcomeDoesNotMoveTheNewVisit() {
		ProcessInstance journey = start("c-loop", "marketing", true);
		execute(job(journey));
		String first = smtp.sendAll(journey.getId()).get(0);

		execute(job(journey));
		assertJourney(journey).isWaitingAt("SendProbe");
		assertThat(statuses(journey)).containsExactlyInAnyOrder("SENT", "QUEUED");

		smtp.reportAgain(first);
		assertJourney(journey).isWaitingAt("SendProbe");

		smtp.sendAll(journey.getId());
		assertJourney(journey).isEnded().hasPassed("SentEnd");
		assertThat(jdbc.queryForList("SELECT DISTINCT message_id FROM deliveries WHERE journey_instance_id = ?",
				String.class, journey.getId()))
			.hasSize(2);
	}

	private ProcessInstance start(String contactId, String category, boolean sendAgain) {
		contacts.upsert(ContactChange.of(contactId, contactId + "@example.com", "Ann", null, "en", "Europe/Amsterdam",
				Map.of()));
		return runtime.createMessageCorrelation("DeliveryProbeStarted")
			.processInstanceBusinessKey(contactId)
			.setVariable("category", category)
			.setVariable("sendAgain", sendAgain)
			.correlateStartMessage();
	}

	private List<String> statuses(ProcessInstance journey) {
		return jdbc.queryForList("SELECT status FROM deliveries WHERE journey_instance_id = ? ORDER BY created_at",
				String.class, journey.getId());
	}

	private Object variable(ProcessInstance journey, String name) {
		return history.createHistoricVariableInstanceQuery()
			.processInstanceId(journey.getId())
			.variableName(name)
			.singleResult()
			.getValue();
	}

	private static org.camunda.bpm.engine.test.assertions.bpmn.ProcessInstanceAssert assertJourney(
			ProcessInstance journey) {
		return org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(journey);
	}

}
