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
 * The birthday journey as its trigger starts it (the trigger module does the 09:00 local
 * timing), with its real steps and outbox, job executor off: a personal coupon code, the
 * same for the contact all year and new the next, in the contact's language.
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:date-journeys-process;DB_CLOSE_DELAY=-1")
class BirthdayJourneyProcessTest extends JourneyProcessTest {

	@Override
	Instant startsAt() {
		return null;
	}

	@AfterAll
	static void everyFlowNodeAndSequenceFlowWasCovered(@Autowired HistoryService history,
			@Autowired RepositoryService repository) {
		FlowNodeCoverage.assertEveryFlowNodeAndSequenceFlowCovered("birthday", history, repository);
	}

	@Test
	void theBirthdayMailCarriesTheContactsCouponForThisYear() {
		ProcessInstance journey = birthday("bd-1", "en", "2026-03-10");

		execute(job(journey));
		String code = (String) runtime.getVariable(journey.getId(), "couponCode");
		assertThat(code).matches("BDAY-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");
		execute(job(journey));
		smtp.sendAll(journey.getId());

		assertJourney(journey).isEnded()
			.hasPassedInOrder("BirthdayReached", "IssueCoupon", "SendBirthdayEmail", "Greeted");
		Map<String, Object> mail = mailOf(journey);
		assertThat(mail.get("subject")).isEqualTo("Happy birthday, Ann! A little gift inside");
		assertThat((String) mail.get("text_body")).contains(code);
		assertThat(mail.get("category")).isEqualTo("MARKETING");
	}

	@Test
	void theCodeIsTheSameAllYearForOneContactAndDiffersForOthersAndNextYear() {
		String first = couponOf(birthday("bd-2", "en", "2026-06-01"));
		String again = couponOf(birthday("bd-2", "en", "2026-06-01"));
		String nextYear = couponOf(birthday("bd-2", "en", "2027-06-01"));
		String someoneElse = couponOf(birthday("bd-3", "en", "2026-06-01"));

		assertThat(again).isEqualTo(first);
		assertThat(nextYear).isNotEqualTo(first).startsWith("BDAY-");
		assertThat(someoneElse).isNotEqualTo(first);
	}

	@Test
	void aRussianContactGetsTheRussianMail() {
		ProcessInstance journey = birthday("bd-4", "ru-RU", "2026-07-15");
		execute(job(journey));
		execute(job(journey));

		assertThat(mailOf(journey).get("subject")).isEqualTo("С днём рождения, Ann! Для вас небольшой подарок");
	}

	private ProcessInstance birthday(String contactId, String locale, String day) {
		contacts.upsert(ContactChange.of(contactId, contactId + "@example.com", "Ann", "Smith", locale,
				"Europe/Amsterdam", Map.of()));
		JourneyTrigger trigger = journeys.triggeredBy("BirthdayReached")
			.stream()
			.filter(candidate -> candidate.journeyKey().equals("birthday"))
			.findFirst()
			.orElseThrow();
		assertThat(trigger.messageName()).isEqualTo("BirthdayReached.coupon");
		journeys.start(trigger, contactId, Map.of("triggerDate", day, "years", 36));
		return runtime.createProcessInstanceQuery()
			.processDefinitionKey("birthday")
			.processInstanceBusinessKey(contactId)
			.orderByProcessInstanceId()
			.desc()
			.list()
			.stream()
			.filter(instance -> day.equals(runtime.getVariable(instance.getId(), "triggerDate")))
			.filter(instance -> runtime.getVariable(instance.getId(), "couponCode") == null)
			.findFirst()
			.orElseThrow();
	}

	private String couponOf(ProcessInstance journey) {
		execute(job(journey));
		return (String) runtime.getVariable(journey.getId(), "couponCode");
	}

	private Map<String, Object> mailOf(ProcessInstance journey) {
		return jdbc.queryForMap("SELECT subject, text_body, category FROM deliveries WHERE journey_instance_id = ?",
				journey.getId());
	}

	private static ProcessInstanceAssert assertJourney(ProcessInstance journey) {
		return BpmnAwareTests.assertThat(journey);
	}

}
