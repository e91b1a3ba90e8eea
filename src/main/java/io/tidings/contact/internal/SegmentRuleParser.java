package io.tidings.contact.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidings.contact.internal.SegmentRule.All;
import io.tidings.contact.internal.SegmentRule.Any;
import io.tidings.contact.internal.SegmentRule.AttributeCondition;
import io.tidings.contact.internal.SegmentRule.Comparison;
import io.tidings.contact.internal.SegmentRule.FieldCondition;
import io.tidings.contact.internal.SegmentRule.Not;

import static io.tidings.contact.internal.RuleProblems.at;

/**
 * Reads a segment rule from JSON and checks all of it (shape, names, operators, value
 * types, limits) before any SQL is made from it. Every problem is reported at the path of
 * the part it is about.
 */
final class SegmentRuleParser {

	static final int MAX_DEPTH = 8;

	static final int MAX_CONDITIONS = 100;

	static final int MAX_ATTRIBUTE_NAME = 128;

	private static final Map<String, Set<String>> MEMBERS = Map.of("all", Set.of("all"), "any", Set.of("any"), "not",
			Set.of("not"), "field", Set.of("field", "op", "value", "values", "daysAgo"), "attribute",
			Set.of("attribute", "op", "value", "values", "daysAgo"), "event",
			Set.of("event", "atLeast", "atMost", "never", "withinDays"), "noEngagementForDays",
			Set.of("noEngagementForDays"));

	private static final List<String> KINDS = List.of("all", "any", "not", "field", "attribute", "event",
			"noEngagementForDays");

	private final RuleProblems problems;

	private int conditions;

	private SegmentRuleParser(RuleProblems problems) {
		this.problems = problems;
	}

	/**
	 * @return the rule, or null when it has problems, which are added to the list
	 */
	static SegmentRule parse(JsonNode rule, String path, RuleProblems problems) {
		int before = problems.found();
		SegmentRuleParser parser = new SegmentRuleParser(problems);
		SegmentRule parsed = parser.rule(rule, path, 1);
		if (parser.conditions > MAX_CONDITIONS) {
			problems.add(path, "has " + parser.conditions + " conditions; at most " + MAX_CONDITIONS + " are allowed");
		}
		return problems.found() == before ? parsed : null;
	}

	private SegmentRule rule(JsonNode node, String path, int depth) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			problems.add(path,
					"is required: a rule such as {\"attribute\": \"plan\", \"op\": \"eq\", \"value\": \"pro\"}");
			return null;
		}
		if (!node.isObject()) {
			problems.add(path, "must be a JSON object with one of " + String.join(", ", KINDS));
			return null;
		}
		if (depth > MAX_DEPTH) {
			problems.add(path, "nests too deep: rules nest at most " + MAX_DEPTH + " levels");
			return null;
		}
		List<String> kinds = KINDS.stream().filter(node::has).toList();
		if (kinds.size() != 1) {
			problems.add(path,
					kinds.isEmpty() ? "must have one of " + String.join(", ", KINDS) : "has both '" + kinds.get(0)
							+ "' and '" + kinds.get(1)
							+ "'; a rule is one of them, so put several in {\"all\": [...]} or {\"any\": [...]}");
			return null;
		}
		String kind = kinds.get(0);
		unknownMembers(node, path, kind);
		JsonNode value = node.get(kind);
		return switch (kind) {
			case "all" -> list(value, at(path, kind), depth).map(All::new).orElse(null);
			case "any" -> list(value, at(path, kind), depth).map(Any::new).orElse(null);
			case "not" -> Optional.ofNullable(rule(value, at(path, kind), depth + 1)).map(Not::new).orElse(null);
			case "field" -> field(node, path);
			case "attribute" -> attribute(node, path);
			case "event" -> {
				conditions++;
				yield EventRuleParser.event(node, path, problems);
			}
			default -> {
				conditions++;
				yield EventRuleParser.noEngagement(value, at(path, kind), problems);
			}
		};
	}

	private void unknownMembers(JsonNode node, String path, String kind) {
		Set<String> allowed = MEMBERS.get(kind);
		for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
			String name = names.next();
			if (!allowed.contains(name)) {
				problems.add(at(path, name), "is not known here: a rule with '" + kind + "' takes "
						+ String.join(", ", allowed.stream().sorted().toList()));
			}
		}
	}

	private Optional<List<SegmentRule>> list(JsonNode array, String path, int depth) {
		if (!array.isArray() || array.isEmpty()) {
			problems.add(path, "must be a non-empty array of rules");
			return Optional.empty();
		}
		List<SegmentRule> rules = new ArrayList<>();
		for (int i = 0; i < array.size() && i <= MAX_CONDITIONS; i++) {
			rules.add(rule(array.get(i), at(path, i), depth + 1));
		}
		return rules.contains(null) ? Optional.empty() : Optional.of(List.copyOf(rules));
	}

	private SegmentRule field(JsonNode node, String path) {
		conditions++;
		JsonNode name = node.get("field");
		Optional<ContactField> field = name.isTextual() ? ContactField.named(name.asText()) : Optional.empty();
		if (field.isEmpty()) {
			problems.add(at(path, "field"),
					(name.isTextual() ? "unknown field '" + shorten(name.asText()) + "'" : "must be a string")
							+ "; use one of " + ContactField.NAMES + ", or \"attribute\" for a custom attribute");
			return null;
		}
		Comparison comparison = ComparisonParser.parse(node, path, field.get().kind(),
				"'" + field.get().jsonName() + "'", problems);
		return comparison == null ? null : new FieldCondition(field.get(), comparison);
	}

	private SegmentRule attribute(JsonNode node, String path) {
		conditions++;
		JsonNode name = node.get("attribute");
		if (!name.isTextual() || name.asText().isBlank() || name.asText().length() > MAX_ATTRIBUTE_NAME) {
			problems.add(at(path, "attribute"),
					"must be a string: the attribute's name, 1 to " + MAX_ATTRIBUTE_NAME + " characters");
			ComparisonParser.parse(node, path, null, "the attribute", problems);
			return null;
		}
		Comparison comparison = ComparisonParser.parse(node, path, null, "the attribute", problems);
		return comparison == null ? null : new AttributeCondition(name.asText(), comparison);
	}

	static String shorten(String text) {
		return text.length() <= 64 ? text : text.substring(0, 64) + "…";
	}

}
