package io.tidings.journey;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;

import io.tidings.contact.ContactChange;
import io.tidings.contact.Contacts;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
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
 * "Wait until local time" (local-time-probe.bpmn, and local-time-form-probe.bpmn drawn
 * with the Modeler form): the timer's date is the next 09:00 on the contact's own clock,
 * the configured default zone's for a contact without one.
 */
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:local-time-process;DB_CLOSE_DELAY=-1",
		"camunda.bpm.job-execution.enabled=false", "tidings.dev-mailbox.enabled=false", "tidings.delivery.workers=0",
		"tidings.triggers.enabled=false", "tidings.journeys.local-time.default-zone=America/New_York" })
class LocalTimeProcessTest {

	/**
	 * Monday 2026-03-02, 12:00 UTC: 13:00 in Amsterdam, 21:00 in Tokyo, 07:00 in New
	 * York.
	 */
	static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");

	@Autowired
	ProcessEngine engine;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	@Autowired
	Contacts contacts;

	@BeforeEach
	void setUp() {
		init(engine);
		ClockUtil.setCurrentTime(Date.from(NOW));
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void theModelerFormPutsTheNextNineOClockOfTheContactsZoneInAVariableTheTimerReads() {
		contact("lt-tokyo", "Asia/Tokyo");

		ProcessInstance journey = runtime.startProcessInstanceByKey("localTimeFormProbe", "lt-tokyo");
		execute(job(journey));

		Date tomorrowNineInTokyo = at("2026-03-03T09:00", "Asia/Tokyo");
		assertThat(runtime.getVariable(journey.getId(), "nextLocalTime")).isEqualTo(tomorrowNineInTokyo);
		Job timer = job(journey);
		assertThat(timer.getDuedate()).isEqualTo(tomorrowNineInTokyo);
		ClockUtil.setCurrentTime(timer.getDuedate());
		execute(timer);
		assertThat(runtime.createProcessInstanceQuery().processInstanceId(journey.getId()).count()).isZero();
	}

	@Test
	void aContactWithoutAZoneWaitsForTheDefaultZonesClock() {
		contact("lt-nowhere", null);

		ProcessInstance journey = waiting("lt-nowhere", "09:00", "MONDAY");

		assertThat(job(journey).getDuedate()).as("07:00 in New York, the configured default zone: 09:00 today")
			.isEqualTo(at("2026-03-02T09:00", "America/New_York"));
	}

	@Test
	void onADayOfTheWeekTheTimerWaitsForThatDaysTimeInTheContactsZone() {
		contact("lt-amsterdam", "Europe/Amsterdam");

		ProcessInstance monday = waiting("lt-amsterdam", "09:00", "MONDAY");
		ProcessInstance friday = waiting("lt-amsterdam", "18:30", "friday");

		assertThat(job(monday).getDuedate()).as("this Monday's 09:00 has passed in Amsterdam: next Monday's")
			.isEqualTo(at("2026-03-09T09:00", "Europe/Amsterdam"));
		assertThat(job(friday).getDuedate()).isEqualTo(at("2026-03-06T18:30", "Europe/Amsterdam"));
	}

	@Test
	void aTimeOrDayTheStepCannotReadBecomesAnIncidentNamingTheStep() {
		contact("lt-typo", "Europe/Amsterdam");

		assertThat(incidentOf(start("lt-typo", "9am", "MONDAY"))).contains("'WaitUntilLocalTime'")
			.contains("'9am'")
			.contains("HH:mm");
		assertThat(incidentOf(start("lt-typo", "24:00", "MONDAY"))).contains("'24:00'");
		assertThat(incidentOf(start("lt-typo", "09:00", "Someday"))).contains("'WaitUntilLocalTime'")
			.contains("'Someday'")
			.contains("no day of the week");
	}

	/** Runs the step's job with its last retry and answers the incident's message. */
	private String incidentOf(ProcessInstance journey) {
		Job step = job(journey);
		management.setJobRetries(step.getId(), 1);
		assertThat(catchThrowable(() -> management.executeJob(step.getId())))
			.hasCauseInstanceOf(IllegalStateException.class);
		Incident incident = runtime.createIncidentQuery().processInstanceId(journey.getId()).singleResult();
		assertThat(incident).as("an incident in Cockpit").isNotNull();
		return incident.getIncidentMessage();
	}

	/** Starts the probe, its timer not yet reached (the step is asynchronous before). */
	private ProcessInstance start(String contactId, String time, String day) {
		return runtime.startProcessInstanceByKey("localTimeProbe", contactId, Map.of("at", time, "day", day));
	}

	/** Starts the probe and runs its step, so the timer waits. */
	private ProcessInstance waiting(String contactId, String time, String day) {
		ProcessInstance journey = start(contactId, time, day);
		execute(job(journey));
		return journey;
	}

	private void contact(String id, String timeZone) {
		contacts.upsert(ContactChange.of(id, id + "@example.com", null, null, "en", timeZone, Map.of()));
	}

	private static Date at(String localDateTime, String zone) {
		return Date.from(LocalDateTime.parse(localDateTime).atZone(ZoneId.of(zone)).toInstant());
	}

}
