package io.tidings.journey;

import java.time.Instant;
import java.util.Date;

import io.tidings.contact.Contacts;
import io.tidings.delivery.internal.OutcomeReporter;
import io.tidings.support.FlowNodeCoverage;
import io.tidings.support.JourneyDriver;
import io.tidings.support.OutcomeSimulator;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

/**
 * What the process tests of the shipped journeys share: the application with its real
 * steps and outbox, the job executor, delivery workers, triggers and broadcasts off, so a
 * test moves each journey itself ({@link #driver}, {@link #smtp}); BPM Assert bound to
 * this engine; flow-node coverage recorded; and the engine clock at {@link #startsAt()}
 * during each test. A subclass names its own H2 database with
 * {@code @TestPropertySource(properties = "spring.datasource.url=...")}, so journeys of
 * other tests are not in its way, and asserts its journey's coverage in an
 * {@code @AfterAll}.
 */
@SpringBootTest(properties = { "camunda.bpm.job-execution.enabled=false", "tidings.dev-mailbox.enabled=false",
		"tidings.delivery.workers=0", "tidings.triggers.enabled=false", "tidings.broadcasts.enabled=false" })
@Import(FlowNodeCoverage.Recording.class)
abstract class JourneyProcessTest {

	@Autowired
	ProcessEngine engine;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	@Autowired
	Journeys journeys;

	@Autowired
	Contacts contacts;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	OutcomeReporter reporter;

	/** Plays the relay's part for queued mail. */
	OutcomeSimulator smtp;

	/** Runs a journey's jobs and mail step by step. */
	JourneyDriver driver;

	/** Where the engine clock stands when a test starts; null leaves the real time. */
	Instant startsAt() {
		return Instant.parse("2026-03-02T08:00:00Z");
	}

	@BeforeEach
	void bindEngineAndClock() {
		init(engine);
		smtp = new OutcomeSimulator(jdbc, reporter);
		driver = new JourneyDriver(management, jdbc, smtp);
		Instant start = startsAt();
		if (start != null) {
			ClockUtil.setCurrentTime(Date.from(start));
		}
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

}
