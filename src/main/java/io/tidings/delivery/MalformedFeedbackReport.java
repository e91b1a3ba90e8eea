package io.tidings.delivery;

/**
 * A body given as a feedback-loop report is not one: not MIME, not a multipart/report of
 * report-type feedback-report, or without the machine-readable feedback-report part (RFC
 * 5965). The message says which.
 */
public class MalformedFeedbackReport extends RuntimeException {

	public MalformedFeedbackReport(String message) {
		super(message);
	}

}
