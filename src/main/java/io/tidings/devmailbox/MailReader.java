package io.tidings.devmailbox;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import jakarta.mail.Address;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

/**
 * Reads a received MIME message into what the mailbox page and its JSON show.
 */
final class MailReader {

	private MailReader() {
	}

	static CapturedMail read(int number, MimeMessage message) {
		try {
			Bodies bodies = new Bodies();
			collect(message, bodies);
			return new CapturedMail(number, message.getMessageID(), first(message.getFrom()),
					addresses(message.getAllRecipients()), message.getSubject(),
					message.getSentDate() == null ? null : message.getSentDate().toInstant(), bodies.text, bodies.html,
					headers(message));
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException("Could not read captured mail #" + number, ex);
		}
	}

	private static void collect(Part part, Bodies bodies) throws MessagingException, IOException {
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				collect(multipart.getBodyPart(i), bodies);
			}
		}
		else if (part.isMimeType("text/plain") && bodies.text == null) {
			bodies.text = (String) part.getContent();
		}
		else if (part.isMimeType("text/html") && bodies.html == null) {
			bodies.html = (String) part.getContent();
		}
	}

	private static List<CapturedMail.Header> headers(MimeMessage message) throws MessagingException {
		List<CapturedMail.Header> headers = new ArrayList<>();
		for (Header header : Collections.list(message.getAllHeaders())) {
			headers.add(new CapturedMail.Header(header.getName(), decode(header.getValue())));
		}
		return headers;
	}

	private static String decode(String value) {
		try {
			return MimeUtility.decodeText(MimeUtility.unfold(value));
		}
		catch (IOException ex) {
			return value;
		}
	}

	private static String first(Address[] addresses) {
		return addresses == null || addresses.length == 0 ? null : decode(addresses[0].toString());
	}

	private static List<String> addresses(Address[] addresses) {
		return addresses == null ? List.of()
				: Arrays.stream(addresses).map(Address::toString).map(MailReader::decode).toList();
	}

	private static final class Bodies {

		private String text;

		private String html;

	}

}
