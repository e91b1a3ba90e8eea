package io.tidings.contact;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One import of a contacts file, as far as it has got.
 *
 * @param status RUNNING, COMPLETED or FAILED
 * @param rows the data rows read, each created, updated or rejected
 * @param failure why a FAILED import stopped
 * @param consent the consent the import vouched for and what it recorded, or null
 */
public record ContactImport(String id, String status, String startedBy, Instant startedAt, Instant finishedAt,
		long rows, long created, long updated, long rejected, String failure, Consent consent) {

	/**
	 * @param subscribed topic subscriptions recorded
	 * @param kept topic subscriptions not recorded because the contact had decided
	 * otherwise (unsubscribed, suppressed, double opt-in pending)
	 */
	public record Consent(List<String> topics, String source, long subscribed, long kept) {
	}

	public static final String RUNNING = "RUNNING";

	public static final String COMPLETED = "COMPLETED";

	public static final String FAILED = "FAILED";

	/** How long the import took, or has taken so far when {@code now} is given. */
	public double seconds(Instant now) {
		Instant end = finishedAt != null ? finishedAt : now;
		return Duration.between(startedAt, end).toMillis() / 1000.0;
	}

}
