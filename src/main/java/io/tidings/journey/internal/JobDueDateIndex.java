package io.tidings.journey.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * An index on {@code ACT_RU_JOB(DUEDATE_)}, which Camunda's schema lacks: the job
 * executor asks every second for due jobs, and with a million contacts parked on timers
 * that question would read the whole table. Camunda creates its own tables when the
 * engine starts, after Flyway ran, so the index is created here, once the engine exists,
 * if it is not there yet. On PostgreSQL concurrently, so a large table stays writable
 * meanwhile.
 * <p>
 * The engine is set to give every job a due date and to take due jobs in due-date order
 * ({@code ensure-job-due-date-not-null}, {@code job-executor-acquire-by-due-date} in
 * application.yml): its question for due jobs is then a range of this index read in
 * order, which stops after the few jobs it takes. Without an order it read the table from
 * its start, past every page emptied by jobs already run, so with a million timers due it
 * took up to 400 ms per question and fired about 20 a second (bench/perf). The question
 * also looks for jobs of the same instance that are running now; on PostgreSQL a second,
 * partial index holds just the locked jobs, so that look is not a scan of the whole table
 * either (280 ms before it, 1.8 ms after, with a million due). Jobs written before that
 * setting, without a due date, are given one here, before the job executor starts; they
 * would not be taken otherwise.
 */
@Component
class JobDueDateIndex implements InitializingBean {

	static final String NAME = "tidings_job_duedate";

	static final String LOCKED = "tidings_job_locked";

	private static final Logger log = LoggerFactory.getLogger(JobDueDateIndex.class);

	private final DataSource dataSource;

	JobDueDateIndex(DataSource dataSource, ProcessEngine engine) {
		// The engine is a parameter so that its schema exists first.
		this.dataSource = dataSource;
	}

	@Override
	public void afterPropertiesSet() {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			boolean postgres = connection.getMetaData().getDatabaseProductName().equalsIgnoreCase("PostgreSQL");
			connection.setAutoCommit(true);
			statement.execute("CREATE INDEX " + (postgres ? "CONCURRENTLY " : "") + "IF NOT EXISTS " + NAME
					+ " ON act_ru_job (duedate_)");
			if (postgres) {
				// H2 has no partial indexes; the zero-setup profile does without.
				statement.execute("CREATE INDEX CONCURRENTLY IF NOT EXISTS " + LOCKED
						+ " ON act_ru_job (lock_exp_time_) WHERE lock_owner_ IS NOT NULL");
			}
			int dated = statement
				.executeUpdate("UPDATE act_ru_job SET duedate_ = CURRENT_TIMESTAMP WHERE duedate_ IS NULL");
			if (dated > 0) {
				log.info("Gave {} jobs without a due date one, so the job executor takes them", dated);
			}
		}
		catch (SQLException ex) {
			// Another node creating it at the same moment, or a database that refuses:
			// timers still fire, only their lookup is slower.
			log.warn("Could not create the index {} on ACT_RU_JOB(DUEDATE_) or date the undated jobs: {}", NAME,
					ex.getMessage());
		}
	}

}
