package io.tidings.contact.internal;

import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidings.contact.internal.SegmentRule.EventCondition;
import io.tidings.contact.internal.SegmentRule.NoEngagement;

import static io.tidings.contact.internal.RuleProblems.at;

/** Reads the rules about a contact's history: events and engagement. */
final class EventRuleParser {

	private static final int MAX_COUNT = 1_000_000;

	/** The event API's own rule for names, so every name it takes can be asked for. */
	private static final Pattern EVENT_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.:-]{0,127}");

	private EventRuleParser() {
	}

	static SegmentRule event(JsonNode node, String path, RuleProblems problems) {
		int before = problems.found();
		JsonNode name = node.get("event");
		if (!name.isTextual() || !EVENT_NAME.matcher(name.asText()).matches()) {
			problems.add(at(path, "event"), "must be a string: an event name such as \"OrderPlaced\" (a letter,"
					+ " then letters, digits, '_', '.', ':' or '-', at most 128)");
		}
		Integer atLeast = number(node, path, "atLeast", 1, MAX_COUNT, problems);
		Integer atMost = number(node, path, "atMost", 0, MAX_COUNT, problems);
		Integer withinDays = number(node, path, "withinDays", 1, RuleProblems.MAX_DAYS, problems);
		JsonNode never = node.get("never");
		if (never != null && !(never.isBoolean() && never.booleanValue())) {
			problems.add(at(path, "never"), "must be true, or left out");
		}
		else if (never != null && (node.has("atLeast") || node.has("atMost"))) {
			problems.add(at(path, "never"), "cannot be combined with atLeast or atMost");
		}
		if (atLeast != null && atMost != null && atLeast > atMost) {
			problems.add(at(path, "atMost"), "must not be less than atLeast (" + atLeast + ")");
		}
		if (problems.found() != before) {
			return null;
		}
		if (never != null) {
			return new EventCondition(name.asText(), null, 0, withinDays);
		}
		return new EventCondition(name.asText(), atLeast == null && atMost == null ? Integer.valueOf(1) : atLeast,
				atMost, withinDays);
	}

	static SegmentRule noEngagement(JsonNode days, String path, RuleProblems problems) {
		Integer parsed = problems.wholeNumber(days, path, 1, RuleProblems.MAX_DAYS);
		return parsed == null ? null : new NoEngagement(parsed);
	}

	private static Integer number(JsonNode node, String path, String member, int min, int max, RuleProblems problems) {
		return node.has(member) ? problems.wholeNumber(node.get(member), at(path, member), min, max) : null;
	}

}
