package io.tidings.journey.internal;

import java.time.Duration;

import io.tidings.platform.ReusedReading;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;

/**
 * The job executor's backlog and the open incidents, read from the database every node
 * shares and reused for {@code refresh}, so scrapes cost the database little.
 */
class JobBacklog {

	/**
	 * @param dueJobs active jobs due now (or without a due date) with retries left,
	 * including those being executed
	 * @param openIncidents incidents not yet resolved
	 */
	record Reading(long dueJobs, long openIncidents) {
	}

	private final ReusedReading<Reading> reading;

	JobBacklog(ManagementService management, RuntimeService runtime, Duration refresh) {
		this.reading = new ReusedReading<>(() -> new Reading(management.createJobQuery().executable().active().count(),
				runtime.createIncidentQuery().count()), refresh);
	}

	Reading read() {
		return reading.get();
	}

}
