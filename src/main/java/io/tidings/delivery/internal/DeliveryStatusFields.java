package io.tidings.delivery.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The body of a message/delivery-status part (RFC 3464): groups of header-style fields
 * separated by blank lines, first the per-message group, then one group per recipient.
 */
final class DeliveryStatusFields {

	private static final Pattern TYPE_PREFIX = Pattern.compile("^\\s*[A-Za-z0-9][A-Za-z0-9.+-]*\\s*;");

	private static final Pattern STATUS = Pattern.compile("\\b[245]\\.\\d{1,3}\\.\\d{1,3}\\b");

	private DeliveryStatusFields() {
	}

	/**
	 * Each group of fields, names in lower case, continuation lines unfolded; a field
	 * named twice keeps its first value.
	 */
	static List<Map<String, String>> groups(String body) {
		List<Map<String, String>> groups = new ArrayList<>();
		Map<String, String> group = new LinkedHashMap<>();
		String field = null;
		for (String line : body.split("\\r?\\n|\\r")) {
			if (line.isBlank()) {
				if (!group.isEmpty()) {
					groups.add(group);
					group = new LinkedHashMap<>();
				}
				field = null;
			}
			else if (Character.isWhitespace(line.charAt(0))) {
				if (field != null) {
					group.computeIfPresent(field, (name, value) -> value + " " + line.strip());
				}
			}
			else {
				int colon = line.indexOf(':');
				field = colon > 0 ? line.substring(0, colon).strip().toLowerCase(Locale.ROOT) : null;
				if (field != null) {
					group.putIfAbsent(field, line.substring(colon + 1).strip());
				}
			}
		}
		if (!group.isEmpty()) {
			groups.add(group);
		}
		return groups;
	}

	/**
	 * The address of a recipient field ({@code rfc822; <Ann@Example.com>} gives
	 * {@code Ann@Example.com}), or null when there is none.
	 */
	static String address(String value) {
		String address = untyped(value);
		if (address == null) {
			return null;
		}
		if (address.startsWith("<") && address.endsWith(">")) {
			address = address.substring(1, address.length() - 1).strip();
		}
		return address.isEmpty() ? null : address;
	}

	/**
	 * A typed field's text without its type: {@code smtp; 550 ...} gives {@code 550 ...}.
	 */
	static String untyped(String value) {
		if (value == null) {
			return null;
		}
		Matcher type = TYPE_PREFIX.matcher(value);
		String text = (type.find() ? value.substring(type.end()) : value).strip();
		return text.isEmpty() ? null : text;
	}

	/** The enhanced status code in a Status field, without any comment after it. */
	static String status(String value) {
		if (value == null) {
			return null;
		}
		Matcher status = STATUS.matcher(value);
		return status.find() ? status.group() : null;
	}

	/** The action keyword in lower case, without any comment after it. */
	static String action(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return value.strip().split("[\\s(;]", 2)[0].toLowerCase(Locale.ROOT);
	}

}
