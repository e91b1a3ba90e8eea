package io.tidings.contact.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

import io.tidings.contact.internal.ContactField.Kind;
import io.tidings.contact.internal.SegmentRule.Comparison;
import io.tidings.contact.internal.SegmentRule.Operand;

/**
 * The SQL of field and attribute rules: a test of a {@code contacts} column, or an
 * {@code EXISTS} over the contact's {@code contact_attributes} row of that name.
 */
final class ComparisonSql {

	private static final String ATTRIBUTE = "EXISTS (SELECT 1 FROM contact_attributes a WHERE a.contact_id = c.id"
			+ " AND a.name = ";

	private final SqlParameters parameters;

	ComparisonSql(SqlParameters parameters) {
		this.parameters = parameters;
	}

	/**
	 * A NULL column matches no comparison, and every negation, so the test is never NULL.
	 */
	String field(ContactField field, Comparison comparison) {
		if (comparison.op().isNegation()) {
			return "NOT (" + field(field, negated(comparison)) + ")";
		}
		String column = field.column();
		if (comparison.op() == Operator.EXISTS) {
			return column + " IS NOT NULL";
		}
		return "(" + column + " IS NOT NULL AND " + predicate(column, field.kind(), comparison) + ")";
	}

	String attribute(String name, Comparison comparison) {
		if (comparison.op().isNegation()) {
			return "NOT (" + attribute(name, negated(comparison)) + ")";
		}
		String exists = ATTRIBUTE + parameters.bind(name);
		if (comparison.op() == Operator.EXISTS) {
			return exists + ")";
		}
		Operand operand = comparison.operand();
		Kind kind = operand == Operand.DATE || operand == Operand.DAYS_AGO ? Kind.DATE : Kind.TEXT;
		return exists + " AND " + predicate(column(operand), kind, comparison) + ")";
	}

	private String predicate(String column, Kind kind, Comparison comparison) {
		Object value = comparison.value();
		return switch (comparison.op()) {
			case EQ -> column + " = " + parameters.bind(value);
			case IN -> column + " IN (" + parameters.bind(value) + ")";
			case STARTS_WITH -> like(column, likePattern((String) value) + "%");
			case CONTAINS -> like(column, "%" + likePattern((String) value) + "%");
			case GT -> column + " > " + parameters.bind(value);
			case GTE -> column + " >= " + parameters.bind(value);
			case LT -> column + " < " + parameters.bind(value);
			case LTE -> column + " <= " + parameters.bind(value);
			case BEFORE, AFTER -> dated(column, kind, comparison);
			default -> throw new IllegalStateException("No predicate for " + comparison.op());
		};
	}

	private String like(String column, String pattern) {
		return "LOWER(" + column + ") LIKE " + parameters.bind(pattern) + " ESCAPE '\\'";
	}

	/**
	 * A date names a whole day: on a point-in-time column, "before" is before that day
	 * starts and "after" from the next day on, in UTC. {@code daysAgo} counts back from
	 * now on a point-in-time column and from today (UTC) on a date column.
	 */
	private String dated(String column, Kind kind, Comparison comparison) {
		boolean before = comparison.op() == Operator.BEFORE;
		if (comparison.operand() == Operand.DAYS_AGO) {
			int days = (Integer) comparison.value();
			Object bound = (kind == Kind.TIMESTAMP) ? Timestamp.from(parameters.daysAgo(days))
					: Date.valueOf(parameters.today().minusDays(days));
			return column + (before ? " < " : " > ") + parameters.bind(bound);
		}
		LocalDate day = (LocalDate) comparison.value();
		if (kind == Kind.TIMESTAMP) {
			LocalDate start = before ? day : day.plusDays(1);
			return column + (before ? " < " : " >= ")
					+ parameters.bind(Timestamp.from(start.atStartOfDay(ZoneOffset.UTC).toInstant()));
		}
		return column + (before ? " < " : " > ") + parameters.bind(Date.valueOf(day));
	}

	private static Comparison negated(Comparison comparison) {
		return new Comparison(comparison.op().negated(), comparison.operand(), comparison.value());
	}

	private static String column(Operand operand) {
		return switch (operand) {
			case NUMBER, NUMBER_LIST -> "a.number_value";
			case BOOLEAN -> "a.boolean_value";
			case DATE, DAYS_AGO -> "a.date_value";
			default -> "a.text_value";
		};
	}

	/** The text as a LIKE pattern that matches it literally, lower-cased. */
	private static String likePattern(String text) {
		return text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
