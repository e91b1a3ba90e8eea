package io.tidings.delivery.internal;

/**
 * What a delivery status report says about one recipient of one mail we sent.
 *
 * @param originalMessageId the sent mail's Message-ID, with angle brackets
 * @param recipient the address, without its {@code rfc822;} type or angle brackets
 * @param status the enhanced status code ({@code 5.1.1}), or null if the report has none
 * @param action {@code failed}, {@code delayed}, {@code delivered}, {@code relayed} or
 * {@code expanded}, lower case, or null if the report has none
 * @param diagnostic the receiving server's reply without its {@code smtp;} type, else the
 * status code
 */
record ReportedBounce(String originalMessageId, String recipient, String status, String action, String diagnostic) {

	/**
	 * A hard bounce: the report gave up ({@code failed}) for a permanent (5.x.x) reason.
	 * A failure with a 4.x.x status (typically "gave up retrying") is not one.
	 */
	boolean permanent() {
		return "failed".equals(action) && status != null && status.startsWith("5.");
	}

}
