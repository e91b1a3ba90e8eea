package io.tidings.journey;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tidings.contact.ContactChange;
import io.tidings.contact.Contacts;
import io.tidings.delivery.internal.OutcomeReporter;
import io.tidings.support.FlowNodeCoverage;
import io.tidings.support.OutcomeSimulator;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
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
 * The welcome journey with its real delegates and outbox, job executor off: each send
 * step and the timer are run by hand, and the engine clock is moved instead of waiting
 * two days.
 */
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:welcome-process;DB_CLOSE_DELAY=-1",
		"camunda.bpm.job-execution.enabled=false", "tidings.dev-mailbox.enabled=false", "tidings.delivery.workers=0" })
class WelcomeJourneyProcessTest {

	@Autowired
	ProcessEngine engine;

	@Autowired
	RuntimeService runtime;

	@Autowired
	Contacts contacts;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	OutcomeReporter reporter;

	OutcomeSimulator smtp;

	@BeforeEach
	void initAssertions() {
		init(engine);
		smtp = new OutcomeSimulator(jdbc, reporter);
		ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-02T08:00:00Z")));
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@AfterAll
	static void everyFlowNodeWasVisited(@Autowired HistoryService history, @Autowired RepositoryService repository) {
		FlowNodeCoverage.assertEveryFlowNodeVisited("welcome", history, repository);
	}

	@Test
	void freePlanContactGetsWelcomeTipsAndUpgradeOffer() {
		ProcessInstance journey = signUp("c-free", Map.of("plan", "free"));

		org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(journey).isWaitingAt("SendWelcomeEmail");
		execute(job(journey));
		org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(journey).isWaitingAt("SendWelcomeEmail");
		assertThat(sentTemplates(journey)).containsExactly("welcome");
		smtp.sendAll(journey.getId());
		assertThat(subjects(journey)).containsExactly("Welcome aboard, Ann!");

		org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(journey).isWaitingAt("WaitTwoDays");
		Job timer = job(journey);
		assertThat(timer.getDuedate()).isCloseTo(Date.from(Instant.parse("2026-03-04T08:00:00Z")), 1000);
		moveClock(Duration.ofDays(2));
		execute(timer);

		org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(journey).isWaitingAt("SendTipsEmail");
		send(journey);
		org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(journey)
			.isWaitingAt("SendUpgradeOfferEmail");
		send(journey);

		org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(journey)
			.isEnded()
			.hasPassedInOrder("SignupReceived", "SendWelcomeEmail", "WaitTwoDays", "SendTipsEmail", "PlanGateway",
					"SendUpgradeOfferEmail", "UpgradeOffered");
		assertThat(sentTemplates(journey)).containsExactly("welcome", "tips", "upgrade-offer");
	}

	@Test
	void otherPlansEndWithoutAnOffer() {
		ProcessInstance journey = signUp("c-pro", Map.of("plan", "pro"));
		runToGateway(journey);

		org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(journey)
			.isEnded()
			.hasPassed("NoOfferNeeded")
			.hasNotPassed("SendUpgradeOfferEmail");
		assertThat(sentTemplates(journey)).containsExactly("welcome", "tips");
	}

	@Test
	void contactWithoutPlanTakesTheDefaultPath() {
		ProcessInstance journey = signUp("c-none", Map.of());
		runToGateway(journey);

		org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(journey)
			.isEnded()
			.hasPassed("NoOfferNeeded");
	}

	@Test
	void gatewayReadsThePlanAsItIsWhenTheJourneyGetsThere() {
		ProcessInstance journey = signUp("c-upgraded", Map.of("plan", "free"));
		send(journey);
		contacts.upsert(ContactChange.of("c-upgraded", null, null, null, null, null, Map.of("plan", "pro")));
		moveClock(Duration.ofDays(2));
		execute(job(journey));
		send(journey);

		org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(journey)
			.isEnded()
			.hasPassed("NoOfferNeeded");
	}

	@Test
	void theTwoDaysCountFromTheMomentTheWelcomeMailWentOut() {
		ProcessInstance journey = signUp("c-quiet", Map.of("plan", "free"));
		execute(job(journey));
		// Held back for three hours (quiet hours, a frequency cap): the journey waits
		// with it.
		moveClock(Duration.ofHours(3));
		org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(journey).isWaitingAt("SendWelcomeEmail");
		smtp.sendAll(journey.getId());

		org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(journey).isWaitingAt("WaitTwoDays");
		assertThat(job(journey).getDuedate()).isCloseTo(Date.from(Instant.parse("2026-03-04T11:00:00Z")), 1000);
	}

	private ProcessInstance signUp(String contactId, Map<String, Object> attributes) {
		contacts.upsert(ContactChange.of(contactId, contactId + "@example.com", "Ann", "Smith", "en",
				"Europe/Amsterdam", attributes));
		return runtime.createMessageCorrelation("SignupReceived")
			.processInstanceBusinessKey(contactId)
			.correlateStartMessage();
	}

	private void runToGateway(ProcessInstance journey) {
		send(journey);
		moveClock(Duration.ofDays(2));
		execute(job(journey));
		send(journey);
	}

	/** Runs the waiting send step's job, and the mail it queued goes out. */
	private void send(ProcessInstance journey) {
		execute(job(journey));
		assertThat(smtp.sendAll(journey.getId())).hasSize(1);
	}

	private static void moveClock(Duration by) {
		ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(by)));
	}

	private List<String> sentTemplates(ProcessInstance journey) {
		return deliveryColumn(journey, "template_key");
	}

	private List<String> subjects(ProcessInstance journey) {
		return deliveryColumn(journey, "subject");
	}

	private List<String> deliveryColumn(ProcessInstance journey, String column) {
		return jdbc.queryForList(
				"SELECT " + column + " FROM deliveries WHERE journey_instance_id = ? ORDER BY created_at, step_id",
				String.class, journey.getId());
	}

}
