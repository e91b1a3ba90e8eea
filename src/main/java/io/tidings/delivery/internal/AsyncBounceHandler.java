package io.tidings.delivery.internal;

/**
 * Records a bounce that came back after the mail was accepted, as a delivery status
 * report in the bounce mailbox, so that it counts like a 5xx reply at send time.
 * <p>
 * The poller calls this for each permanently failed recipient of a report before it marks
 * the report seen. A crash or a failure in between (an exception from this method
 * included) leaves the report unseen, and the whole report is handed over again at the
 * next poll: an implementation must accept the same bounce twice and change nothing the
 * second time.
 */
interface AsyncBounceHandler {

	/**
	 * @param originalMessageId the Message-ID of the bounced mail in the form the outbox
	 * stores it, with angle brackets: {@code <uuid@domain>}
	 * @param recipient the address that bounced, as the report names it, without a
	 * {@code rfc822;} prefix or angle brackets
	 * @param diagnostic the receiving server's reason (the report's Diagnostic-Code
	 * without its {@code smtp;} type), or the status code (e.g. {@code 5.1.1}) when it
	 * gives none
	 * @return whether a delivery with that Message-ID was found
	 */
	boolean recordAsyncBounce(String originalMessageId, String recipient, String diagnostic);

}
