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
 * The job executor's question for due jobs also looks for running jobs of the same
 * instance; on PostgreSQL a second, partial index holds just the locked jobs, so that
 * look is not a scan of the whole table (with a million timers due it took 280 ms of the
 * question's 281 ms, and timers fired at about 20 a second; 1.8 ms with this index,
 * bench/perf). With {@code TIDINGS_JOB_ACQUISITION_BY_DUE_DATE} (on by default) every job
 * gets a due date and due jobs are taken earliest first from the first index; jobs
 * written without a due date are given one here, before the job executor starts, since
 * that question would not find them (harmless otherwise: no due date means due now).
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
