package io.tidings.contact.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.tidings.contact.MalformedImport;

/**
 * What each column of an import file holds: one of the contact's fields, matched by name
 * in any case and in camelCase or snake_case, or else an attribute of that name.
 */
final class ImportHeader {

	/** The contact fields a column can hold, by the name ContactInput gives them. */
	enum Field {

		ID("id"), EMAIL("email"), FIRST_NAME("firstName"), LAST_NAME("lastName"), LOCALE("locale"),
		TIME_ZONE("timeZone"), BIRTHDAY("birthday"), SIGNED_UP_ON("signedUpOn");

		final String property;

		Field(String property) {
			this.property = property;
		}

	}

	static final int MAX_ATTRIBUTE_NAME = 128;

	static final int MAX_ATTRIBUTES = 200;

	private static final Map<String, Field> NAMES = new HashMap<>();

	static {
		for (Field field : Field.values()) {
			NAMES.put(field.property.toLowerCase(Locale.ROOT), field);
			NAMES.put(field.property.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT), field);
		}
	}

	private final List<String> names;

	private final Field[] fields;

	private ImportHeader(List<String> names, Field[] fields) {
		this.names = names;
		this.fields = fields;
	}

	/**
	 * @throws MalformedImport when the header has no id column, a column without a name
	 * or one named twice, or attributes the contact could not hold
	 */
	static ImportHeader of(List<String> cells) {
		List<String> names = cells.stream().map(String::strip).toList();
		Field[] fields = new Field[names.size()];
		Map<String, Integer> seen = new HashMap<>();
		int attributes = 0;
		for (int index = 0; index < names.size(); index++) {
			String name = names.get(index);
			if (name.isEmpty()) {
				throw new MalformedImport("Column " + (index + 1) + " of the header row has no name");
			}
			fields[index] = NAMES.get(name.toLowerCase(Locale.ROOT));
			String key = fields[index] != null ? fields[index].property : name;
			Integer earlier = seen.put(key, index);
			if (earlier != null) {
				throw new MalformedImport("Columns " + (earlier + 1) + " ('" + names.get(earlier) + "') and "
						+ (index + 1) + " ('" + name + "') of the header row both name " + key);
			}
			if (fields[index] == null) {
				attributes++;
				if (name.length() > MAX_ATTRIBUTE_NAME) {
					throw new MalformedImport(
							"Column " + (index + 1) + " of the header row is an attribute name longer " + "than "
									+ MAX_ATTRIBUTE_NAME + " characters");
				}
			}
		}
		if (!seen.containsKey(Field.ID.property)) {
			throw new MalformedImport("The header row has no id column; it names " + String.join(", ", names)
					+ ". The first row must name the columns, one of them id");
		}
		if (attributes > MAX_ATTRIBUTES) {
			throw new MalformedImport("The header row names " + attributes
					+ " attribute columns; a contact holds at most " + MAX_ATTRIBUTES + " attributes");
		}
		return new ImportHeader(names, fields);
	}

	int size() {
		return names.size();
	}

	/** The column's name as the file writes it. */
	String name(int column) {
		return names.get(column);
	}

	/** The contact field the column holds, or null when it holds an attribute. */
	Field field(int column) {
		return fields[column];
	}

	/** The column that holds the field, as the file names it, else the field's name. */
	String columnOf(Field field) {
		int column = indexOf(field);
		return column < 0 ? field.property : names.get(column);
	}

	/** The column that holds the field, or -1. */
	int indexOf(Field field) {
		for (int column = 0; column < fields.length; column++) {
			if (fields[column] == field) {
				return column;
			}
		}
		return -1;
	}

}
