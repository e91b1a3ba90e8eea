package io.tidings.contact.internal;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidings.contact.internal.ContactField.Kind;
import io.tidings.contact.internal.SegmentRule.Comparison;
import io.tidings.contact.internal.SegmentRule.Operand;

import static io.tidings.contact.internal.RuleProblems.at;

/**
 * Checks the value of a comparison against its operator and, for a field, the field's
 * kind; for an attribute the value's JSON type picks the column compared.
 */
final class ValueParser {

	/** The longest text contact_attributes keeps. */
	static final int MAX_TEXT = 1000;

	static final int MAX_VALUES = 100;

	private ValueParser() {
	}

	/** The one value of eq, ne, startsWith, contains, gt, gte, lt and lte. */
	static Comparison single(JsonNode value, String valuePath, Operator op, Kind kind, String subject,
			RuleProblems problems) {
		boolean text = value.isTextual()
				&& (op != Operator.STARTS_WITH && op != Operator.CONTAINS || !value.asText().isEmpty());
		boolean number = isFiniteNumber(value);
		boolean fits = switch (op) {
			case STARTS_WITH, CONTAINS -> text;
			case GT, GTE, LT, LTE -> number;
			default -> kind == Kind.TEXT ? text : kind == Kind.NUMBER ? number : text || number || value.isBoolean();
		};
		if (!fits) {
			problems.add(valuePath,
					"must be " + expected(op, kind) + " for " + op.jsonName()
							+ (kind == null ? "" : ", as " + subject + " is " + kind.description())
							+ (value.isNull() ? "; to match a missing value use notExists" : ""));
			return null;
		}
		if (text && value.asText().length() > MAX_TEXT) {
			problems.add(valuePath, "is longer than " + MAX_TEXT + " characters");
			return null;
		}
		return text ? new Comparison(op, Operand.TEXT, value.asText())
				: number ? new Comparison(op, Operand.NUMBER, value.decimalValue())
						: new Comparison(op, Operand.BOOLEAN, value.booleanValue());
	}

	/** JSON reads 1e400 as an infinite double, which no comparison can use. */
	private static boolean isFiniteNumber(JsonNode value) {
		return value.isNumber()
				&& (!value.isFloatingPointNumber() || value.isBigDecimal() || Double.isFinite(value.doubleValue()));
	}

	private static String expected(Operator op, Kind kind) {
		return switch (op) {
			case STARTS_WITH, CONTAINS -> "a non-empty string";
			case GT, GTE, LT, LTE -> "a number (for dates use before or after)";
			default ->
				kind == Kind.TEXT ? "a string" : kind == Kind.NUMBER ? "a number" : "a string, number or boolean";
		};
	}

	/** The values of in and notIn: all strings or all numbers. */
	static Comparison list(JsonNode values, String valuesPath, Operator op, Kind kind, String subject,
			RuleProblems problems) {
		if (!values.isArray() || values.isEmpty() || values.size() > MAX_VALUES) {
			problems.add(valuesPath, "must be an array of 1 to " + MAX_VALUES + " strings or numbers");
			return null;
		}
		boolean text = kind == Kind.TEXT || kind == null && values.get(0).isTextual();
		List<Object> items = new ArrayList<>();
		for (int i = 0; i < values.size(); i++) {
			JsonNode item = values.get(i);
			if (text ? !item.isTextual() || item.asText().length() > MAX_TEXT : !isFiniteNumber(item)) {
				problems.add(at(valuesPath, i), "must be "
						+ (text ? "a string of at most " + MAX_TEXT + " characters" : "a number")
						+ (kind == null ? ", like the first value" : ", as " + subject + " is " + kind.description()));
				return null;
			}
			items.add(text ? item.asText() : item.decimalValue());
		}
		return new Comparison(op, text ? Operand.TEXT_LIST : Operand.NUMBER_LIST, List.copyOf(items));
	}

}
