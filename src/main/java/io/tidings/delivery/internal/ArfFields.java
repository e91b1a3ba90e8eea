package io.tidings.delivery.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;

/**
 * What a feedback report (RFC 5965) says: its fields, and from the reported mail's
 * headers the recipients, Message-ID and one-click unsubscribe link, each read leniently.
 */
final class ArfFields {

	private static final Pattern HTTPS_LINK = Pattern.compile("<\\s*(https?://[^>\\s]+)\\s*>");

	private ArfFields() {
	}

	static FeedbackReport report(String type, InternetHeaders fields, InternetHeaders original) {
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

	/** A field's first value, unfolded and trimmed; null when absent or blank. */
	static String field(InternetHeaders headers, String name) {
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
