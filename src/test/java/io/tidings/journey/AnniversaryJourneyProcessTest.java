package io.tidings.journey;

import java.time.Instant;
import java.util.Map;

import io.tidings.contact.ContactChange;
import io.tidings.support.FlowNodeCoverage;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
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
 * The anniversary journey as its trigger starts it (the trigger module does the 09:00
 * local timing), with its real steps and outbox, job executor off: a personal coupon
 * code, the same for the contact all year and new the next, in the contact's language.
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:date-journeys-process;DB_CLOSE_DELAY=-1")
class AnniversaryJourneyProcessTest extends JourneyProcessTest {

	@Override
	Instant startsAt() {
		return null;
	}

	@AfterAll
	static void everyFlowNodeAndSequenceFlowWasCovered(@Autowired HistoryService history,
			@Autowired RepositoryService repository) {
		FlowNodeCoverage.assertEveryFlowNodeAndSequenceFlowCovered("anniversary", history, repository);
	}

	@Test
	void theAnniversaryMailCountsTheYearsAndCarriesTheCoupon() {
		ProcessInstance journey = anniversary("an-1", "en", 3);

		execute(job(journey));
		String code = (String) runtime.getVariable(journey.getId(), "couponCode");
		assertThat(code).matches("ANNI-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}");
		execute(job(journey));
		smtp.sendAll(journey.getId());

		assertJourney(journey).isEnded()
			.hasPassedInOrder("SignupAnniversaryReached", "IssueCoupon", "SendAnniversaryEmail", "Greeted");
		Map<String, Object> mail = mailOf(journey);
		assertThat((String) mail.get("text_body")).contains("3 years ago today you joined us.").contains(code);
	}

	@Test
	void aDutchContactReadsItInDutchWithTheRightCount() {
		ProcessInstance journey = anniversary("an-2", "nl", 1);
		execute(job(journey));
		execute(job(journey));

		assertThat((String) mailOf(journey).get("text_body")).contains("Vandaag precies een jaar geleden");
	}

	private ProcessInstance anniversary(String contactId, String locale, int years) {
		contacts.upsert(ContactChange.of(contactId, contactId + "@example.com", "Ann", "Smith", locale, "Asia/Tokyo",
				Map.of()));
		JourneyTrigger trigger = journeys.triggeredBy("SignupAnniversaryReached")
			.stream()
			.filter(candidate -> candidate.journeyKey().equals("anniversary"))
			.findFirst()
			.orElseThrow();
		journeys.start(trigger, contactId, Map.of("triggerDate", "2026-05-01", "years", years));
		return runtime.createProcessInstanceQuery()
			.processDefinitionKey("anniversary")
			.processInstanceBusinessKey(contactId)
			.singleResult();
	}

	private Map<String, Object> mailOf(ProcessInstance journey) {
		return jdbc.queryForMap("SELECT subject, text_body FROM deliveries WHERE journey_instance_id = ?",
				journey.getId());
	}

	private static ProcessInstanceAssert assertJourney(ProcessInstance journey) {
		return BpmnAwareTests.assertThat(journey);
	}

}
