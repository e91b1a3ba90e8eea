package io.tidings.journey;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.tidings.contact.ContactChange;
import io.tidings.support.FlowNodeCoverage;
import io.tidings.support.JourneyDriver;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.ProcessBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The "Goal reached" step: in goal-probe.bpmn a non-interrupting goal with a condition,
 * recorded once per journey instance with where the contact was, the send step of its
 * last mail and the event's value, while the journey goes on; and steps that are drawn
 * wrong stop with a message naming them and record nothing.
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:goal-step-process;DB_CLOSE_DELAY=-1")
class GoalStepProcessTest extends JourneyProcessTest {

	@Autowired
	RepositoryService repository;

	@AfterAll
	static void everyFlowNodeAndSequenceFlowWasCovered(@Autowired HistoryService history,
			@Autowired RepositoryService repository) {
		FlowNodeCoverage.assertEveryFlowNodeAndSequenceFlowCovered("goalProbe", history, repository);
	}

	@Test
	void aBigOrderIsRecordedOnceAndTheJourneyGoesOn() {
		ProcessInstance journey = start("goal-big");
		driver.send(journey.getId(), "SendFirst");

		JourneyDispatch dispatch = journeys.dispatch(ordered("goal-big", 80, "eur"), true);

		assertThat(dispatch.continued()).isOne();
		Map<String, Object> goal = onlyGoalOf(journey);
		assertThat(goal).containsEntry("CONTACT_ID", "goal-big")
			.containsEntry("JOURNEY_KEY", "goalProbe")
			.containsEntry("GOAL", "big-order")
			.containsEntry("EVENT_NAME", "GoalProbeOrdered")
			.containsEntry("AT_STEP_ID", "WaitADay")
			.containsEntry("MAIL_STEP_ID", "SendFirst")
			.containsEntry("EXITED", false)
			.containsEntry("CURRENCY", "EUR");
		assertThat((BigDecimal) goal.get("GOAL_VALUE")).isEqualByComparingTo("80");
		assertThat(goal.get("JOURNEY_VERSION")).isEqualTo(latestVersion("goalProbe"));
		assertThat(runtime.getActiveActivityIds(journey.getId())).containsExactly("WaitADay");
		assertThat(runtime.getVariable(journey.getId(), "goalMet")).isEqualTo(true);

		journeys.dispatch(ordered("goal-big", 120, "eur"), true);
		assertThat(goalsOf(journey)).as("a goal counts once per journey").hasSize(1);

		JourneyDriver.moveClock(Duration.ofDays(1));
		driver.run(journey.getId(), "WaitADay");
		driver.send(journey.getId(), "SendSecond");
		assertThat(runtime.createProcessInstanceQuery().processInstanceId(journey.getId()).count()).isZero();
		assertThat(driver.mails(journey.getId())).hasSize(2);
	}

	@Test
	void anOrderBelowTheConditionOrWithoutATotalIsNoGoal() {
		ProcessInstance journey = start("goal-small");

		journeys.dispatch(ordered("goal-small", 20, "EUR"), true);
		journeys.dispatch(ordered("goal-small", "lots", "EUR"), true);
		journeys.dispatch(new JourneyMessage("GoalProbeOrdered", "goal-small", null, Map.of("note", "no total")), true);

		assertThat(goalsOf(journey)).isEmpty();
		assertThat(runtime.getVariable(journey.getId(), "goalMet")).isEqualTo(false);
		assertThat(runtime.getActiveActivityIds(journey.getId())).containsExactly("SendFirst");
	}

	@Test
	void aGoalBeforeAnyMailHasNoMailStepAndAValueThatIsNoNumberIsLeftOut() {
		ProcessInstance journey = start("goal-early");

		journeys.dispatch(
				new JourneyMessage("GoalProbeOrdered", "goal-early", null, Map.of("total", 75, "currency", "euro")),
				true);

		Map<String, Object> goal = onlyGoalOf(journey);
		assertThat(goal.get("AT_STEP_ID")).isEqualTo("SendFirst");
		assertThat(goal.get("MAIL_STEP_ID")).isNull();
		assertThat(goal.get("CURRENCY")).as("not a three-letter code").isNull();
	}

