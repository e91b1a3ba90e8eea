package io.tidings.devmailbox;

import java.time.Instant;
import java.util.List;

/**
 * A mail the embedded SMTP server received.
 *
 * @param number its place in arrival order, starting at 1
 * @param headers every header in wire order, as name and value
 */
public record CapturedMail(int number, String messageId, String from, List<String> to, String subject, Instant date,
		String text, String html, List<CapturedMail.Header> headers) {

	public record Header(String name, String value) {
	}

}
