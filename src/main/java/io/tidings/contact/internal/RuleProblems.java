package io.tidings.contact.internal;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidings.platform.InputErrors.FieldError;

/**
 * What is wrong with a segment rule, each problem at the dotted path of the part it is
 * about ({@code rule.all.1.op}), plus the small checks every part of the parser shares.
 */
final class RuleProblems {

	/** A longer list helps nobody; the first ones are fixed first anyway. */
	private static final int MAX_REPORTED = 20;

	static final int MAX_DAYS = 36_500;

	private final List<FieldError> errors = new ArrayList<>();

	private int found;

	void add(String path, String message) {
		found++;
		if (errors.size() < MAX_REPORTED) {
			errors.add(new FieldError(path, message));
		}
	}

	boolean any() {
		return !errors.isEmpty();
	}

	/** How many problems were found so far, also those not reported. */
	int found() {
		return found;
	}

	List<FieldError> errors() {
		return List.copyOf(errors);
	}

	static String at(String path, String member) {
		return path + "." + member;
	}

	static String at(String path, int index) {
		return path + "." + index;
	}

	/**
	 * A whole number in [min, max], or null (reported) when the node is anything else.
	 */
	Integer wholeNumber(JsonNode node, String path, int min, int max) {
		if (node.isIntegralNumber() && node.canConvertToLong() && node.longValue() >= min && node.longValue() <= max) {
			return node.intValue();
		}
		add(path, "must be a whole number from " + min + " to " + max);
		return null;
	}

}
