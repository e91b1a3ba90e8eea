package io.tidings.delivery.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tidings.delivery.MalformedFeedbackReport;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
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
 * Feedback-Type.
 */
final class ArfReports {

	private static final Logger log = LoggerFactory.getLogger(ArfReports.class);

	private static final Session SESSION = Session.getInstance(new Properties());

	private static final int MAX_PART_BYTES = 256 * 1024;

	private static final int MAX_NESTING = 3;

	private static final Pattern HTTPS_LINK = Pattern.compile("<\\s*(https?://[^>\\s]+)\\s*>");

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
			Multipart report = findReport(message, 0);
			if (report == null) {
				throw new MalformedFeedbackReport("Not a feedback report: expected multipart/report; "
						+ "report-type=feedback-report (RFC 5965), got " + baseType(message));
			}
			InternetHeaders fields = null;
			InternetHeaders original = null;
			for (int i = 0; i < report.getCount(); i++) {
				BodyPart part = report.getBodyPart(i);
				if (fields == null && part.isMimeType("message/feedback-report")) {
					fields = headers(part);
				}
				else if (original == null && isAny(part, "message/rfc822", "text/rfc822-headers", "message/global",
						"message/global-headers")) {
					original = headers(part);
				}
			}
			if (fields == null) {
				throw new MalformedFeedbackReport(
						"The multipart/report has no message/feedback-report part, so it does not say what "
								+ "is reported (RFC 5965, section 2)");
			}
			String type = field(fields, "Feedback-Type");
			if (type == null) {
				throw new MalformedFeedbackReport("The message/feedback-report part has no Feedback-Type field");
			}
			return report(type.toLowerCase(Locale.ROOT), fields, original);
		}
		catch (MessagingException | IOException ex) {
			throw new MalformedFeedbackReport("The body is not a readable MIME message: " + ex.getMessage());
		}
	}

	private static FeedbackReport report(String type, InternetHeaders fields, InternetHeaders original) {
		List<String> recipients = new ArrayList<>();
		addresses(fields.getHeader("Original-Rcpt-To"), recipients);
		addresses(fields.getHeader("Removal-Recipient"), recipients);
		String messageId = null;
		String unsubscribeUrl = null;
		if (original != null) {
			addresses(original.getHeader("To"), recipients);
			messageId = DsnReports.messageId(original.getHeader("Message-ID", " "), false);
			String unsubscribe = original.getHeader("List-Unsubscribe", " ");
			Matcher link = HTTPS_LINK.matcher(unsubscribe == null ? "" : unsubscribe);
			unsubscribeUrl = link.find() ? link.group(1) : null;
		}
		String arrival = field(fields, "Arrival-Date");
		return new FeedbackReport(type, field(fields, "User-Agent"), messageId, unsubscribeUrl, recipients,
				field(fields, "Reported-Domain"), arrival != null ? arrival : field(fields, "Received-Date"));
	}

	/**
	 * The report in the message: the message itself, or one forwarded inside it (a
	 * multipart/mixed with the report attached, as some providers and mail relays send
	 * it).
	 */
	private static Multipart findReport(Part part, int depth) throws MessagingException, IOException {
		if (part.isMimeType("multipart/report") && part.getContent() instanceof Multipart report
				&& (isFeedbackReport(part) || hasFeedbackPart(report))) {
			return report;
		}
		if (depth >= MAX_NESTING) {
			return null;
		}
		if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart parts) {
			for (int i = 0; i < parts.getCount(); i++) {
				Multipart found = findReport(parts.getBodyPart(i), depth + 1);
				if (found != null) {
					return found;
				}
			}
		}
		else if (part.isMimeType("message/rfc822") && part.getContent() instanceof MimeMessage inner) {
			return findReport(inner, depth + 1);
		}
		return null;
	}

	private static boolean isFeedbackReport(Part part) throws MessagingException {
		String type = new ContentType(part.getContentType()).getParameter("report-type");
		return type != null && type.strip().equalsIgnoreCase("feedback-report");
	}

	private static boolean hasFeedbackPart(Multipart report) throws MessagingException {
		for (int i = 0; i < report.getCount(); i++) {
			if (report.getBodyPart(i).isMimeType("message/feedback-report")) {
				return true;
			}
		}
		return false;
	}

	private static String baseType(Part part) {
		try {
			ContentType type = new ContentType(part.getContentType());
			String reportType = type.getParameter("report-type");
			return type.getBaseType().toLowerCase(Locale.ROOT)
					+ (reportType == null ? "" : "; report-type=" + reportType.strip());
		}
		catch (MessagingException ex) {
			return "an unreadable content type";
		}
	}

	private static boolean isAny(Part part, String... types) throws MessagingException {
		for (String type : types) {
			if (part.isMimeType(type)) {
				return true;
			}
		}
		return false;
	}

	/** The fields of a feedback-report part, or the headers of the reported mail. */
	private static InternetHeaders headers(Part part) throws MessagingException, IOException {
		try (InputStream in = part.getInputStream()) {
			return new InternetHeaders(new ByteArrayInputStream(in.readNBytes(MAX_PART_BYTES)));
		}
	}

	/** A field's first value, unfolded and trimmed; null when absent or blank. */
	private static String field(InternetHeaders headers, String name) {
		String[] values = headers.getHeader(name);
		if (values == null || values.length == 0) {
			return null;
		}
		String value = values[0].replaceAll("\\s+", " ").strip();
		return value.isEmpty() ? null : value;
	}

	/** The addresses in header values, without display names, angle brackets or types. */
	private static void addresses(String[] values, List<String> into) {
		if (values == null) {
			return;
		}
		for (String value : values) {
			String unfolded = value.replaceAll("\\s+", " ").replaceFirst("(?i)^\\s*rfc822\\s*;", "");
			try {
				for (InternetAddress address : InternetAddress.parseHeader(unfolded, false)) {
					String email = address.getAddress();
					if (email != null && email.indexOf('@') > 0
							&& into.stream().noneMatch(known -> known.equalsIgnoreCase(email))) {
						into.add(email);
					}
				}
			}
			catch (AddressException ex) {
				// A redacted or mangled address identifies nobody; the others may.
			}
		}
	}

}
