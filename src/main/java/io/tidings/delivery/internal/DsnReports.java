package io.tidings.delivery.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a received mail as a delivery status report (RFC 3464): a multipart/report of
 * report-type delivery-status with a message/delivery-status part. The mail it reports on
 * is known by its Message-ID only, taken from the returned message or its headers
 * (message/rfc822, text/rfc822-headers), else from the report's own In-Reply-To or
 * References.
 */
final class DsnReports {

	private static final Logger log = LoggerFactory.getLogger(DsnReports.class);

	private static final int MAX_STATUS_BYTES = 256 * 1024;

	private static final int MAX_NESTING = 3;

	private static final Pattern MESSAGE_ID = Pattern.compile("<\\s*([^<>\\s]+@[^<>\\s]+)\\s*>");

	private static final Pattern BARE_MESSAGE_ID = Pattern.compile("^\\s*([^<>\\s]+@[^<>\\s]+)\\s*$");

	private DsnReports() {
	}

	/**
	 * Every recipient the report tells about, failed or not
	 * ({@link ReportedBounce#permanent()} tells the hard bounces). Empty for anything
	 * that is not such a report, and for a report that does not say which mail it is
	 * about. Never throws.
	 */
	static List<ReportedBounce> read(MimeMessage message) {
		try {
			Multipart report = findReport(message, 0);
			if (report == null) {
				return List.of();
			}
			String status = null;
			String originalId = null;
			for (int i = 0; i < report.getCount(); i++) {
				BodyPart part = report.getBodyPart(i);
				if (status == null && isAny(part, "message/delivery-status", "message/global-delivery-status")) {
					status = text(part);
				}
				else if (originalId == null && isAny(part, "message/rfc822", "text/rfc822-headers", "message/global",
						"message/global-headers")) {
					originalId = messageIdOf(part);
				}
			}
			if (originalId == null) {
				originalId = messageId(message.getHeader("In-Reply-To", " "), false);
			}
			if (originalId == null) {
				originalId = messageId(message.getHeader("References", " "), true);
			}
			if (status == null || originalId == null) {
				log.debug("Delivery status report {} without {}", message.getMessageID(),
						status == null ? "a status part" : "the original Message-ID");
				return List.of();
			}
			return recipients(originalId, status);
		}
		catch (MessagingException | IOException | RuntimeException ex) {
			log.debug("Not a readable delivery status report: {}", ex.toString());
			return List.of();
		}
	}

	private static Multipart findReport(Part part, int depth) throws MessagingException, IOException {
		if (part.isMimeType("multipart/report")) {
			String type = new ContentType(part.getContentType()).getParameter("report-type");
			return "delivery-status".equalsIgnoreCase(type == null ? null : type.strip())
					&& part.getContent() instanceof Multipart report ? report : null;
		}
		if (part.isMimeType("multipart/*") && depth < MAX_NESTING && part.getContent() instanceof Multipart parts) {
			for (int i = 0; i < parts.getCount(); i++) {
				Multipart found = findReport(parts.getBodyPart(i), depth + 1);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	private static List<ReportedBounce> recipients(String originalId, String status) {
		List<ReportedBounce> bounces = new ArrayList<>();
		for (Map<String, String> fields : DeliveryStatusFields.groups(status)) {
			// The mail we sent went to the original recipient; the final one may be an
			// alias it was rewritten to.
			String recipient = DeliveryStatusFields.address(fields.get("original-recipient"));
			if (recipient == null) {
				recipient = DeliveryStatusFields.address(fields.get("final-recipient"));
			}
			if (recipient == null) {
				continue;
			}
			String code = DeliveryStatusFields.status(fields.get("status"));
			String diagnostic = DeliveryStatusFields.untyped(fields.get("diagnostic-code"));
			bounces.add(new ReportedBounce(originalId, recipient, code,
					DeliveryStatusFields.action(fields.get("action")), diagnostic == null ? code : diagnostic));
		}
		return bounces;
	}

	private static boolean isAny(Part part, String... types) throws MessagingException {
		for (String type : types) {
			if (part.isMimeType(type)) {
				return true;
			}
		}
		return false;
	}

	private static String text(Part part) throws MessagingException, IOException {
		try (InputStream in = part.getInputStream()) {
			return new String(in.readNBytes(MAX_STATUS_BYTES), StandardCharsets.UTF_8);
		}
	}

	/** The Message-ID in the headers of a returned message, whole or headers only. */
	private static String messageIdOf(Part part) throws MessagingException, IOException {
		try (InputStream in = part.getInputStream()) {
			return messageId(new InternetHeaders(in).getHeader("Message-ID", " "), false);
		}
	}

	/**
	 * The first (or last) Message-ID in a header, in the form the outbox stores it:
	 * {@code <id@domain>}. Feedback reports (ARF) name the original mail the same way.
	 */
	static String messageId(String header, boolean last) {
		if (header == null) {
			return null;
		}
		Matcher ids = MESSAGE_ID.matcher(header);
		String found = null;
		while (ids.find()) {
			found = "<" + ids.group(1) + ">";
			if (!last) {
				return found;
			}
		}
		if (found == null) {
			Matcher bare = BARE_MESSAGE_ID.matcher(header);
			found = bare.matches() ? "<" + bare.group(1) + ">" : null;
		}
		return found;
	}

}
