package io.tidings.journey;

import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidings.support.PostgresApiTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which journeys an event starts is remembered between events; a journey deployed on this
 * node still starts from the very next event, and a suspended one stops starting once the
 * remembered answer is older than two seconds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StartingJourneysIT extends PostgresApiTest {

	@Autowired
	RepositoryService repository;

	@Test
	void aJourneyDeployedAfterAnEventOfItsNameStartsFromTheNextOne() throws Exception {
		assertThat(started("FreshlyDeployed", "fresh-1")).isZero();

		String definitionId = deploy("freshly-deployed", "FreshlyDeployed");

		assertThat(started("FreshlyDeployed", "fresh-2")).isEqualTo(1);
		assertThat(jdbc.queryForObject(
				"SELECT count(*) FROM act_ru_execution WHERE proc_def_id_ = ? AND business_key_ = 'fresh-2'",
				Integer.class, definitionId))
			.isEqualTo(1);
	}

	@Test
	void aSuspendedJourneyStopsStartingWithinTwoSeconds() throws Exception {
		String definitionId = deploy("soon-suspended", "SoonSuspended");
		assertThat(started("SoonSuspended", "suspended-1")).isEqualTo(1);

		repository.suspendProcessDefinitionById(definitionId);
		Thread.sleep(2100);

		assertThat(started("SoonSuspended", "suspended-2")).isZero();
	}

	private int started(String name, String contactId) throws Exception {
		HttpResponse<String> response = api.postJson("/api/events", """
				{"name": "%s", "contact": {"id": "%s", "email": "%s@example.com"}}""".formatted(name, contactId,
				contactId));
		assertThat(response.statusCode()).isEqualTo(202);
		JsonNode body = json.readTree(response.body());
		return body.get("startedJourneys").asInt();
	}

	private String deploy(String key, String message) {
		BpmnModelInstance model = Bpmn.createExecutableProcess(key)
			.camundaHistoryTimeToLive(1)
			.startEvent()
			.message(message)
			.userTask("Wait")
			.endEvent()
			.done();
		return repository.createDeployment()
			.addModelInstance(key + ".bpmn", model)
			.deployWithResult()
			.getDeployedProcessDefinitions()
			.get(0)
			.getId();
	}

}
