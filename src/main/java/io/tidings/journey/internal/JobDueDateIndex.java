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
 */
@Component
class JobDueDateIndex implements InitializingBean {

	static final String NAME = "tidings_job_duedate";

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
		}
		catch (SQLException ex) {
			// Another node creating it at the same moment, or a database that refuses:
			// timers still fire, only their lookup is slower.
			log.warn("Could not create the index {} on ACT_RU_JOB(DUEDATE_): {}", NAME, ex.getMessage());
		}
	}

}
