package io.tidings.journey;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidings.support.ApiClient;
import io.tidings.support.Eventually;
import io.tidings.support.PostgresApiTest;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Moving running journeys to a new version over HTTP on PostgreSQL: the dry run counts
 * who can move and names who cannot and why, the confirmed migration moves the others in
 * an engine batch, and bad requests get a problem and move nobody.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "tidings.dev-mailbox.enabled=false", "tidings.delivery.workers=0" })
class JourneyMigrationIT extends PostgresApiTest {

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	@Test
	void theDryRunNamesWhoCannotMoveAndTheConfirmedRunMovesTheOthers() throws Exception {
		String key = "migrationProbe";
		deploy(version(key, "ObsoleteWait", false));
		for (int i = 0; i < 3; i++) {
			start(key, "mig-a-" + i, "a");
		}
		start(key, "mig-b-0", "b");
		start(key, "mig-b-1", "b");
		deploy(version(key, "NewWait", true));

		HttpResponse<String> dryRun = api.postJson("/api/journeys/" + key + "/migrations", "{}");

		assertThat(dryRun.statusCode()).as(dryRun.body()).isEqualTo(200);
		JsonNode plan = json.readTree(dryRun.body());
		assertThat(plan.get("toVersion").asInt()).isEqualTo(2);
		assertThat(plan.get("instances").asLong()).isEqualTo(5);
		assertThat(plan.get("migratable").asLong()).isEqualTo(3);
		assertThat(plan.get("blocked").asLong()).isEqualTo(2);
		JsonNode source = plan.at("/sources/0");
		assertThat(source.get("version").asInt()).isEqualTo(1);
		assertThat(source.at("/blockedSteps/0/stepId").asText()).isEqualTo("ObsoleteWait");
		assertThat(source.at("/blockedSteps/0/name").asText()).isEqualTo("Wait (ObsoleteWait)");
		assertThat(source.at("/blockedSteps/0/instances").asLong()).isEqualTo(2);
		assertThat(source.at("/blockedSteps/0/reason").asText()).contains("version 2 has no step with the id");
		assertThat(source.get("blockedInstances")).extracting(node -> node.get("contactId").asText())
			.containsExactlyInAnyOrder("mig-b-0", "mig-b-1");
		assertThat(source.get("mappedSteps").toString()).contains("StayingWait");
		assertThat(source.has("batchId")).as("no batch before the confirmation").isFalse();
		assertThat(onVersion(key, 1)).as("a dry run moves nobody").isEqualTo(5);

		HttpResponse<String> confirmed = api.postJson("/api/journeys/" + key + "/migrations", "{\"confirm\": true}");

		assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(202);
		String batchId = json.readTree(confirmed.body()).at("/sources/0/batchId").asText();
		assertThat(confirmed.headers().firstValue("Location"))
			.hasValue("/api/journeys/" + key + "/migrations/" + batchId);
		JsonNode done = Eventually.within(Duration.ofSeconds(30),
				() -> read(api.get("/api/journeys/" + key + "/migrations/" + batchId).body()),
				progress -> progress.get("status").asText().equals("COMPLETED"));
		assertThat(done.get("instances").asLong()).isEqualTo(3);
		assertThat(done.get("blocked").asLong()).isEqualTo(2);
		assertThat(done.get("startedBy").asText()).isEqualTo("demo");
		assertThat(onVersion(key, 2)).isEqualTo(3);
		assertThat(onVersion(key, 1)).isEqualTo(2);
		assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("mig-a-0").singleResult())
			.extracting(instance -> runtime.getActiveActivityIds(instance.getId()))
			.isEqualTo(java.util.List.of("StayingWait"));
		String movedId = runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey("mig-a-0")
			.singleResult()
			.getId();
		Instant due = management.createJobQuery().processInstanceId(movedId).singleResult().getDuedate().toInstant();
		assertThat(due).as("the contact keeps its wait of 10 days, not the new 11 from now")
			.isBefore(Instant.now().plus(Duration.ofDays(10)).plusSeconds(60));
		JsonNode recent = json.readTree(api.get("/api/journeys/" + key + "/migrations").body());
		assertThat(recent).hasSize(1);
		assertThat(recent.at("/0/fromVersion").asInt()).isEqualTo(1);

