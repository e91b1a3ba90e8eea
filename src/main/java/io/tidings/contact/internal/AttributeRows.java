package io.tidings.contact.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps contact_attributes, one row per scalar attribute, in step with the contact's JSON
 * attributes, so segment rules can ask for them in SQL. Objects and arrays stay in the
 * JSON only.
 */
@Component
class AttributeRows {

	private static final int MAX_TEXT = 1000;

	private final JdbcTemplate jdbc;

	AttributeRows(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void replace(String contactId, Map<String, Object> attributes, boolean existing) {
		if (existing) {
			jdbc.update("DELETE FROM contact_attributes WHERE contact_id = ?", contactId);
		}
		List<Object[]> rows = new ArrayList<>();
		attributes.forEach((name, value) -> {
			Object[] row = row(contactId, name, value);
			if (row != null) {
				rows.add(row);
			}
		});
		if (!rows.isEmpty()) {
			jdbc.batchUpdate(
					"""
							INSERT INTO contact_attributes (contact_id, name, text_value, number_value, boolean_value, date_value)
							VALUES (?, ?, ?, ?, ?, ?)""",
					rows);
		}
	}

	static Object[] row(String contactId, String name, Object value) {
		if (value instanceof String text) {
			return new Object[] { contactId, name, text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text, null,
					null, dateOrNull(text) };
		}
		if (value instanceof Number number) {
			return new Object[] { contactId, name, null, new BigDecimal(number.toString()), null, null };
		}
		if (value instanceof Boolean flag) {
			return new Object[] { contactId, name, null, null, flag, null };
		}
		return null;
	}

	private static Date dateOrNull(String text) {
		if (text.length() != 10) {
			return null;
		}
		try {
			return Date.valueOf(LocalDate.parse(text));
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
