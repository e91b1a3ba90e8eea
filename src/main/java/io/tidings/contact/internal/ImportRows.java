package io.tidings.contact.internal;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.tidings.contact.ContactChange;
import io.tidings.contact.ImportRejection;
import io.tidings.contact.internal.ImportHeader.Field;
import io.tidings.contact.validation.ContactInput;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * Turns a CSV row into a contact change with the checks the JSON API makes
 * ({@link ContactInput}), or into a rejection that names the columns at fault. An empty
 * cell leaves the field or attribute as it is.
 */
final class ImportRows {

	sealed interface Outcome permits Checked, Rejected {

	}

	/** A row that passed its checks, on its way to the database. */
	record Checked(long row, long line, ContactChange change) implements Outcome {
	}

	record Rejected(ImportRejection rejection) implements Outcome {
	}

	private final ImportHeader header;

	private final Validator validator;

	ImportRows(ImportHeader header, Validator validator) {
		this.header = header;
		this.validator = validator;
	}

	Outcome check(long row, CsvReader.Record record) {
		List<String> cells = record.cells();
		if (record.problem() != null) {
			return rejected(row, record.line(), idIn(cells), "", "The row " + record.problem());
		}
		if (cells.size() != header.size()) {
			return rejected(row, record.line(), idIn(cells), "",
					"The row has " + cells.size() + " cells where the header row has " + header.size());
		}
		String[] values = new String[Field.values().length];
		Map<String, Object> attributes = new LinkedHashMap<>();
		for (int column = 0; column < cells.size(); column++) {
			String cell = cells.get(column);
			if (cell.isEmpty()) {
				continue;
			}
			Field field = header.field(column);
			if (field == null) {
				attributes.put(header.name(column), cell);
			}
			else {
				values[field.ordinal()] = cell;
			}
		}
		ContactInput input = new ContactInput(values[Field.ID.ordinal()], values[Field.EMAIL.ordinal()],
				values[Field.FIRST_NAME.ordinal()], values[Field.LAST_NAME.ordinal()], values[Field.LOCALE.ordinal()],
				values[Field.TIME_ZONE.ordinal()], values[Field.BIRTHDAY.ordinal()],
				values[Field.SIGNED_UP_ON.ordinal()], attributes);
		Set<ConstraintViolation<ContactInput>> violations = validator.validate(input);
		if (violations.isEmpty()) {
			return new Checked(row, record.line(), input.toChange());
		}
		List<ConstraintViolation<ContactInput>> sorted = violations.stream()
			.sorted(Comparator.comparing((ConstraintViolation<ContactInput> violation) -> order(violation))
				.thenComparing(ConstraintViolation::getMessage))
			.toList();
		return rejected(row, record.line(), input.id(),
				sorted.stream().map(this::column).distinct().collect(Collectors.joining(";")),
				sorted.stream()
					.map(violation -> column(violation) + " " + violation.getMessage())
					.collect(Collectors.joining("; ")));
	}

	private static Rejected rejected(long row, long line, String id, String column, String reason) {
		return new Rejected(new ImportRejection(row, line, id, column, reason));
	}

	private String column(ConstraintViolation<ContactInput> violation) {
		Field field = field(violation);
		return field == null ? property(violation) : header.columnOf(field);
	}

	private int order(ConstraintViolation<ContactInput> violation) {
		Field field = field(violation);
		return field == null ? Integer.MAX_VALUE : header.indexOf(field);
	}

	private static Field field(ConstraintViolation<ContactInput> violation) {
		String property = property(violation);
		for (Field field : Field.values()) {
			if (field.property.equals(property)) {
				return field;
			}
		}
		return null;
	}

	private static String property(ConstraintViolation<ContactInput> violation) {
		return violation.getPropertyPath().iterator().next().getName();
	}

	private String idIn(List<String> cells) {
		for (int column = 0; column < Math.min(cells.size(), header.size()); column++) {
			if (header.field(column) == Field.ID && !cells.get(column).isEmpty()) {
				return cells.get(column);
			}
		}
		return null;
	}

}
