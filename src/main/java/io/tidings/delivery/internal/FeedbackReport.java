package io.tidings.delivery.internal;

import java.util.List;

/**
 * What a feedback-loop report (ARF, RFC 5965) says about one mail we sent.
 *
 * @param feedbackType the Feedback-Type, lower case: {@code abuse}, {@code fraud},
 * {@code virus}, {@code other}, {@code not-spam} or an extension
 * @param userAgent the reporter's User-Agent (e.g. {@code Yahoo!-Mail-Feedback/2.0}), or
 * null
 * @param originalMessageId the reported mail's Message-ID with angle brackets, or null
 * when the report does not carry it
 * @param unsubscribeUrl the https URL of the reported mail's List-Unsubscribe header, or
 * null
 * @param recipients addresses the report says the mail went to, most trusted first
 * (Original-Rcpt-To, Removal-Recipient, the original's To); often redacted by the ISP
 * @param reportedDomain the Reported-Domain, or null
 * @param arrivalDate when the reported mail arrived (Arrival-Date or Received-Date), or
 * null
 */
record FeedbackReport(String feedbackType, String userAgent, String originalMessageId, String unsubscribeUrl,
		List<String> recipients, String reportedDomain, String arrivalDate) {

	FeedbackReport {
		recipients = List.copyOf(recipients);
	}

	/** The recipient said the mail is spam (or fraud): a complaint we must act on. */
	boolean complaint() {
		return "abuse".equals(feedbackType) || "fraud".equals(feedbackType);
	}

	/** The reporter as the suppression list and consent history name it. */
	String reporter() {
		return userAgent == null ? "feedback loop" : userAgent;
	}

	/** The signed token at the end of the unsubscribe URL ({@code .../u/{token}}). */
	String unsubscribeToken() {
		if (unsubscribeUrl == null) {
			return null;
		}
		String path = unsubscribeUrl.replaceFirst("[?#].*$", "");
		String token = path.substring(path.lastIndexOf('/') + 1);
		return token.isEmpty() ? null : token;
	}

}
