package io.tidings.journey;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import io.tidings.consent.Suppressions;
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
 * The re-engagement journey with its real steps and outbox, job executor off: a click on
 * the offer, a click on the last call, and silence until the sunset policy unsubscribes
 * the contact. Clicks are correlated as the click tracking will: EmailClicked by contact.
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:re-engagement-process;DB_CLOSE_DELAY=-1")
class ReEngagementProcessTest extends JourneyProcessTest {

	@Autowired
	HistoryService history;

	@Autowired
	Suppressions suppressions;

	@Override
	Instant startsAt() {
		return Instant.parse("2026-05-04T09:00:00Z");
	}

	@AfterAll
	static void everyFlowNodeAndSequenceFlowWasCovered(@Autowired HistoryService history,
			@Autowired RepositoryService repository) {
		FlowNodeCoverage.assertEveryFlowNodeAndSequenceFlowCovered("re-engagement", history, repository);
	}

	@Test
	void theInactivityTriggerStartsItAfterSixtyQuietDays() {
		JourneyTrigger trigger = journeys.triggeredBy("ContactInactive")
			.stream()
			.filter(candidate -> candidate.journeyKey().equals("re-engagement"))
			.findFirst()
			.orElseThrow();

		assertThat(trigger.property("tidings.inactiveDays")).isEqualTo("60");
		assertThat(trigger.messageName()).isEqualTo("ContactInactive.re-engagement");
	}

	@Test
	void aClickOnTheOfferEndsItAtOnce() {
		ProcessInstance journey = inactive("re-1");
		send(journey);
		assertJourney(journey).isWaitingAt("AwaitOfferClick");

		assertThat(journeys.dispatch(clicked("re-1"), true).continued()).isOne();

		assertJourney(journey).isEnded()
			.hasPassedInOrder("ContactInactive", "SendOfferEmail", "OfferClicked", "ReEngaged");
		assertThat(sentTemplates(journey)).containsExactly("re-engagement-offer");
	}

	@Test
	void noClickForTwoWeeksBringsTheLastCallAndAClickThenKeepsTheContact() {
		ProcessInstance journey = inactive("re-2");
		send(journey);
		assertThat(job(journey).getDuedate()).isCloseTo(Date.from(Instant.parse("2026-05-18T09:00:00Z")), 1000);
		moveClock(Duration.ofDays(14));
		execute(job(journey));
		send(journey);
		assertJourney(journey).isWaitingAt("AwaitLastCallClick");

		journeys.dispatch(clicked("re-2"), true);

		assertJourney(journey).isEnded().hasPassed("NoOfferClick", "LastCallClicked", "StaysSubscribed");
		assertThat(sentTemplates(journey)).containsExactly("re-engagement-offer", "re-engagement-last-call");
		assertThat(suppressions.find("re-2@example.com")).isEmpty();
	}

	@Test
	void silenceAfterTheLastCallUnsubscribesFromMarketingAndTheJourneyEndsByItself() {
		ProcessInstance journey = inactive("re-3");
		ProcessInstance welcome = runtime.createMessageCorrelation("SignupReceived")
			.processInstanceBusinessKey("re-3")
			.correlateStartMessage();
		send(journey);
		moveClock(Duration.ofDays(14));
		execute(job(journey));
		send(journey);
		moveClock(Duration.ofDays(14));
		execute(job(journey));
		assertJourney(journey).isWaitingAt("Sunset");

		execute(job(journey));

		assertJourney(journey).isEnded().hasPassed("NoLastCallClick", "Sunset", "UnsubscribedBySunset");
		assertThat(history.createHistoricProcessInstanceQuery()
			.processInstanceId(journey.getId())
			.singleResult()
			.getDeleteReason()).isNull();
		assertThat(jdbc.queryForList(
				"SELECT action || ' ' || source FROM consent_records WHERE contact_id = 're-3' AND topic IS NULL",
				String.class))
			.containsExactly("UNSUBSCRIBED SUNSET");
		assertThat(suppressions.find("re-3@example.com"))
			.hasValueSatisfying(suppression -> assertThat(suppression.detail()).isEqualTo("unsubscribed (SUNSET)"));
		assertThat(history.createHistoricProcessInstanceQuery()
			.processInstanceId(welcome.getId())
			.singleResult()
			.getDeleteReason()).isEqualTo("Contact unsubscribed from all marketing mail (SUNSET)");
	}

	private ProcessInstance inactive(String contactId) {
		contacts.upsert(ContactChange.of(contactId, contactId + "@example.com", "Ann", "Smith", "en",
				"Europe/Amsterdam", Map.of()));
		return runtime.createMessageCorrelation("ContactInactive.re-engagement")
			.processInstanceBusinessKey(contactId)
			.setVariable("inactiveDays", 60)
			.correlateStartMessage();
	}

	private static JourneyMessage clicked(String contactId) {
		return new JourneyMessage("EmailClicked", contactId, null, Map.of("clickedUrl", "https://example.com/x"));
	}

	/** Runs the waiting send step's job, and the mail it queued goes out. */
	private void send(ProcessInstance journey) {
		execute(job(journey));
		assertThat(smtp.sendAll(journey.getId())).hasSize(1);
	}

	private List<String> sentTemplates(ProcessInstance journey) {
		return jdbc.queryForList(
				"SELECT template_key FROM deliveries WHERE journey_instance_id = ? ORDER BY created_at", String.class,
				journey.getId());
	}

	private static ProcessInstanceAssert assertJourney(ProcessInstance journey) {
		return BpmnAwareTests.assertThat(journey);
	}

	private static void moveClock(Duration by) {
		ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(by)));
	}

}