		HttpResponse<String> again = api.postJson("/api/journeys/" + key + "/migrations", "{\"confirm\": true}");
		assertProblem(again, 409, "None of the 2 instances");
		assertThat(json.readTree(again.body()).at("/plan/blocked").asLong()).isEqualTo(2);
	}

	@Test
	void badRequestsGetAProblemAndMoveNobody() throws Exception {
		String key = "migrationBadProbe";
		deploy(version(key, "ObsoleteWait", false));
		start(key, "mig-bad", "a");
		deploy(version(key, "NewWait", true));
		String path = "/api/journeys/" + key + "/migrations";

		assertProblem(api.postJson("/api/journeys/noSuchJourney/migrations", "{}"), 404, "noSuchJourney");
		assertProblem(api.postJson(path, "{\"toVersion\": 9}"), 404, "has no version 9; its versions are 1 to 2");
		assertProblem(api.postJson(path, "{\"fromVersion\": 2, \"toVersion\": 2}"), 400, "fromVersion");
		assertProblem(api.postJson(path, "{\"fromVersion\": 2, \"toVersion\": 1, \"confirm\": true}"), 400,
				"fromVersion");
		assertProblem(api.postJson(path, "{\"confirm\": \"yes please\"}"), 400, "confirm");
		assertProblem(api.postJson(path, "{\"confirm\": true, \"force\": true}"), 400, "force");
		assertProblem(api.postJson(path, "[1]"), 400, null);
		assertProblem(api.get(path + "/no-such-batch"), 404, "no-such-batch");
		assertThat(ApiClient.anonymous(port).postJson(path, "{\"confirm\": true}").statusCode()).isEqualTo(401);
		assertThat(onVersion(key, 1)).isEqualTo(1);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM journey_migrations WHERE journey_key = ?", Integer.class,
				key))
			.isZero();
	}

	@Test
	void theCatalogListsEveryJourneyWithItsVersionsAndCounts() throws Exception {
		String key = "catalogProbe";
		deploy(version(key, "ObsoleteWait", false));
		deploy(version(key, "NewWait", true));
		start(key, "cat-a", "a");

		HttpResponse<String> response = api.get("/api/journeys");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode journeys = json.readTree(response.body());
		JsonNode probe = find(journeys, key);
		assertThat(probe.get("version").asInt()).isEqualTo(2);
		assertThat(probe.get("versions").asInt()).isEqualTo(2);
		assertThat(probe.get("running").asLong()).isEqualTo(1);
		JsonNode welcome = find(journeys, "welcome");
		assertThat(welcome.get("startsOn").toString()).contains("SignupReceived");
		assertThat(welcome.get("topics").toString()).contains("newsletter");
		assertThat(find(journeys, "order-status").get("topics")).isEmpty();
		assertThat(ApiClient.anonymous(port).get("/api/journeys").statusCode()).isEqualTo(401);
	}

	private static JsonNode find(JsonNode journeys, String key) {
		for (JsonNode journey : journeys) {
			if (journey.get("key").asText().equals(key)) {
				return journey;
			}
		}
		throw new AssertionError("no journey " + key + " in " + journeys);
	}

	/**
	 * Two paths after the start: "a" waits in a step both versions have, "b" in one only
	 * this version has.
	 */
	private static BpmnModelInstance version(String key, String secondWait, boolean second) {
		return Bpmn.createExecutableProcess(key)
			.camundaHistoryTimeToLive(1)
			.startEvent("Start")
			.exclusiveGateway("Path")
			.condition("a", "${path == 'a'}")
			.intermediateCatchEvent("StayingWait")
			.name("Wait (StayingWait)")
			.timerWithDuration(second ? "P11D" : "P10D")
			.endEvent("EndA")
			.moveToNode("Path")
			.condition("b", "${path == 'b'}")
			.intermediateCatchEvent(secondWait)
			.name("Wait (" + secondWait + ")")
			.timerWithDuration("P10D")
			.endEvent("EndB")
			.done();
	}

	private void deploy(BpmnModelInstance model) {
		repository.createDeployment()
			.addModelInstance(model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class)
				.iterator()
				.next()
				.getId() + ".bpmn", model)
			.deploy();
	}

	private void start(String key, String contactId, String path) {
		runtime.startProcessInstanceByKey(key, contactId, Map.of("path", path));
	}

	private long onVersion(String key, int version) {
		String definitionId = repository.createProcessDefinitionQuery()
			.processDefinitionKey(key)
			.processDefinitionVersion(version)
			.singleResult()
			.getId();
		return runtime.createProcessInstanceQuery().processDefinitionId(definitionId).count();
	}

	private JsonNode read(String body) {
		try {
			return json.readTree(body);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private void assertProblem(HttpResponse<String> response, int status, String mentioned) throws Exception {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		if (mentioned != null) {
			assertThat(json.readTree(response.body()).get("detail").asText()).contains(mentioned);
		}
	}

}
