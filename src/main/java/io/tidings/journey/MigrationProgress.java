package io.tidings.journey;

import java.time.Instant;

/**
 * One migration batch as far as it got.
 *
 * @param status RUNNING or COMPLETED
 * @param instances instances the batch moves
 * @param blocked instances of its source version left behind
 * @param failedJobs jobs that failed and wait in Cockpit as incidents; their instances
 * have not moved
 */
public record MigrationProgress(String batchId, String journeyKey, int fromVersion, int toVersion, String status,
		long instances, long blocked, int completedJobs, int remainingJobs, int failedJobs, String startedBy,
		Instant startedAt, Instant endedAt) {

	public static final String RUNNING = "RUNNING";

	public static final String COMPLETED = "COMPLETED";

}
