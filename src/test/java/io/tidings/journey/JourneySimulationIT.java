package io.tidings.journey;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidings.support.PostgresApiTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/journeys/{key}/simulate} on the sample journeys: the timeline a
 * contact would get, with mails held back by quiet hours, events ending a journey
 * mid-wait and branches taken, while nothing real is sent, stored or started.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "tidings.dev-mailbox.enabled=false", "tidings.delivery.workers=0",
				"tidings.delivery.quiet-hours.start=21:00", "tidings.delivery.quiet-hours.end=08:00" })
class JourneySimulationIT extends PostgresApiTest {

	private static final String CART = """
			{"name": "CartAbandoned", "after": "PT0S", "correlationKey": "cart-7",
			 "data": {"items": [{"name": "Lamp", "quantity": 1, "price": 49.5}], "total": 49.5, "currency": "EUR"}}""";

	@Autowired
	RuntimeService runtime;

	@Autowired
	RepositoryService repository;

	@Test
	void anAbandonedCartGetsThreeRemindersOutsideQuietHoursAndNothingRealHappens() throws Exception {
		int deliveries = count("deliveries");
		int contacts = count("contacts");

		JsonNode timeline = simulate("abandoned-cart", """
				{"sampleContact": {"firstName": "Ann", "locale": "fr", "timeZone": "Europe/Paris"},
				 "events": [%s], "days": 5}""".formatted(CART));

		List<JsonNode> mails = entries(timeline, "MAIL");
		assertThat(mails).hasSize(3);
		assertThat(mails).extracting(mail -> mail.at("/mail/template").asText())
			.containsExactly("cart-reminder", "cart-reminder-second", "cart-last-chance");
		assertThat(mails.get(0).at("/mail/locale").asText()).isEqualTo("fr");
		assertThat(mails.get(0).at("/mail/subject").asText()).contains("Ann");
		Instant from = Instant.parse(timeline.get("from").asText());
		for (JsonNode mail : mails) {
			Instant at = Instant.parse(mail.get("at").asText());
			LocalTime local = at.atZone(ZoneId.of("Europe/Paris")).toLocalTime();
			assertThat(local).as("a marketing mail in quiet hours: %s", mail)
				.isBetween(LocalTime.of(8, 0), LocalTime.of(21, 0));
			boolean heldBack = mail.at("/mail/heldBackBecause").asText().equals("quiet hours");
			assertThat(heldBack || Duration.between(from, at).toMinutes() % 60 == 0).as(mail.toString()).isTrue();
		}
		assertThat(Duration.parse(mails.get(0).get("after").asText())).isGreaterThanOrEqualTo(Duration.ofHours(1));
		assertThat(entries(timeline, "WAIT")).isNotEmpty();
		assertThat(timeline.get("mails").asInt()).isEqualTo(3);
		assertThat(count("deliveries")).isEqualTo(deliveries);
		assertThat(count("contacts")).isEqualTo(contacts);
		assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("abandoned-cart").count()).isZero();
	}

	@Test
	void anOrderForTheCartEndsTheRemindersMidWait() throws Exception {
		JsonNode timeline = simulate("abandoned-cart", """
				{"events": [%s, {"name": "OrderPlaced", "after": "PT30H", "correlationKey": "order-1",
				                 "data": {"cartId": "cart-7"}}], "days": 5}""".formatted(CART));

		assertThat(entries(timeline, "MAIL")).extracting(mail -> mail.at("/mail/template").asText())
			.containsExactly("cart-reminder", "cart-reminder-second");
		assertThat(timeline.get("ended").asBoolean()).isTrue();
		assertThat(entries(timeline, "EVENT")).extracting(event -> event.get("name").asText())
			.contains("CartAbandoned", "OrderPlaced");
	}

	@Test
	void theWelcomeSeriesBranchesOnThePlanAndIgnoresEventsItDoesNotWaitFor() throws Exception {
		JsonNode timeline = simulate("welcome", """
				{"sampleContact": {"firstName": "Bo", "attributes": {"plan": "free"}},
				 "events": [{"name": "SignupReceived"}, {"name": "PasswordChanged", "after": "P1D"}], "days": 14}""");

		assertThat(entries(timeline, "MAIL")).extracting(mail -> mail.at("/mail/template").asText())
			.hasSize(4)
			.contains("welcome", "tips", "upgrade-offer");
		assertThat(entries(timeline, "BRANCH"))
			.anySatisfy(branch -> assertThat(branch.get("detail").asText()).contains("free"));
		assertThat(entries(timeline, "IGNORED")).extracting(event -> event.get("name").asText())
			.containsExactly("PasswordChanged");
		assertThat(timeline.get("ended").asBoolean()).isTrue();
		assertThat(Duration.parse(entries(timeline, "MAIL").get(3).get("after").asText()))
			.isGreaterThanOrEqualTo(Duration.ofDays(10));
	}

	@Test
	void splitsLocalTimesAndBestSendTimesAreSimulatedFromTheSimulatedMoment() throws Exception {
		repository.createDeployment()
			.addModelInstance("sim-probe.bpmn",
					Bpmn.createExecutableProcess("simProbe")
						.camundaHistoryTimeToLive(1)
						.startEvent("Started")
						.message("SimProbeStarted")
						.serviceTask("Split")
						.camundaExpression("${split.assign(execution, 'path', 'early:1,late:1')}")
						.exclusiveGateway("Path")
						.condition("early", "${path == 'early'}")
						.serviceTask("PickNine")
						.camundaExpression("${localTime.next(execution, '09:00')}")
						.camundaResultVariable("nine")
						.moveToNode("Path")
						.condition("late", "${path == 'late'}")
						.connectTo("PickNine")
						.intermediateCatchEvent("WaitForNine")
						.timerWithDate("${nine}")
						.serviceTask("PickBest")
						.camundaExpression("${sendTime.best(execution, 'PT24H')}")
						.camundaResultVariable("best")
						.intermediateCatchEvent("WaitForBest")
						.timerWithDate("${best}")
						.endEvent("Done")
						.done())
			.deploy();

		JsonNode timeline = simulate("simProbe", """
				{"sampleContact": {"timeZone": "Asia/Tokyo"}, "events": [{"name": "SimProbeStarted"}], "days": 3}""");

		assertThat(entries(timeline, "FAILED")).isEmpty();
		assertThat(entries(timeline, "BRANCH")).hasSize(1);
		JsonNode nine = entries(timeline, "WAIT").get(0);
		assertThat(nine.get("stepId").asText()).isEqualTo("WaitForNine");
		Instant until = Instant.parse(nine.get("detail").asText().split(" ")[1]);
		assertThat(until.atZone(ZoneId.of("Asia/Tokyo")).toLocalTime()).isEqualTo(LocalTime.of(9, 0));
		assertThat(until).isBetween(Instant.parse(timeline.get("from").asText()),
				Instant.parse(timeline.get("from").asText()).plus(Duration.ofDays(1)));
		assertThat(entries(timeline, "END")).extracting(end -> end.get("stepId").asText()).containsExactly("Done");
		assertThat(timeline.get("ended").asBoolean()).isTrue();
		assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("simProbe").count()).isZero();
	}

	@Test
	void badScriptsGetAProblem() throws Exception {
		String path = "/api/journeys/abandoned-cart/simulate";
		assertProblem(api.postJson("/api/journeys/nothing-here/simulate", "{\"events\": [" + CART + "]}"), 404,
				"nothing-here");
		assertProblem(api.postJson(path, "{\"events\": []}"), 400, "events");
		assertProblem(api.postJson(path, "{\"events\": [" + CART + "], \"days\": 0}"), 400, "days");
		assertProblem(api.postJson(path, "{\"events\": [" + CART + "], \"days\": 400}"), 400, "days");
		assertProblem(api.postJson(path, "{\"events\": [{\"name\": \"CartAbandoned\", \"after\": \"-PT1H\"}]}"), 400,
				"events[0].after");
		assertProblem(api.postJson(path, "{\"events\": [{\"after\": \"PT1H\"}]}"), 400, "events[0].name");
		assertProblem(api.postJson(path, "{\"events\": [{\"name\": \"CartAbandoned\", \"after\": \"one hour\"}]}"), 400,
				null);
		assertProblem(api.postJson(path, "{\"contact\": \"c\", \"sampleContact\": {}, \"events\": [" + CART + "]}"),
				400, "sampleContact");
		assertProblem(api.postJson(path, "{\"contact\": \"nobody-known\", \"events\": [" + CART + "]}"), 404,
				"nobody-known");
	}

	private JsonNode simulate(String journey, String body) throws Exception {
		HttpResponse<String> response = api.postJson("/api/journeys/" + journey + "/simulate", body);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body());
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

	private int count(String table) {
		return jdbc.queryForObject("SELECT count(*) FROM " + table, Integer.class);
	}

	private void assertProblem(HttpResponse<String> response, int status, String mentioned) throws Exception {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		if (mentioned != null) {
			assertThat(json.readTree(response.body()).get("detail").asText()).contains(mentioned);
		}
	}

}
