package io.tidings.journey;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import io.tidings.contact.ContactChange;
import io.tidings.support.FlowNodeCoverage;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.assertions.bpmn.ProcessInstanceAssert;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

/**
 * The welcome journey with its real delegates and outbox, job executor off: each send
 * step and timer is run by hand, and the engine clock is moved instead of waiting ten
 * days. The first order ends it, whatever order it is.
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:welcome-process;DB_CLOSE_DELAY=-1")
class WelcomeJourneyProcessTest extends JourneyProcessTest {

	@AfterAll
	static void everyFlowNodeAndSequenceFlowWasCovered(@Autowired HistoryService history,
			@Autowired RepositoryService repository) {
		FlowNodeCoverage.assertEveryFlowNodeAndSequenceFlowCovered("welcome", history, repository);
	}

	@Test
	void freePlanContactGetsFourMailsOverTenDaysEndingWithTheUpgradeOffer() {
		ProcessInstance journey = signUp("c-free", Map.of("plan", "free"));

		assertJourney(journey).isWaitingAt("SendWelcomeEmail");
		execute(job(journey));
		assertJourney(journey).isWaitingAt("SendWelcomeEmail");
		assertThat(sentTemplates(journey)).containsExactly("welcome");
		smtp.sendAll(journey.getId());
		assertThat(subjects(journey)).containsExactly("Welcome aboard, Ann!");

		assertJourney(journey).isWaitingAt("WaitTwoDays");
		assertTimerDue(journey, "2026-03-04T08:00:00Z");
		moveClock(Duration.ofDays(2));
		execute(job(journey));
		send(journey);

		assertJourney(journey).isWaitingAt("WaitThreeDays");
		assertTimerDue(journey, "2026-03-07T08:00:00Z");
		moveClock(Duration.ofDays(3));
		execute(job(journey));
		send(journey);

		assertJourney(journey).isWaitingAt("WaitFiveDays");
		assertTimerDue(journey, "2026-03-12T08:00:00Z");
		moveClock(Duration.ofDays(5));
		execute(job(journey));
		assertJourney(journey).isWaitingAt("SendUpgradeOfferEmail");
		send(journey);

		assertJourney(journey).isEnded()
			.hasPassedInOrder("SignupReceived", "SendWelcomeEmail", "WaitTwoDays", "SendTipsEmail", "WaitThreeDays",
					"SendStoriesEmail", "WaitFiveDays", "PlanGateway", "SendUpgradeOfferEmail", "UpgradeOffered");
		assertThat(sentTemplates(journey)).containsExactly("welcome", "tips", "welcome-stories", "upgrade-offer");
	}

	@Test
	void otherPlansGetAPersonalCheckInInsteadOfAnOffer() {
		ProcessInstance journey = signUp("c-pro", Map.of("plan", "pro"));
		runToDayTen(journey);
		send(journey);

		assertJourney(journey).isEnded()
			.hasPassed("SendCheckInEmail", "CheckedIn")
			.hasNotPassed("SendUpgradeOfferEmail");
		assertThat(sentTemplates(journey)).containsExactly("welcome", "tips", "welcome-stories", "welcome-check-in");
	}

	@Test
	void contactWithoutPlanTakesTheDefaultPath() {
		ProcessInstance journey = signUp("c-none", Map.of());
		runToDayTen(journey);
		send(journey);

		assertJourney(journey).isEnded().hasPassed("CheckedIn");
	}

	@Test
	void gatewayReadsThePlanAsItIsWhenTheJourneyGetsThere() {
		ProcessInstance journey = signUp("c-upgraded", Map.of("plan", "free"));
		send(journey);
		moveClock(Duration.ofDays(2));
		execute(job(journey));
		send(journey);
		contacts.upsert(ContactChange.of("c-upgraded", null, null, null, null, null, Map.of("plan", "pro")));
		moveClock(Duration.ofDays(3));
		execute(job(journey));
		send(journey);
		moveClock(Duration.ofDays(5));
		execute(job(journey));
		send(journey);

		assertJourney(journey).isEnded().hasPassed("CheckedIn");
	}

	@Test
	void theTwoDaysCountFromTheMomentTheWelcomeMailWentOut() {
		ProcessInstance journey = signUp("c-quiet", Map.of("plan", "free"));
		execute(job(journey));
		// Held back for three hours (quiet hours, a frequency cap): the journey waits
		// with it.
		moveClock(Duration.ofHours(3));
		assertJourney(journey).isWaitingAt("SendWelcomeEmail");
		smtp.sendAll(journey.getId());

		assertJourney(journey).isWaitingAt("WaitTwoDays");
		assertTimerDue(journey, "2026-03-04T11:00:00Z");
	}

	@Test
	void aFirstOrderEndsTheSeriesMidWaitEvenWithAnOrderIdAsCorrelationKey() {
		ProcessInstance journey = signUp("c-buyer", Map.of("plan", "free"));
		send(journey);
		moveClock(Duration.ofDays(2));
		execute(job(journey));
		send(journey);
		assertJourney(journey).isWaitingAt("WaitThreeDays");

		JourneyDispatch dispatch = journeys.dispatch(orderPlaced("c-buyer", "order-1001"), true);

		assertThat(dispatch.continued()).isOne();
		assertJourney(journey).isEnded()
			.hasPassed("OrderPlaced", "FirstPurchaseGoal", "EndedByPurchase")
			.hasNotPassed("SendStoriesEmail");
		assertThat(runtime.createExecutionQuery().processInstanceId(journey.getId()).count()).isZero();
		assertThat(sentTemplates(journey)).containsExactly("welcome", "tips");
		Map<String, Object> goal = jdbc.queryForMap("SELECT * FROM journey_goals WHERE journey_instance_id = ?",
				journey.getId());
		assertThat(goal).containsEntry("CONTACT_ID", "c-buyer")
			.containsEntry("JOURNEY_KEY", "welcome")
			.containsEntry("GOAL", "first-purchase")
			.containsEntry("EVENT_NAME", "OrderPlaced")
			.containsEntry("AT_STEP_ID", "WaitThreeDays")
			.containsEntry("MAIL_STEP_ID", "SendTipsEmail")
			.containsEntry("EXITED", true);
		assertThat((BigDecimal) goal.get("GOAL_VALUE")).isEqualByComparingTo("42");
	}

	@Test
	void aFirstOrderWhileAMailIsQueuedWithdrawsTheMail() {
		ProcessInstance journey = signUp("c-quick", Map.of("plan", "free"));
		execute(job(journey));
		assertJourney(journey).isWaitingAt("SendWelcomeEmail");

		journeys.dispatch(orderPlaced("c-quick", null), true);

		assertJourney(journey).isEnded().hasPassed("EndedByPurchase");
		assertThat(jdbc.queryForList("SELECT status FROM deliveries WHERE journey_instance_id = ?", String.class,
				journey.getId()))
			.containsExactly("CANCELLED");
		assertThat(jdbc.queryForMap("SELECT at_step_id, mail_step_id FROM journey_goals WHERE journey_instance_id = ?",
				journey.getId()))
			.as("the goal came while the welcome mail waited to go out")
			.containsEntry("AT_STEP_ID", "SendWelcomeEmail")
			.containsEntry("MAIL_STEP_ID", "SendWelcomeEmail");
	}

	@Test
	void anotherContactsOrderDoesNotEndTheSeries() {
		ProcessInstance journey = signUp("c-browser", Map.of("plan", "free"));
		send(journey);
		signUp("c-other-buyer", Map.of());

		assertThat(journeys.dispatch(orderPlaced("c-other-buyer", "order-7"), true).continued()).isOne();

		assertJourney(journey).isWaitingAt("WaitTwoDays");
		assertThat(
				jdbc.queryForList("SELECT contact_id FROM journey_goals WHERE journey_key = 'welcome'", String.class))
			.doesNotContain("c-browser");
	}

	private ProcessInstance signUp(String contactId, Map<String, Object> attributes) {
		contacts.upsert(ContactChange.of(contactId, contactId + "@example.com", "Ann", "Smith", "en",
				"Europe/Amsterdam", attributes));
		return runtime.createMessageCorrelation("SignupReceived")
			.processInstanceBusinessKey(contactId)
			.correlateStartMessage();
	}

	/** From the start to the day-ten mail's step, whichever it is. */
	private void runToDayTen(ProcessInstance journey) {
		send(journey);
		moveClock(Duration.ofDays(2));
		execute(job(journey));
		send(journey);
		moveClock(Duration.ofDays(3));
		execute(job(journey));
		send(journey);
		moveClock(Duration.ofDays(5));
		execute(job(journey));
	}

	private static JourneyMessage orderPlaced(String contactId, String orderId) {
		return new JourneyMessage("OrderPlaced", contactId, orderId, Map.of("total", 42));
	}

	private static ProcessInstanceAssert assertJourney(ProcessInstance journey) {
		return BpmnAwareTests.assertThat(journey);
	}

	private static void assertTimerDue(ProcessInstance journey, String instant) {
		assertThat(job(journey).getDuedate()).isCloseTo(Date.from(Instant.parse(instant)), 1000);
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
