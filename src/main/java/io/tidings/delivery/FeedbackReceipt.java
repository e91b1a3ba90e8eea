package io.tidings.delivery;

/**
 * What became of one feedback-loop report.
 *
 * @param feedbackType the report's Feedback-Type, lower case ({@code abuse},
 * {@code fraud}, {@code not-spam}, ...)
 * @param matched whether the report names a mail we sent
 * @param matchedBy how it was found: {@code message-id}, {@code unsubscribe-link} (the
 * original's List-Unsubscribe, when the ISP rewrote or dropped the Message-ID) or
 * {@code recipient}; null when not matched
 * @param deliveryId the delivery reported, when matched
 * @param addressSuppressed whether the recipient's address is now suppressed as a
 * complaint (false for a repeated report: the first one did it)
 * @param contactUnsubscribed whether its contact was unsubscribed from all marketing
 * @param outcome {@code complaint-recorded}, {@code already-recorded}, {@code ignored} (a
 * feedback type that is no complaint, such as not-spam) or {@code unmatched}
 */
public record FeedbackReceipt(String feedbackType, boolean matched, String matchedBy, String deliveryId,
		boolean addressSuppressed, boolean contactUnsubscribed, String outcome) {

	public static final String RECORDED = "complaint-recorded";

	public static final String ALREADY_RECORDED = "already-recorded";

	public static final String IGNORED = "ignored";

	public static final String UNMATCHED = "unmatched";

}
