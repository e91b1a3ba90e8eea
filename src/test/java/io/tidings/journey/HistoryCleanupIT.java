package io.tidings.journey;

import java.util.Map;

import io.tidings.support.EmbeddedPostgresDatabase;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * History cleanup as configured in application.yml, on PostgreSQL: scheduled by default
 * in its nightly window, and, once a finished journey's history time-to-live has passed,
 * its history and variables are gone while a running journey keeps its own. The probe
 * processes live zero days, so their time-to-live has passed as soon as they end; the job
 * executor is off, so the test runs the cleanup job itself.
 */
@SpringBootTest(properties = { "tidings.dev-mailbox.enabled=false", "tidings.delivery.workers=0",
		"tidings.triggers.enabled=false", "camunda.bpm.job-execution.enabled=false" })
@DirtiesContext
class HistoryCleanupIT {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		EmbeddedPostgresDatabase.register(registry);
	}

	@Autowired
	ProcessEngineConfigurationImpl configuration;

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	@Autowired
	HistoryService history;

	@Autowired
	ManagementService management;

	Deployment deployment;

	@BeforeEach
	void deployProbes() {
		deployment = repository.createDeployment()
			.addModelInstance("finishing.bpmn",
					Bpmn.createExecutableProcess("cleanupFinishing")
						.camundaHistoryTimeToLive(0)
						.startEvent()
						.endEvent()
						.done())
			.addModelInstance("waiting.bpmn",
					Bpmn.createExecutableProcess("cleanupWaiting")
						.camundaHistoryTimeToLive(0)
						.startEvent()
						.receiveTask("Wait")
						.endEvent()
						.done())
			.deploy();
	}

	@AfterEach
	void removeProbes() {
		repository.deleteDeployment(deployment.getId(), true);
	}

	@Test
	void cleanupIsScheduledInTheNightlyWindowByDefault() {
		assertThat(configuration.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
		assertThat(configuration.getHistoryRemovalTimeStrategy()).isEqualTo("end");
		assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
		assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
		assertThat(history.findHistoryCleanupJobs()).as("the cleanup job the engine schedules at start-up")
			.isNotEmpty()
			.allSatisfy(job -> assertThat(job.getDuedate()).isNotNull());
	}

	@Test
	void aFinishedJourneyIsRemovedOnceItsTimeToLiveHasPassed() throws Exception {
		ProcessInstance finished = runtime.startProcessInstanceByKey("cleanupFinishing", "cleanup-ann",
				Map.of("note", "gone after cleanup"));
		ProcessInstance waiting = runtime.startProcessInstanceByKey("cleanupWaiting", "cleanup-bob",
				Map.of("note", "kept while running"));
		assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(finished.getId()).count())
			.isEqualTo(1);
		assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(finished.getId()).count())
			.isEqualTo(1);
		// The removal time is the end time (time-to-live 0 days): let it be in the past.
		Thread.sleep(1100);

		Job cleanup = history.cleanUpHistoryAsync(true);
		management.executeJob(cleanup.getId());

		assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(finished.getId()).count()).isZero();
		assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(finished.getId()).count()).isZero();
		assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(finished.getId()).count()).isZero();
		assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(waiting.getId()).count())
			.isEqualTo(1);
		assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(waiting.getId()).count())
			.isEqualTo(1);
		assertThat(runtime.getVariable(waiting.getId(), "note")).isEqualTo("kept while running");
	}

}
