package io.tidings.contact.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidings.contact.internal.ContactField.Kind;
import io.tidings.contact.internal.SegmentRule.Comparison;
import io.tidings.contact.internal.SegmentRule.Operand;

import static io.tidings.contact.internal.RuleProblems.at;

/**
 * Reads the {@code op} and its operand ({@code value}, {@code values} or {@code daysAgo})
 * of a field or attribute rule. A field's kind decides which operators and value types
 * fit; for an attribute the value's JSON type decides which column is compared.
 */
final class ComparisonParser {

	private ComparisonParser() {
	}

	/**
	 * @param kind the field's kind, or null for an attribute
	 * @return the comparison, or null when it has problems, which are added to the list
	 */
	static Comparison parse(JsonNode node, String path, Kind kind, String subject, RuleProblems problems) {
		JsonNode opNode = node.get("op");
		String names = kind == null ? Operator.NAMES : kind.operatorNames();
		Operator op = opNode != null && opNode.isTextual() ? Operator.named(opNode.asText()).orElse(null) : null;
		if (op == null) {
			problems.add(at(path, "op"),
					opNode == null ? "is required: one of " + names : (opNode.isTextual()
							? "unknown operator '" + SegmentRuleParser.shorten(opNode.asText()) + "'; use one of "
							: "must be a string: one of ") + names);
			return null;
		}
		if (kind != null && !kind.operators().contains(op)) {
			problems.add(at(path, "op"), "'" + op.jsonName() + "' does not apply to " + subject + ", which is "
					+ kind.description() + "; use one of " + names);
			return null;
		}
		int before = problems.found();
		Comparison comparison = switch (op) {
			case EXISTS, NOT_EXISTS -> {
				operand(node, path, op, null, problems);
				yield new Comparison(op, Operand.NONE, null);
			}
			case IN, NOT_IN -> {
				JsonNode values = operand(node, path, op, "values", problems);
				yield values == null ? null : ValueParser.list(values, at(path, "values"), op, kind, subject, problems);
			}
			case BEFORE, AFTER -> date(node, path, op, problems);
			default -> {
				JsonNode value = operand(node, path, op, "value", problems);
				yield value == null ? null : ValueParser.single(value, at(path, "value"), op, kind, subject, problems);
			}
		};
		return problems.found() == before ? comparison : null;
	}

	private static Comparison date(JsonNode node, String path, Operator op, RuleProblems problems) {
		boolean daysAgo = node.has("daysAgo") && !node.has("value");
		JsonNode value = operand(node, path, op, daysAgo ? "daysAgo" : "value", problems);
		if (value == null) {
			return null;
		}
		if (daysAgo) {
			Integer days = problems.wholeNumber(value, at(path, "daysAgo"), 0, RuleProblems.MAX_DAYS);
			return days == null ? null : new Comparison(op, Operand.DAYS_AGO, days);
		}
		try {
			if (value.isTextual() && value.asText().length() == 10) {
				return new Comparison(op, Operand.DATE, LocalDate.parse(value.asText()));
			}
		}
		catch (DateTimeParseException ex) {
			// Reported below.
		}
		problems.add(at(path, "value"),
				"must be a date as YYYY-MM-DD, such as \"2026-01-31\", or give daysAgo instead of value");
		return null;
	}

	/**
	 * Checks that the rule has the one operand member {@code op} takes ({@code expected},
	 * or none when null) and no other.
	 * @return the operand, or null when it is missing or none is expected
	 */
	private static JsonNode operand(JsonNode node, String path, Operator op, String expected, RuleProblems problems) {
		for (String member : new String[] { "value", "values", "daysAgo" }) {
			if (node.has(member) && !member.equals(expected)) {
				problems.add(at(path, member),
						expected == null ? "must be left out: " + op.jsonName() + " takes no value"
								: "is not used by " + op.jsonName() + "; give " + describe(op));
			}
		}
		if (expected != null && !node.has(expected)) {
			problems.add(at(path, expected), "is required for " + op.jsonName() + ": give " + describe(op));
			return null;
		}
		return expected == null ? null : node.get(expected);
	}

	private static String describe(Operator op) {
		return switch (op) {
			case IN, NOT_IN -> "\"values\", an array of strings or numbers";
			case BEFORE, AFTER -> "either \"value\", a date as YYYY-MM-DD, or \"daysAgo\", a number of days";
			default -> "one \"value\"";
		};
	}

}
