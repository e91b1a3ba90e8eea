package io.tidings.journey;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;

import io.tidings.contact.ContactChange;
import io.tidings.contact.Contacts;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

/**
 * "Wait until best send time" (send-time-probe.bpmn, and send-time-form-probe.bpmn drawn
 * with the Modeler form): the timer's date is the contact's best hour as learnt from the
 * engagements table (as engagement tracking stores opens and clicks), in their own time
 * zone.
 */
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:send-time-process;DB_CLOSE_DELAY=-1",
		"camunda.bpm.job-execution.enabled=false", "tidings.dev-mailbox.enabled=false", "tidings.delivery.workers=0",
		"tidings.triggers.enabled=false" })
class SendTimeProcessTest {

	static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

	/** A Wednesday, 06:00 in Amsterdam. */
	static final Instant NOW = LocalDateTime.parse("2026-11-18T06:00").atZone(AMSTERDAM).toInstant();

	@Autowired
	ProcessEngine engine;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	@Autowired
	Contacts contacts;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void setUp() {
		init(engine);
		ClockUtil.setCurrentTime(Date.from(NOW));
		jdbc.update("DELETE FROM engagements");
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void theTimerWaitsForTheHourTheContactReadsMailInTheirOwnZone() {
		contact("st-evening", "Europe/Amsterdam");
		engagedDaily("st-evening", "OPEN", false, LocalTime.of(20, 15), AMSTERDAM);
		engagedDaily("st-evening", "OPEN", true, LocalTime.of(7, 5), AMSTERDAM);

		ProcessInstance journey = runtime.startProcessInstanceByKey("sendTimeProbe", "st-evening");

		Job timer = job(journey);
		assertThat(timer.getDuedate().toInstant())
			.isEqualTo(LocalDateTime.parse("2026-11-18T20:00").atZone(AMSTERDAM).toInstant());
		ClockUtil.setCurrentTime(timer.getDuedate());
		execute(timer);
		assertThat(runtime.createProcessInstanceQuery().processInstanceId(journey.getId()).count()).isZero();
	}

	@Test
	void machineOpensNeverCountAndAContactWithoutHistoryGetsTheAudiencesHour() {
		// A week later than the other tests, so the audience's pattern they read is not
		// reused.
		Instant now = NOW.plus(Duration.ofDays(7));
		ClockUtil.setCurrentTime(Date.from(now));
		contact("st-audience-1", "Europe/Amsterdam");
		contact("st-audience-2", "Europe/Amsterdam");
		contact("st-tokyo", "Asia/Tokyo");
		engagedDaily("st-audience-1", "CLICK", false, LocalTime.of(12, 10), AMSTERDAM, now);
		engagedDaily("st-audience-2", "OPEN", false, LocalTime.of(12, 20), AMSTERDAM, now);
		engagedDaily("st-tokyo", "OPEN", true, LocalTime.of(15, 0), ZoneId.of("Asia/Tokyo"), now);

		ProcessInstance journey = runtime.startProcessInstanceByKey("sendTimeProbe", "st-tokyo");

		assertThat(now.atZone(ZoneId.of("Asia/Tokyo")).toLocalTime()).isEqualTo(LocalTime.of(14, 0));
		assertThat(job(journey).getDuedate().toInstant())
			.as("not 15:00 of the machine opens but 12:00, the audience's hour, in Tokyo: the next day")
			.isEqualTo(LocalDateTime.parse("2026-11-26T12:00").atZone(ZoneId.of("Asia/Tokyo")).toInstant());
	}

	@Test
	void theModelerFormPutsTheTimeInAVariableTheTimerReads() {
		contact("st-form", "America/New_York");
		engagedDaily("st-form", "OPEN", false, LocalTime.of(21, 30), ZoneId.of("America/New_York"));

		ProcessInstance journey = runtime.startProcessInstanceByKey("sendTimeFormProbe", "st-form");
		execute(job(journey));

		Instant expected = LocalDateTime.parse("2026-11-18T21:00").atZone(ZoneId.of("America/New_York")).toInstant();
		assertThat(runtime.getVariable(journey.getId(), "bestSendTime")).isEqualTo(Date.from(expected));
		assertThat(job(journey).getDuedate().toInstant()).isEqualTo(expected);
	}

	@Test
	void aJourneyWithoutAContactFailsNamingTheStep() {
		Throwable failure = catchThrowable(() -> runtime.startProcessInstanceByKey("sendTimeProbe"));

		assertThat(failure).hasMessageContaining("'WaitForBestSendTime'").hasMessageContaining("no business key");
	}

	private void contact(String id, String timeZone) {
		contacts.upsert(ContactChange.of(id, id + "@example.com", null, null, "en", timeZone, Map.of()));
	}

	/**
	 * One engagement a day at the local time, on each of the fourteen days before now.
	 */
	private void engagedDaily(String contactId, String kind, boolean machine, LocalTime at, ZoneId zone) {
		engagedDaily(contactId, kind, machine, at, zone, NOW);
	}

	private void engagedDaily(String contactId, String kind, boolean machine, LocalTime at, ZoneId zone, Instant now) {
		for (int day = 1; day <= 14; day++) {
			Instant when = now.atZone(zone).minusDays(day).with(at).toInstant();
			jdbc.update("""
					INSERT INTO engagements (id, delivery_id, contact_id, kind, machine, occurred_at)
					VALUES (?, ?, ?, ?, ?, ?)""", java.util.UUID.randomUUID().toString(), "delivery-" + day, contactId,
					kind, machine, Timestamp.from(when));
		}
	}

}
