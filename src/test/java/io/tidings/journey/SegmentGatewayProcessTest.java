package io.tidings.journey;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidings.contact.ContactChange;
import io.tidings.contact.Contacts;
import io.tidings.contact.Segments;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

/**
 * {@code ${segments.contains(execution, 'vip')}} in a gateway (segment-probe.bpmn): the
 * journey's contact is looked up in the segment when the gateway runs, and a segment that
 * does not exist is an incident naming it, which creating the segment and retrying mends.
 */
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:segment-gateway-process;DB_CLOSE_DELAY=-1",
		"camunda.bpm.job-execution.enabled=false", "tidings.dev-mailbox.enabled=false", "tidings.delivery.workers=0",
		"tidings.triggers.enabled=false" })
class SegmentGatewayProcessTest {

	static final String VIP = "{\"attribute\": \"plan\", \"op\": \"eq\", \"value\": \"pro\"}";

	@Autowired
	ProcessEngine engine;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	@Autowired
	Contacts contacts;

	@Autowired
	Segments segments;

	final ObjectMapper json = new ObjectMapper();

	@BeforeEach
	void setUp() throws Exception {
		init(engine);
		segments.save("vip", "Pro plan", json.readTree(VIP));
	}

	@Test
	void aContactInTheSegmentTakesTheSegmentsPath() {
		ProcessInstance journey = start("gw-pro", "pro");
		execute(job(journey));

		assertJourney(journey).isEnded().hasPassed("VipEnd").hasNotPassed("OthersEnd");
	}

	@Test
	void everyoneElseTakesTheDefaultPath() {
		ProcessInstance journey = start("gw-free", "free");
		execute(job(journey));

		assertJourney(journey).isEnded().hasPassed("OthersEnd").hasNotPassed("VipEnd");
	}

	@Test
	void membershipIsDecidedWhenTheGatewayRunsNotWhenTheJourneyStarted() {
		ProcessInstance journey = start("gw-upgraded", "free");
		contacts.upsert(ContactChange.of("gw-upgraded", null, null, null, null, null, Map.of("plan", "pro")));
		execute(job(journey));

		assertJourney(journey).isEnded().hasPassed("VipEnd");
	}

	@Test
	void aMissingSegmentIsAnIncidentNamingItUntilItExists() throws Exception {
		segments.delete("vip");
		ProcessInstance journey = start("gw-missing", "pro");

		Job gateway = job(journey);
		Throwable failure = catchThrowable(() -> management.executeJob(gateway.getId()));
		assertThat(failure).hasMessageContaining("segment 'vip', which does not exist");
		while (job(journey).getRetries() > 0) {
			catchThrowable(() -> management.executeJob(gateway.getId()));
		}
		Incident incident = runtime.createIncidentQuery().processInstanceId(journey.getId()).singleResult();
		assertThat(incident.getActivityId()).isEqualTo("IsVip");
		assertThat(incident.getIncidentMessage()).contains("'vip'");
		assertJourney(journey).isNotEnded();

		segments.save("vip", "Pro plan", json.readTree(VIP));
		management.setJobRetries(gateway.getId(), 1);
		execute(job(journey));

		assertJourney(journey).isEnded().hasPassed("VipEnd");
	}

	private ProcessInstance start(String contactId, String plan) {
		contacts.upsert(
				ContactChange.of(contactId, contactId + "@example.com", null, null, "en", null, Map.of("plan", plan)));
		return runtime.startProcessInstanceByKey("segmentProbe", contactId);
	}

	private static org.camunda.bpm.engine.test.assertions.bpmn.ProcessInstanceAssert assertJourney(
			ProcessInstance journey) {
		return org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(journey);
	}

}
