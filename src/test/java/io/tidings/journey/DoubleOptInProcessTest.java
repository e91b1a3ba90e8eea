package io.tidings.journey;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;

import io.tidings.consent.TopicConsents;
import io.tidings.consent.TopicConsents.Origin;
import io.tidings.consent.TopicConsents.TopicStatus;
import io.tidings.contact.ContactChange;
import io.tidings.support.FlowNodeCoverage;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

/**
 * The double opt-in journey with its real steps and outbox, job executor off: confirmed
 * at once, confirmed after the reminder, and never confirmed.
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:double-opt-in-process;DB_CLOSE_DELAY=-1")
class DoubleOptInProcessTest extends JourneyProcessTest {

	@Autowired
	TopicConsents consents;

	@AfterAll
	static void everyFlowNodeAndSequenceFlowWasCovered(@Autowired HistoryService history,
			@Autowired RepositoryService repository) {
		FlowNodeCoverage.assertEveryFlowNodeAndSequenceFlowCovered("double-opt-in", history, repository);
	}

	@Test
	void aClickOnTheFirstMailSubscribes() {
		ProcessInstance journey = request("doi-1", List.of("newsletter", "promotions"));
		execute(job(journey));
		assertThat(status("doi-1", "promotions")).isEqualTo(TopicStatus.PENDING);
		send(journey);
		org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(journey).isWaitingAt("AwaitConfirmation");
		assertThat(jdbc.queryForObject("SELECT category FROM deliveries WHERE journey_instance_id = ?", String.class,
				journey.getId()))
			.isEqualTo("TRANSACTIONAL");
		assertThat(runtime.getVariable(journey.getId(), "confirmUrl")).asString().contains("/confirm/");

		assertThat(consents.confirmOptIn("doi-1", Origin.of("DOUBLE_OPT_IN"))).containsExactly("newsletter",
				"promotions");

		org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(journey)
			.isEnded()
			.hasPassedInOrder("SubscriptionRequested", "HoldTopicsPending", "SendConfirmationEmail",
					"AwaitConfirmation", "Confirmed", "Subscribed");
		assertThat(status("doi-1", "newsletter")).isEqualTo(TopicStatus.SUBSCRIBED);
	}

	@Test
	void aClickAfterTheReminderSubscribes() {
		ProcessInstance journey = request("doi-2", List.of("product-updates"));
		execute(job(journey));
		send(journey);
		moveClock(Duration.ofDays(2));
		execute(job(journey));
		send(journey);
		org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(journey)
			.isWaitingAt("AwaitAfterReminder");

		consents.confirmOptIn("doi-2", Origin.of("DOUBLE_OPT_IN"));

		org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(journey)
			.isEnded()
			.hasPassed("SendReminderEmail", "SubscribedAfterReminder");
		assertThat(jdbc.queryForList(
				"SELECT template_key FROM deliveries WHERE journey_instance_id = ? ORDER BY created_at", String.class,
				journey.getId()))
			.containsExactly("confirm-subscription", "confirm-subscription-reminder");
	}

	@Test
	void noClickLapsesAndSendsNothingMore() {
		ProcessInstance journey = request("doi-3", List.of());
		execute(job(journey));
		send(journey);
		moveClock(Duration.ofDays(2));
		execute(job(journey));
		send(journey);
		moveClock(Duration.ofDays(5));
		execute(job(journey));

		org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(journey)
			.isEnded()
			.hasPassed("Lapsed", "RecordNotConfirmed", "NotConfirmed");
		assertThat(status("doi-3", "newsletter")).as("the default topic, still held back")
			.isEqualTo(TopicStatus.PENDING);
		assertThat(jdbc.queryForList(
				"SELECT action FROM consent_records WHERE contact_id = 'doi-3' ORDER BY recorded_at", String.class))
			.containsExactly("OPT_IN_REQUESTED", "OPT_IN_EXPIRED");
	}

	private ProcessInstance request(String contactId, List<String> topics) {
		contacts.upsert(ContactChange.of(contactId, contactId + "@example.com", "Ann", "Smith", "en",
				"Europe/Amsterdam", Map.of()));
		return runtime.createMessageCorrelation("SubscriptionRequested")
			.processInstanceBusinessKey(contactId)
			.setVariable("topics", topics)
			.correlateStartMessage();
	}

	private TopicStatus status(String contactId, String topic) {
		return consents.of(contactId).get(topic).status();
	}

	/** Runs the waiting send step's job, and the mail it queued goes out. */
	private void send(ProcessInstance journey) {
		execute(job(journey));
		assertThat(smtp.sendAll(journey.getId())).hasSize(1);
	}

	private static void moveClock(Duration by) {
		ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(by)));
	}

}
