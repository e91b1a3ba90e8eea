package io.tidings.journey;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidings.support.Eventually;
import io.tidings.support.PostgresApiTest;
import io.tidings.support.SmtpRelay;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Journey goals over real HTTP and SMTP on PostgreSQL: the welcome series' first order
 * (an interrupting goal) ends it and is recorded; the goal probe's big order (a
 * non-interrupting goal with a condition) is recorded while the journey goes on; both
 * show in {@code GET /api/journeys/{key}/stats}, in the GDPR export and not after an
 * erasure, and in a simulation's timeline.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"tidings.dev-mailbox.enabled=false", "tidings.delivery.poll-interval=200ms", "tidings.triggers.enabled=false" })
class GoalsIT extends PostgresApiTest {

	@RegisterExtension
	static SmtpRelay smtp = SmtpRelay.onFreePort();

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		smtp.register(registry);
	}

	@Autowired
	RuntimeService runtime;

	@Autowired
	HistoryService history;

	@Test
	void aFirstOrderEndsTheWelcomeSeriesAndCountsAsItsGoalPerJourneyAndStep() throws Exception {
		String buyer = signUp("goal-ann");
		String browser = signUp("goal-bob");
		waitsAt(buyer, "WaitTwoDays");
		waitsAt(browser, "WaitTwoDays");

		JsonNode ordered = post("""
				{"name": "OrderPlaced", "contact": {"id": "goal-ann"}, "correlationKey": "order-1",
				 "data": {"total": 59.90, "currency": "EUR"}}""");

		assertThat(ordered.get("continuedJourneys").asInt()).isEqualTo(1);
		assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(buyer).singleResult().getEndTime())
			.isNotNull();
		assertThat(history.createHistoricActivityInstanceQuery()
			.processInstanceId(buyer)
			.activityId("EndedByPurchase")
			.count()).isOne();
		assertThat(runtime.getActiveActivityIds(browser)).containsExactly("WaitTwoDays");
		Map<String, Object> goal = jdbc.queryForMap("SELECT * FROM journey_goals WHERE journey_instance_id = ?", buyer);
		assertThat(goal).containsEntry("contact_id", "goal-ann")
			.containsEntry("goal", "first-purchase")
			.containsEntry("event_name", "OrderPlaced")
			.containsEntry("at_step_id", "WaitTwoDays")
			.containsEntry("mail_step_id", "SendWelcomeEmail")
			.containsEntry("exited", true)
			.containsEntry("currency", "EUR");
		assertThat((BigDecimal) goal.get("goal_value")).isEqualByComparingTo("59.90");

		JsonNode stats = stats("welcome", "");
		JsonNode goals = stats.get("goals");
		assertThat(goals.get("entered").asLong()).isEqualTo(2);
		assertThat(goals.get("reached").asLong()).isEqualTo(1);
		assertThat(goals.get("exited").asLong()).isEqualTo(1);
		assertThat(goals.get("rate").asDouble()).isCloseTo(0.5, within(1e-9));
		assertThat(goals.get("value").decimalValue()).isEqualByComparingTo("59.90");
		assertThat(goals.at("/goals/0/goal").asText()).isEqualTo("first-purchase");
		assertThat(goals.at("/goals/0/reached").asLong()).isEqualTo(1);
		JsonNode welcomeStep = step(goals, "SendWelcomeEmail");
		assertThat(welcomeStep.get("name").asText()).isEqualTo("Send welcome email");
		assertThat(welcomeStep.get("reached").asLong()).isEqualTo(1);
		assertThat(welcomeStep.get("rate").asDouble()).as("per delivered welcome mail").isCloseTo(0.5, within(1e-9));
		assertThat(step(stats, "SendWelcomeEmail").at("/counts/delivered").asLong())
			.as("the mail figures are still there")
			.isEqualTo(2);
		String tomorrow = Instant.now().plus(Duration.ofDays(1)).toString().substring(0, 10);
		assertThat(stats("welcome", "?from=" + tomorrow).at("/goals/reached").asLong()).isZero();
		assertThat(stats("welcome", "?version=99").at("/goals/entered").asLong()).isZero();
	}

	@Test
	void aNonInterruptingGoalIsRecordedOnlyWhenItsConditionHoldsAndTheJourneyGoesOn() throws Exception {
		assertThat(post("""
				{"name": "GoalProbeStarted", "contact": {"id": "goal-cem", "email": "goal-cem@example.com"}}""")
			.get("startedJourneys")
			.asInt()).isEqualTo(1);
		String journey = journeyOf("goalProbe", "goal-cem");
		waitsAt(journey, "WaitADay");

		for (String total : new String[] { "20", "\"lots\"", "null" }) {
			assertThat(post("""
					{"name": "GoalProbeOrdered", "contact": {"id": "goal-cem"}, "data": {"total": %s}}"""
				.formatted(total)).get("continuedJourneys").asInt()).as("total %s", total).isEqualTo(1);
		}
		assertThat(goalsOf(journey)).as("no order of 50 or more yet").isEmpty();

		post("""
				{"name": "GoalProbeOrdered", "contact": {"id": "goal-cem"}, "data": {"total": "80", "currency": "usd"}}""");

		assertThat(runtime.getActiveActivityIds(journey)).as("the journey goes on").containsExactly("WaitADay");
		List<Map<String, Object>> goals = goalsOf(journey);
		assertThat(goals).hasSize(1);
		assertThat(goals.get(0)).containsEntry("goal", "big-order")
			.containsEntry("exited", false)
			.containsEntry("at_step_id", "WaitADay")
			.containsEntry("currency", "USD");
		JsonNode stats = stats("goalProbe", "").get("goals");
		assertThat(stats.get("reached").asLong()).isEqualTo(1);
		assertThat(stats.get("exited").asLong()).isZero();
		assertThat(step(stats, "SendFirst").get("reached").asLong()).isEqualTo(1);

		JsonNode export = json.readTree(api.get("/api/contacts/goal-cem/export").body());
		assertThat(export.at("/sections/goals/0/goal").asText()).isEqualTo("big-order");
		assertThat(export.at("/sections/goals/0/value").decimalValue()).isEqualByComparingTo("80");
		assertThat(api.send(api.request("/api/contacts/goal-cem").DELETE()).statusCode()).isEqualTo(204);
		assertThat(
				jdbc.queryForObject("SELECT COUNT(*) FROM journey_goals WHERE contact_id = 'goal-cem'", Integer.class))
			.isZero();
	}

	@Test
	void aSimulationShowsTheGoalAndTheExit() throws Exception {
		int recorded = jdbc.queryForObject("SELECT COUNT(*) FROM journey_goals", Integer.class);
		JsonNode welcome = simulate("welcome", """
				{"sampleContact": {"firstName": "Ann"},
				 "events": [{"name": "SignupReceived", "after": "PT0S"},
				            {"name": "OrderPlaced", "after": "P3D", "data": {"total": 42}}], "days": 30}""");
		JsonNode goal = only(welcome, "GOAL");
		assertThat(goal.get("stepId").asText()).isEqualTo("FirstPurchaseGoal");
		assertThat(goal.get("detail").asText())
			.isEqualTo("goal 'first-purchase' reached on OrderPlaced (value 42): the contact exits the journey");
		assertThat(only(welcome, "END").get("stepId").asText()).isEqualTo("EndedByPurchase");
		assertThat(welcome.get("ended").asBoolean()).isTrue();
		assertThat(welcome.get("mails").asInt()).as("welcome and tips, nothing after the order").isEqualTo(2);

		JsonNode probe = simulate("goalProbe", """
				{"sampleContact": {"firstName": "Ann"},
				 "events": [{"name": "GoalProbeStarted", "after": "PT0S"},
				            {"name": "GoalProbeOrdered", "after": "PT1H", "data": {"total": 20}},
				            {"name": "GoalProbeOrdered", "after": "PT2H", "data": {"total": 80}}], "days": 3}""");
		List<JsonNode> goals = entries(probe, "GOAL");
		assertThat(goals).extracting(entry -> entry.get("detail").asText())
			.containsExactly(
					"'GoalProbeOrdered' does not meet the condition of goal 'big-order' (total >= 50): not counted",
					"goal 'big-order' reached on GoalProbeOrdered (value 80): recorded, the journey goes on");
		assertThat(probe.get("mails").asInt()).as("the second mail still goes").isEqualTo(2);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journey_goals", Integer.class))
			.as("a simulation records nothing")
			.isEqualTo(recorded);
	}

	private String signUp(String contactId) throws Exception {
		post("""
				{"name": "SignupReceived", "contact": {"id": "%s", "email": "%s@example.com", "firstName": "Ann",
				 "attributes": {"plan": "free"}}}""".formatted(contactId, contactId));
		String journey = journeyOf("welcome", contactId);
		Eventually.within(Duration.ofSeconds(15),
				() -> Arrays.stream(smtp.getReceivedMessages())
					.filter(message -> recipients(message).contains(contactId + "@example.com"))
					.count(),
				count -> count >= 1);
		return journey;
	}

	private void waitsAt(String journey, String step) {
		Eventually.within(Duration.ofSeconds(15), () -> runtime.getActiveActivityIds(journey),
				active -> active.contains(step));
	}

	private String journeyOf(String key, String contactId) {
		return runtime.createProcessInstanceQuery()
			.processDefinitionKey(key)
			.processInstanceBusinessKey(contactId)
			.singleResult()
			.getId();
	}

	private List<Map<String, Object>> goalsOf(String journey) {
		return jdbc.queryForList("SELECT * FROM journey_goals WHERE journey_instance_id = ?", journey);
	}

	private JsonNode post(String body) throws Exception {
		HttpResponse<String> response = api.postJson("/api/events", body);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		return json.readTree(response.body());
	}

	private JsonNode stats(String journey, String query) throws Exception {
		HttpResponse<String> response = api.get("/api/journeys/" + journey + "/stats" + query);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	private JsonNode simulate(String journey, String body) throws Exception {
		HttpResponse<String> response = api.postJson("/api/journeys/" + journey + "/simulate", body);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	private static JsonNode step(JsonNode report, String stepId) {
		for (JsonNode step : report.get("steps")) {
			if (step.get("stepId").asText().equals(stepId)) {
				return step;
			}
		}
		throw new AssertionError("no step " + stepId + " in " + report);
	}

	private static List<JsonNode> entries(JsonNode timeline, String kind) {
		List<JsonNode> found = new ArrayList<>();
		timeline.get("entries").forEach(entry -> {
			if (entry.get("kind").asText().equals(kind)) {
				found.add(entry);
			}
		});
		return found;
	}

	private static JsonNode only(JsonNode timeline, String kind) {
		List<JsonNode> found = entries(timeline, kind);
		assertThat(found).as("%s entries in %s", kind, timeline).hasSize(1);
		return found.get(0);
	}

	private static String recipients(MimeMessage message) {
		try {
			return Arrays.toString(message.getAllRecipients());
		}
		catch (Exception ex) {
			throw new AssertionError(ex);
		}
	}

}
