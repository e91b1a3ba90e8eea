package io.tidings.template.internal;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Shows event data in a mail the way the contact's language writes it, as
 * {@code ${format.money(data.total, data.currency)}} and the like. Event data come from
 * callers and may be missing or malformed: every method answers null (or an empty list)
 * for what it cannot show, so the template can leave it out instead of failing the send
 * step.
 */
public final class MailFormats {

	private static final int MAX_TEXT = 500;

	private final Locale locale;

	MailFormats(Locale locale) {
		this.locale = locale;
	}

	/**
	 * A one-line text, or null for nothing, blank text, or a list or object.
	 */
	public String text(Object value) {
		if (value == null || value instanceof Map || value instanceof Collection) {
			return null;
		}
		String text = String.valueOf(value).replaceAll("\\s+", " ").strip();
		if (text.isEmpty()) {
			return null;
		}
		return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "…" : text;
	}

	/** A number as the language writes it ({@code 12.5}, {@code 12,5}), or null. */
	public String number(Object value) {
		String given = text(value);
		if (given == null) {
			return null;
		}
		try {
			return NumberFormat.getNumberInstance(locale).format(new BigDecimal(given));
		}
		catch (NumberFormatException notANumber) {
			return null;
		}
	}

	/**
	 * An amount with its currency ({@code €59.90}, {@code 59,90 €}), or null when the
	 * amount is no number; a currency that is no ISO 4217 code is written after the
	 * number.
	 */
	public String money(Object amount, Object currency) {
		String given = text(amount);
		if (given == null) {
			return null;
		}
		BigDecimal number;
		try {
			number = new BigDecimal(given);
		}
		catch (NumberFormatException notANumber) {
			return null;
		}
		String code = text(currency);
		try {
			if (code != null) {
				NumberFormat format = NumberFormat.getCurrencyInstance(locale);
				format.setCurrency(Currency.getInstance(code.toUpperCase(Locale.ROOT)));
				return format.format(number);
			}
		}
		catch (IllegalArgumentException unknownCurrency) {
			return NumberFormat.getNumberInstance(locale).format(number) + " " + code;
		}
		NumberFormat plain = NumberFormat.getNumberInstance(locale);
		plain.setMinimumFractionDigits(2);
		plain.setMaximumFractionDigits(2);
		return plain.format(number);
	}

	/**
	 * A moment (ISO-8601 with an offset, or {@code Z}) in the contact's time zone, as the
	 * language writes a date and time, with the offset: {@code 2 March 2026, 09:15
	 * (GMT+1)}.
	 */
	public String dateTime(Object moment, Object zone) {
		String given = text(moment);
		if (given == null) {
			return null;
		}
		Instant instant;
		try {
			instant = OffsetDateTime.parse(given).toInstant();
		}
		catch (DateTimeParseException notAMoment) {
			return null;
		}
		ZoneId zoneId = ZoneOffset.UTC;
		try {
			String zoneName = text(zone);
			if (zoneName != null) {
				zoneId = ZoneId.of(zoneName);
			}
		}
		catch (DateTimeException unknownZone) {
			// UTC, as for a contact without a zone
		}
		return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
			.withLocale(locale)
			.format(instant.atZone(zoneId)) + " ("
				+ DateTimeFormatter.ofPattern("O", locale).format(instant.atZone(zoneId)) + ")";
	}

	/** An http(s) address to link to, or null: nothing else belongs in a mail's link. */
	public String link(Object url) {
		String given = text(url);
		if (given == null || given.contains(" ")) {
			return null;
		}
		String lower = given.toLowerCase(Locale.ROOT);
		return lower.startsWith("https://") || lower.startsWith("http://") ? given : null;
	}

	/**
	 * The lines of a cart or an order ({@code [{"name", "quantity", "price"}]}) with
	 * {@code name}, {@code quantity} (null when not a whole number) and {@code price}
	 * (shown with the currency); entries without a name are left out.
	 */
	public List<Map<String, Object>> items(Object items, Object currency) {
		List<Map<String, Object>> lines = new ArrayList<>();
		if (!(items instanceof Collection<?> entries)) {
			return lines;
		}
		for (Object entry : entries) {
			if (entry instanceof Map<?, ?> item && text(item.get("name")) != null) {
				Map<String, Object> line = new LinkedHashMap<>();
				line.put("name", text(item.get("name")));
				line.put("quantity", quantity(item.get("quantity")));
				line.put("price", money(item.get("price"), currency));
				lines.add(line);
			}
		}
		return lines;
	}

	private Integer quantity(Object value) {
		try {
			String given = text(value);
			return given == null ? null : new BigDecimal(given).intValueExact();
		}
		catch (ArithmeticException | NumberFormatException notWhole) {
			return null;
		}
	}

}
