package io.tidings.journey;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import io.tidings.support.PostgresApiTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.ConnectionCallback;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Camunda's PostgreSQL schema has no index on ACT_RU_JOB(DUEDATE_); Tidings adds one when
 * the engine has created its tables, and the job executor's question for due jobs can be
 * answered from it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JobDueDateIndexIT extends PostgresApiTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	@Test
	void theIndexExistsAfterStartAndCreatingItAgainIsHarmless() throws Exception {
		assertThat(indexDefinitions())
			.containsExactly("CREATE INDEX tidings_job_duedate ON public.act_ru_job USING btree (duedate_)");

		((InitializingBean) context.getBean("jobDueDateIndex")).afterPropertiesSet();

		assertThat(indexDefinitions()).hasSize(1);
	}

	@Test
	void theQueryForDueJobsCanBeAnsweredFromTheIndex() {
		// The executor's predicate (due date null or passed) as Camunda writes it; with
		// sequential scans off, the plan shows whether the index can answer it.
		String plan = jdbc.execute((ConnectionCallback<String>) connection -> {
			try (Statement statement = connection.createStatement()) {
				statement.execute("SET enable_seqscan = off");
				StringBuilder lines = new StringBuilder();
				try (ResultSet rows = statement.executeQuery("""
						EXPLAIN SELECT id_ FROM act_ru_job
						WHERE retries_ > 0 AND (duedate_ IS NULL OR duedate_ <= now()) AND suspension_state_ = 1
						LIMIT 10""")) {
					while (rows.next()) {
						lines.append(rows.getString(1)).append('\n');
					}
				}
				finally {
					statement.execute("RESET enable_seqscan");
				}
				return lines.toString();
			}
		});
		assertThat(plan).contains("tidings_job_duedate");
	}

	@Test
	void runningJobsAreFoundFromAnIndexOfTheLockedOnes() {
		assertThat(jdbc.queryForList("SELECT indexdef FROM pg_indexes WHERE indexname = 'tidings_job_locked'",
				String.class))
			.containsExactly("CREATE INDEX tidings_job_locked ON public.act_ru_job USING btree (lock_exp_time_)"
					+ " WHERE (lock_owner_ IS NOT NULL)");
	}

	@Test
	void aJobWithoutADueDateIsGivenOneAtStartSoTheExecutorTakesIt() throws Exception {
		repository.createDeployment()
			.addModelInstance("due-date-probe.bpmn",
					Bpmn.createExecutableProcess("dueDateProbe")
						.camundaHistoryTimeToLive(1)
						.startEvent()
						.intermediateCatchEvent()
						.timerWithDuration("P1D")
						.endEvent()
						.done())
			.deploy();
		String instance = runtime.startProcessInstanceByKey("dueDateProbe").getId();
		// As a job written before Tidings set ensure-job-due-date-not-null would be.
		jdbc.update("UPDATE act_ru_job SET duedate_ = NULL WHERE process_instance_id_ = ?", instance);

		((InitializingBean) context.getBean("jobDueDateIndex")).afterPropertiesSet();

		assertThat(jdbc.queryForObject("SELECT count(*) FROM act_ru_job WHERE duedate_ IS NULL", Integer.class))
			.isZero();
	}

	private List<String> indexDefinitions() {
		return jdbc.queryForList("SELECT indexdef FROM pg_indexes WHERE indexname = 'tidings_job_duedate'",
				String.class);
	}

}
