package io.tidings.delivery.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;

/**
 * Where the parts of a feedback report (RFC 5965) are in a message: the multipart/report
 * itself, or one forwarded inside the message, and the headers its parts hold, read up to
 * a bound.
 */
final class ArfParts {

	private static final int MAX_PART_BYTES = 256 * 1024;

	private static final int MAX_NESTING = 3;

	private ArfParts() {
	}

	/** The report in the message, or null. */
	static Multipart findReport(MimeMessage message) throws MessagingException, IOException {
		return findReport(message, 0);
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

	static String baseType(Part part) {
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

	static boolean isAny(Part part, String... types) throws MessagingException {
		for (String type : types) {
			if (part.isMimeType(type)) {
				return true;
			}
		}
		return false;
	}

	/** The fields of a feedback-report part, or the headers of the reported mail. */
	static InternetHeaders headers(Part part) throws MessagingException, IOException {
		try (InputStream in = part.getInputStream()) {
			return new InternetHeaders(new ByteArrayInputStream(in.readNBytes(MAX_PART_BYTES)));
		}
	}

}
