package io.tidings.delivery;

/**
 * Spam complaints from mailbox providers' feedback loops, as Abuse Reporting Format
 * reports (RFC 5965). An {@code abuse} or {@code fraud} report about a mail we sent
 * suppresses its address as a complaint and unsubscribes its contact from all marketing
 * mail; other feedback types ({@code not-spam}, {@code virus}, {@code other}) change
 * nothing. The same report twice changes nothing the second time.
 */
public interface FeedbackLoop {

	/**
	 * @param report the report as received: a whole message, or the multipart/report body
	 * alone when {@code contentType} is its multipart/report type
	 * @param contentType the type the report came with (message/rfc822, text/plain or
	 * multipart/report with its boundary)
	 * @throws MalformedFeedbackReport when it is not such a report; nothing is stored
	 */
	FeedbackReceipt receive(byte[] report, String contentType);

}