	@Test
	void aConditionWithDollarBracesIsEvaluatedByTheEngine() {
		ProcessInstance journey = deployAndStart("goalExpression", "total-over-ten", "${total > 10}", "total");
		runtime.createMessageCorrelation("GoalTestEvent")
			.processInstanceId(journey.getId())
			.setVariable("total", 12.5)
			.correlate();

		assertThat((BigDecimal) onlyGoalOf(journey).get("GOAL_VALUE")).isEqualByComparingTo("12.5");
		assertThat(onlyGoalOf(journey).get("EXITED")).isEqualTo(true);
		assertThat(runtime.createProcessInstanceQuery().processInstanceId(journey.getId()).count()).isZero();
	}

	@Test
	void stepsDrawnWrongStopNamingTheStepAndRecordNothing() {
		assertFailsNaming(deployAndStart("goalBadName", "Big Order", null, null), "goal 'Big Order' must be");
		assertFailsNaming(deployAndStart("goalBadSyntax", "ok", "total >=", null), "cannot be read");
		assertFailsNaming(deployAndStart("goalNotBoolean", "ok", "total + 1", null), "must be true or false");
		assertFailsNaming(deployAndStart("goalNoName", null, null, null), "needs the input parameter 'goal'");

		BpmnModelInstance outside = Bpmn.createExecutableProcess("goalOutside")
			.camundaHistoryTimeToLive(1)
			.startEvent()
			.serviceTask("Goal")
			.camundaDelegateExpression("${goalReached}")
			.camundaInputParameter("goal", "ok")
			.endEvent()
			.done();
		repository.createDeployment().addModelInstance("goalOutside.bpmn", outside).deploy();
		Throwable thrown = catchThrowable(() -> runtime.startProcessInstanceByKey("goalOutside", "goal-outside"));
		assertThat(thrown).hasStackTraceContaining("Step 'Goal' must sit in an event sub-process");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journey_goals WHERE contact_id = 'goal-outside'",
				Integer.class))
			.isZero();
	}

	private void assertFailsNaming(ProcessInstance journey, String problem) {
		Throwable thrown = catchThrowable(() -> runtime.createMessageCorrelation("GoalTestEvent")
			.processInstanceId(journey.getId())
			.setVariable("total", 30)
			.correlate());
		assertThat(thrown).hasStackTraceContaining("Step 'Goal'").hasStackTraceContaining(problem);
		assertThat(goalsOf(journey)).isEmpty();
		assertThat(runtime.getActiveActivityIds(journey.getId())).as("nothing changed").containsExactly("Wait");
	}

	/**
	 * A journey that waits in a user task, with an interrupting goal on GoalTestEvent.
	 */
	private ProcessInstance deployAndStart(String key, String goal, String condition, String valueField) {
		ProcessBuilder process = Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1);
		process.startEvent().userTask("Wait").endEvent();
		var task = process.eventSubProcess()
			.startEvent()
			.message("GoalTestEvent")
			.serviceTask("Goal")
			.camundaDelegateExpression("${goalReached}");
		if (goal != null) {
			task.camundaInputParameter("goal", goal);
		}
		if (condition != null) {
			task.camundaInputParameter("condition", condition);
		}
		if (valueField != null) {
			task.camundaInputParameter("valueField", valueField);
		}
		task.endEvent();
		repository.createDeployment().addModelInstance(key + ".bpmn", process.done()).deploy();
		return runtime.startProcessInstanceByKey(key, "goal-" + key);
	}

	private ProcessInstance start(String contactId) {
		contacts.upsert(ContactChange.of(contactId, contactId + "@example.com", "Ann", "Smith", "en",
				"Europe/Amsterdam", Map.of()));
		return runtime.createMessageCorrelation("GoalProbeStarted")
			.processInstanceBusinessKey(contactId)
			.correlateStartMessage();
	}

	private static JourneyMessage ordered(String contactId, Object total, String currency) {
		return new JourneyMessage("GoalProbeOrdered", contactId, null, Map.of("total", total, "currency", currency));
	}

	private Map<String, Object> onlyGoalOf(ProcessInstance journey) {
		List<Map<String, Object>> goals = goalsOf(journey);
		assertThat(goals).hasSize(1);
		return goals.get(0);
	}

	private List<Map<String, Object>> goalsOf(ProcessInstance journey) {
		return jdbc.queryForList("SELECT * FROM journey_goals WHERE journey_instance_id = ?", journey.getId());
	}

	private int latestVersion(String key) {
		return repository.createProcessDefinitionQuery()
			.processDefinitionKey(key)
			.latestVersion()
			.singleResult()
			.getVersion();
	}

}
