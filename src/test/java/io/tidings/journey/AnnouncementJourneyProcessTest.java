package io.tidings.journey;

import java.util.Map;

import io.tidings.contact.ContactChange;
import io.tidings.contact.Contacts;
import io.tidings.delivery.internal.OutcomeReporter;
import io.tidings.support.FlowNodeCoverage;
import io.tidings.support.OutcomeSimulator;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

/**
 * The announcement journey a broadcast starts: one marketing mail, then done. Every flow
 * node and sequence flow is passed.
 */
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:announcement-process;DB_CLOSE_DELAY=-1",
		"camunda.bpm.job-execution.enabled=false", "tidings.dev-mailbox.enabled=false", "tidings.delivery.workers=0",
		"tidings.triggers.enabled=false", "tidings.broadcasts.enabled=false" })
@Import(FlowNodeCoverage.Recording.class)
class AnnouncementJourneyProcessTest {

	@Autowired
	ProcessEngine engine;

	@Autowired
	RuntimeService runtime;

	@Autowired
	Contacts contacts;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	OutcomeReporter reporter;

	@BeforeEach
	void setUp() {
		init(engine);
	}

	@AfterAll
	static void everyFlowNodeAndSequenceFlowWasCovered(@Autowired HistoryService history,
			@Autowired RepositoryService repository) {
		FlowNodeCoverage.assertEveryFlowNodeAndSequenceFlowCovered("announcement", history, repository);
	}

	@Test
	void aBroadcastSendsTheAnnouncementOnce() {
		contacts.upsert(ContactChange.of("c-news", "news@example.com", "Ann", null, "en", "UTC", Map.of()));
		ProcessInstance journey = runtime.createMessageCorrelation("BroadcastStarted.announcement")
			.processInstanceBusinessKey("c-news")
			.setVariable("broadcastId", "b-1")
			.correlateStartMessage();

		execute(job(journey));
		assertThat(jdbc.queryForList("SELECT subject FROM deliveries WHERE journey_instance_id = ?", String.class,
				journey.getId()))
			.containsExactly("Ann, here is what is new this month");
		new OutcomeSimulator(jdbc, reporter).sendAll(journey.getId());

		org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(journey)
			.isEnded()
			.hasPassedInOrder("BroadcastStarted", "SendAnnouncement", "Announced");
	}

}
