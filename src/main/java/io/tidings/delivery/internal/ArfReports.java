package io.tidings.delivery.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

import io.tidings.delivery.MalformedFeedbackReport;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a feedback-loop report in the Abuse Reporting Format (RFC 5965): a
 * multipart/report of report-type feedback-report whose second part,
 * message/feedback-report, holds the machine-readable fields, and whose third part is the
 * reported mail (message/rfc822) or its headers (text/rfc822-headers). Lenient where real
 * reporters differ from the RFC (field case, a missing report-type, a report forwarded
 * inside another message); strict where we could not act: no feedback-report part, no
 * Feedback-Type. {@link ArfParts} finds the parts, {@link ArfFields} reads what they say.
 */
final class ArfReports {

	private static final Logger log = LoggerFactory.getLogger(ArfReports.class);

	private static final Session SESSION = Session.getInstance(new Properties());

	private ArfReports() {
	}

	/**
	 * A report as an HTTP body: a whole message, or the multipart/report body alone when
	 * the content type is the report's own.
	 * @throws MalformedFeedbackReport saying what is wrong
	 */
	static FeedbackReport parse(byte[] body, String contentType) {
		if (body == null || body.length == 0 || new String(body, StandardCharsets.ISO_8859_1).isBlank()) {
			throw new MalformedFeedbackReport(
					"The body is empty; send the feedback report (RFC 5965) as received, " + "as message/rfc822");
		}
		for (byte b : body) {
			if (b == 0) {
				throw new MalformedFeedbackReport(
						"The body is not a MIME message: it holds a NUL byte, which no mail may (RFC 5322)");
			}
		}
		InputStream in = new ByteArrayInputStream(body);
		if (contentType != null && contentType.strip().toLowerCase(Locale.ROOT).startsWith("multipart/")) {
			byte[] headers = ("MIME-Version: 1.0\r\nContent-Type: " + contentType.replaceAll("[\\r\\n]+", " ")
					+ "\r\n\r\n")
				.getBytes(StandardCharsets.ISO_8859_1);
			in = new SequenceInputStream(new ByteArrayInputStream(headers), in);
		}
		try {
			return parse(new MimeMessage(SESSION, in));
		}
		catch (MessagingException ex) {
			throw new MalformedFeedbackReport("The body is not a readable MIME message: " + ex.getMessage());
		}
	}

	/**
	 * A report read from the bounce mailbox; empty for anything else. Never throws.
	 */
	static Optional<FeedbackReport> read(MimeMessage message) {
		try {
			return Optional.of(parse(message));
		}
		catch (RuntimeException ex) {
			log.debug("Not a feedback report: {}", ex.getMessage());
			return Optional.empty();
		}
	}

	/**
	 * @throws MalformedFeedbackReport saying what is wrong
	 */
	static FeedbackReport parse(MimeMessage message) {
		try {
			if (message.getHeader("Content-Type") == null && message.getHeader("MIME-Version") == null
					&& message.getHeader("From") == null) {
				throw new MalformedFeedbackReport("The body is not a MIME message: it starts with no mail headers "
						+ "(From, MIME-Version, Content-Type)");
			}
			Multipart report = ArfParts.findReport(message);
			if (report == null) {
				throw new MalformedFeedbackReport("Not a feedback report: expected multipart/report; "
						+ "report-type=feedback-report (RFC 5965), got " + ArfParts.baseType(message));
			}
			InternetHeaders fields = null;
			InternetHeaders original = null;
			for (int i = 0; i < report.getCount(); i++) {
				BodyPart part = report.getBodyPart(i);
				if (fields == null && part.isMimeType("message/feedback-report")) {
					fields = ArfParts.headers(part);
				}
				else if (original == null && ArfParts.isAny(part, "message/rfc822", "text/rfc822-headers",
						"message/global", "message/global-headers")) {
					original = ArfParts.headers(part);
				}
			}
			if (fields == null) {
				throw new MalformedFeedbackReport(
						"The multipart/report has no message/feedback-report part, so it does not say what "
								+ "is reported (RFC 5965, section 2)");
			}
			String type = ArfFields.field(fields, "Feedback-Type");
			if (type == null) {
				throw new MalformedFeedbackReport("The message/feedback-report part has no Feedback-Type field");
			}
			return ArfFields.report(type.toLowerCase(Locale.ROOT), fields, original);
		}
		catch (MessagingException | IOException ex) {
			throw new MalformedFeedbackReport("The body is not a readable MIME message: " + ex.getMessage());
		}
	}

}
