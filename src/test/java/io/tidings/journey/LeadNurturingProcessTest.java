package io.tidings.journey;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidings.contact.ContactChange;
import io.tidings.support.FlowNodeCoverage;
import io.tidings.support.RecordingWebhook;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.assertions.bpmn.ProcessInstanceAssert;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

/**
 * The lead nurturing journey with its real steps and outbox, job executor off, and the
 * sales hand-off posted to a real HTTP server on loopback: no click and the slower
 * cadence, a click and the hand-off with the weekly cadence, a second click, and a
 * receiver that fails until the retries run out.
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:lead-nurturing-process;DB_CLOSE_DELAY=-1")
class LeadNurturingProcessTest extends JourneyProcessTest {

	static final RecordingWebhook sales = new RecordingWebhook();

	@DynamicPropertySource
	static void webhook(DynamicPropertyRegistry registry) {
		registry.add("tidings.journeys.webhook.url", () -> sales.url("/crm/leads"));
		registry.add("tidings.journeys.webhook.timeout", () -> "5s");
	}

	final ObjectMapper json = new ObjectMapper();

	@Override
	Instant startsAt() {
		return Instant.parse("2026-02-02T10:00:00Z");
	}

	@BeforeEach
	void initAssertions() {
		sales.forget();
	}

	@AfterAll
	static void everyFlowNodeAndSequenceFlowWasCovered(@Autowired HistoryService history,
			@Autowired RepositoryService repository) {
		sales.close();
		FlowNodeCoverage.assertEveryFlowNodeAndSequenceFlowCovered("lead-nurturing", history, repository);
	}

	@Test
	void aLeadThatNeverClicksGetsTheLastFourMailsEveryTwoWeeks() {
		ProcessInstance journey = leadCaptured("ln-quiet");

		send(journey, 1);
		wait(journey, "WaitThreeDays", 3);
		send(journey, 2);
		wait(journey, "WaitFourDays", 4);
		send(journey, 3);
		wait(journey, "WaitOneWeek", 7);
		send(journey, 4);
		wait(journey, "CadenceAfterMail4", 14);
		send(journey, 5);
		wait(journey, "CadenceAfterMail5", 14);
		send(journey, 6);
		wait(journey, "CadenceAfterMail6", 14);
		send(journey, 7);
		wait(journey, "CadenceAfterMail7", 14);
		send(journey, 8);
		assertThat(ClockUtil.getCurrentTime().toInstant()).isEqualTo(Instant.parse("2026-04-13T10:00:00Z"));
		wait(journey, "LastClickWindow", 7);

		assertJourney(journey).isEnded().hasPassed("NurtureCompleted").hasNotPassed("Clicked", "HandOffToSales");
		assertThat(sentTemplates(journey)).containsExactly("lead-nurture-1", "lead-nurture-2", "lead-nurture-3",
				"lead-nurture-4", "lead-nurture-5", "lead-nurture-6", "lead-nurture-7", "lead-nurture-8");
		assertThat(jdbc.queryForList("SELECT DISTINCT category FROM deliveries WHERE journey_instance_id = ?",
				String.class, journey.getId()))
			.containsExactly("MARKETING");
		assertThat(sales.requests()).isEmpty();
	}

	@Test
	void aClickHandsTheLeadToSalesOnceAndTheSeriesEndsInWeekSix() throws Exception {
		ProcessInstance journey = leadCaptured("ln-keen");
		send(journey, 1);
		wait(journey, "WaitThreeDays", 3);
		send(journey, 2);

		assertThat(journeys.dispatch(clicked("ln-keen"), true).continued()).isOne();
		assertThat(runtime.getVariable(journey.getId(), "interested")).isEqualTo(true);
		execute(job("HandOffToSales", journey));

		RecordingWebhook.Request handOff = sales.requests().get(0);
		assertThat(handOff.path()).isEqualTo("/crm/leads");
		JsonNode body = json.readTree(handOff.body());
		assertThat(body.at("/event").asText()).isEqualTo("lead.interested");
		assertThat(body.at("/contact/id").asText()).isEqualTo("ln-keen");
		assertThat(body.at("/contact/email").asText()).isEqualTo("ln-keen@example.com");
		assertThat(body.at("/journey/key").asText()).isEqualTo("lead-nurturing");
		assertThat(handOff.header("Idempotency-Key")).isEqualTo(journey.getId() + "/HandOffToSales");
		assertThat(runtime.getVariable(journey.getId(), "webhookStatus")).isEqualTo("SENT: 204");

		journeys.dispatch(clicked("ln-keen"), true);
		assertThat(sales.requests()).hasSize(1);

		wait(journey, "WaitFourDays", 4);
		send(journey, 3);
		wait(journey, "WaitOneWeek", 7);
		send(journey, 4);
		wait(journey, "CadenceAfterMail4", 7);
		send(journey, 5);
		wait(journey, "CadenceAfterMail5", 7);
		send(journey, 6);
		wait(journey, "CadenceAfterMail6", 7);
		send(journey, 7);
		wait(journey, "CadenceAfterMail7", 7);
		send(journey, 8);
		assertThat(ClockUtil.getCurrentTime().toInstant()).isEqualTo(Instant.parse("2026-03-16T10:00:00Z"));
		wait(journey, "LastClickWindow", 7);

		assertJourney(journey).isEnded()
			.hasPassed("Clicked", "MarkInterested", "HandedOff", "AlreadyHandedOff", "NurtureCompleted");
		assertThat(sentTemplates(journey)).hasSize(8);
	}

	@Test
	void aFailingReceiverIsTriedAgainThenShowsAsAnIncidentAndARetrySucceeds() {
		ProcessInstance journey = leadCaptured("ln-down");
		send(journey, 1);
		sales.answer(500);
		journeys.dispatch(clicked("ln-down"), true);
		Job handOff = job("HandOffToSales", journey);

		for (int attempt = 1; attempt <= 3; attempt++) {
			assertThatThrownBy(() -> management.executeJob(handOff.getId())).hasMessageContaining("answered 500");
		}

		assertThat(sales.requests()).hasSize(3)
			.extracting(request -> request.header("Idempotency-Key"))
			.containsOnly(journey.getId() + "/HandOffToSales");
		Incident incident = runtime.createIncidentQuery().processInstanceId(journey.getId()).singleResult();
		assertThat(incident.getActivityId()).isEqualTo("HandOffToSales");
		assertThat(incident.getIncidentMessage()).contains("answered 500");

		sales.answer(204);
		management.setJobRetries(handOff.getId(), 1);
		management.executeJob(handOff.getId());

		assertThat(runtime.createIncidentQuery().processInstanceId(journey.getId()).count()).isZero();
		assertThat(runtime.getVariable(journey.getId(), "webhookStatus")).isEqualTo("SENT: 204");
		assertJourney(journey).isWaitingAt("WaitThreeDays");
	}

	private ProcessInstance leadCaptured(String contactId) {
		contacts.upsert(ContactChange.of(contactId, contactId + "@example.com", "Ann", "Smith", "en",
				"Europe/Amsterdam", Map.of("company", "Acme")));
		journeys.dispatch(new JourneyMessage("LeadCaptured", contactId, null, Map.of("source", "whitepaper")), true);
		return runtime.createProcessInstanceQuery()
			.processDefinitionKey("lead-nurturing")
			.processInstanceBusinessKey(contactId)
			.singleResult();
	}

	private static JourneyMessage clicked(String contactId) {
		return new JourneyMessage("EmailClicked", contactId, null, Map.of());
	}

	/** Runs the send step of mail {@code n}, and the mail goes out. */
	private void send(ProcessInstance journey, int n) {
		execute(job("SendNurture" + n, journey));
		assertThat(smtp.sendAll(journey.getId())).hasSize(1);
	}

	/** The timer is due that many days from now; time moves there and it fires. */
	private void wait(ProcessInstance journey, String timer, int days) {
		Job job = job(timer, journey);
		Instant due = ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(days));
		assertThat(job.getDuedate()).as(timer).isCloseTo(Date.from(due), 1000);
		ClockUtil.setCurrentTime(Date.from(due));
		execute(job);
	}

	private List<String> sentTemplates(ProcessInstance journey) {
		return jdbc.queryForList(
				"SELECT template_key FROM deliveries WHERE journey_instance_id = ? ORDER BY created_at", String.class,
				journey.getId());
	}

	private static ProcessInstanceAssert assertJourney(ProcessInstance journey) {
		return BpmnAwareTests.assertThat(journey);
	}

}
