package io.tidings.contact;

import java.time.Duration;
import java.time.Instant;

/**
 * One import of a contacts file, as far as it has got.
 *
 * @param status RUNNING, COMPLETED or FAILED
 * @param rows the data rows read, each created, updated or rejected
 * @param failure why a FAILED import stopped
 */
public record ContactImport(String id, String status, String startedBy, Instant startedAt, Instant finishedAt,
		long rows, long created, long updated, long rejected, String failure) {

	public static final String RUNNING = "RUNNING";

	public static final String COMPLETED = "COMPLETED";

	public static final String FAILED = "FAILED";

	/** How long the import took, or has taken so far when {@code now} is given. */
	public double seconds(Instant now) {
		Instant end = finishedAt != null ? finishedAt : now;
		return Duration.between(startedAt, end).toMillis() / 1000.0;
	}

}
