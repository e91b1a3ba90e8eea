package io.tidings.journey;

import java.net.http.HttpResponse;
import java.time.Duration;

import io.tidings.support.ApiClient;
import io.tidings.support.Eventually;
import io.tidings.support.PostgresApiTest;
import io.tidings.support.PrometheusScrape;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job executor's figures at {@code /actuator/prometheus} move by what it did: jobs
 * waiting while the executor is stopped are the due backlog; once it runs them, the
 * backlog drains, the acquired and executed counters rise, and a job that fails its last
 * retry counts as failed and leaves an open incident.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "tidings.dev-mailbox.enabled=false", "tidings.delivery.workers=0",
				"tidings.triggers.enabled=false", "tidings.journeys.engine-metrics.refresh=0s" })
@AutoConfigureObservability(tracing = false)
@DirtiesContext
class JobExecutorMetricsIT extends PostgresApiTest {

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ProcessEngineConfigurationImpl engine;

	@Test
	void theFiguresMoveWhenJobsRunAndFail() throws Exception {
		repository.createDeployment()
			.addString("jobMetricsOk.bpmn", process("jobMetricsOk", "${true}"))
			.addString("jobMetricsFailing.bpmn", process("jobMetricsFailing", "${noSuchBean.run()}"))
			.deploy();
		JobExecutor executor = engine.getJobExecutor();
		executor.shutdown();
		try {
			PrometheusScrape before = scrape();
			String ok = runtime.startProcessInstanceByKey("jobMetricsOk").getId();
			String failing = runtime.startProcessInstanceByKey("jobMetricsFailing").getId();

			PrometheusScrape waiting = scrape();
			assertThat(delta(before, waiting, "tidings_engine_jobs_due")).isEqualTo(2);
			assertThat(delta(before, waiting, "tidings_engine_jobs_total", "outcome", "acquired")).isZero();

			executor.start();
			Eventually.within(Duration.ofSeconds(20),
					() -> runtime.createProcessInstanceQuery().processInstanceId(ok).count() == 0
							&& runtime.createIncidentQuery().processInstanceId(failing).count() == 1,
					done -> done);
			PrometheusScrape after = scrape();

			assertThat(delta(before, after, "tidings_engine_jobs_total", "outcome", "acquired"))
				.isGreaterThanOrEqualTo(2);
			assertThat(delta(before, after, "tidings_engine_jobs_total", "outcome", "executed"))
				.isGreaterThanOrEqualTo(1);
			assertThat(delta(before, after, "tidings_engine_jobs_total", "outcome", "failed")).isEqualTo(1);
			assertThat(delta(before, after, "tidings_engine_jobs_total", "outcome", "rejected")).isZero();
			assertThat(after.value("tidings_engine_jobs_due")).as("the two jobs are no longer due")
				.isLessThanOrEqualTo(waiting.value("tidings_engine_jobs_due") - 2);
			assertThat(delta(before, after, "tidings_engine_incidents_open")).isEqualTo(1);
		}
		finally {
			executor.start();
		}
	}

	@Test
	void theFiguresNeedALogin() {
		HttpResponse<String> anonymous = ApiClient.anonymous(port).get("/actuator/prometheus");
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.body()).doesNotContain("tidings_engine");
	}

	private PrometheusScrape scrape() {
		HttpResponse<String> response = api.get("/actuator/prometheus");
		assertThat(response.statusCode()).isEqualTo(200);
		PrometheusScrape scrape = PrometheusScrape.of(response.body());
		assertThat(scrape.has("tidings_engine_jobs_total")).isTrue();
		return scrape;
	}

	private static double delta(PrometheusScrape before, PrometheusScrape after, String name, String... labels) {
		return after.value(name, labels) - before.value(name, labels);
	}

	/**
	 * One asynchronous step running the expression, retried never: a failure is an
	 * incident.
	 */
	private static String process(String key, String expression) {
		return TestDiagrams.process(key, """
				<bpmn:sequenceFlow id="ToStep" sourceRef="Start" targetRef="Step" />
				<bpmn:serviceTask id="Step" camunda:asyncBefore="true" camunda:expression="%s">
				  <bpmn:extensionElements>
				    <camunda:failedJobRetryTimeCycle>R1/PT1S</camunda:failedJobRetryTimeCycle>
				  </bpmn:extensionElements>
				</bpmn:serviceTask>
				<bpmn:sequenceFlow id="ToEnd" sourceRef="Step" targetRef="End" />
				<bpmn:endEvent id="End" />""".formatted(expression));
	}

}
