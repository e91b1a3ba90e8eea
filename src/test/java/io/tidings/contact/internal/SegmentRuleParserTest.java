package io.tidings.contact.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidings.contact.internal.SegmentRule.All;
import io.tidings.contact.internal.SegmentRule.Any;
import io.tidings.contact.internal.SegmentRule.AttributeCondition;
import io.tidings.contact.internal.SegmentRule.Comparison;
import io.tidings.contact.internal.SegmentRule.EventCondition;
import io.tidings.contact.internal.SegmentRule.FieldCondition;
import io.tidings.contact.internal.SegmentRule.NoEngagement;
import io.tidings.contact.internal.SegmentRule.Not;
import io.tidings.contact.internal.SegmentRule.Operand;
import io.tidings.platform.InputErrors.FieldError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The rule language as the parser reads it: every operator and combinator, and each kind
 * of mistake answered at the path of the part that is wrong, with what to write instead.
 */
class SegmentRuleParserTest {

	static final ObjectMapper json = new ObjectMapper();

	static Stream<Arguments> rules() {
		return Stream.of(
				arguments("{\"field\": \"locale\", \"op\": \"eq\", \"value\": \"fr\"}",
						field(ContactField.LOCALE, Operator.EQ, Operand.TEXT, "fr")),
				arguments("{\"field\": \"email\", \"op\": \"ne\", \"value\": \"a@example.com\"}",
						field(ContactField.EMAIL, Operator.NE, Operand.TEXT, "a@example.com")),
				arguments("{\"field\": \"locale\", \"op\": \"in\", \"values\": [\"en\", \"nl\"]}",
						field(ContactField.LOCALE, Operator.IN, Operand.TEXT_LIST, List.of("en", "nl"))),
				arguments("{\"field\": \"timeZone\", \"op\": \"notIn\", \"values\": [\"UTC\"]}",
						field(ContactField.TIME_ZONE, Operator.NOT_IN, Operand.TEXT_LIST, List.of("UTC"))),
				arguments("{\"field\": \"locale\", \"op\": \"startsWith\", \"value\": \"fr\"}",
						field(ContactField.LOCALE, Operator.STARTS_WITH, Operand.TEXT, "fr")),
				arguments("{\"field\": \"email\", \"op\": \"contains\", \"value\": \"@shop.\"}",
						field(ContactField.EMAIL, Operator.CONTAINS, Operand.TEXT, "@shop.")),
				arguments("{\"field\": \"birthdayMonth\", \"op\": \"gt\", \"value\": 3}",
						field(ContactField.BIRTHDAY_MONTH, Operator.GT, Operand.NUMBER, new BigDecimal("3"))),
				arguments("{\"field\": \"birthdayMonth\", \"op\": \"gte\", \"value\": 3}",
						field(ContactField.BIRTHDAY_MONTH, Operator.GTE, Operand.NUMBER, new BigDecimal("3"))),
				arguments("{\"field\": \"birthdayDay\", \"op\": \"lt\", \"value\": 14}",
						field(ContactField.BIRTHDAY_DAY, Operator.LT, Operand.NUMBER, new BigDecimal("14"))),
				arguments("{\"field\": \"birthdayYear\", \"op\": \"lte\", \"value\": 1990}",
						field(ContactField.BIRTHDAY_YEAR, Operator.LTE, Operand.NUMBER, new BigDecimal("1990"))),
				arguments("{\"field\": \"birthdayMonth\", \"op\": \"in\", \"values\": [12, 1]}",
						field(ContactField.BIRTHDAY_MONTH, Operator.IN, Operand.NUMBER_LIST,
								List.of(new BigDecimal("12"), new BigDecimal("1")))),
				arguments("{\"field\": \"signedUpOn\", \"op\": \"before\", \"value\": \"2024-02-29\"}",
						field(ContactField.SIGNED_UP_ON, Operator.BEFORE, Operand.DATE, LocalDate.of(2024, 2, 29))),
				arguments("{\"field\": \"createdAt\", \"op\": \"after\", \"daysAgo\": 30}",
						field(ContactField.CREATED_AT, Operator.AFTER, Operand.DAYS_AGO, 30)),
				arguments("{\"field\": \"lastEngagedAt\", \"op\": \"exists\"}",
						field(ContactField.LAST_ENGAGED_AT, Operator.EXISTS, Operand.NONE, null)),
				arguments("{\"field\": \"timeZone\", \"op\": \"notExists\"}",
						field(ContactField.TIME_ZONE, Operator.NOT_EXISTS, Operand.NONE, null)),
				arguments("{\"attribute\": \"plan\", \"op\": \"eq\", \"value\": \"pro\"}",
						attribute("plan", Operator.EQ, Operand.TEXT, "pro")),
				arguments("{\"attribute\": \"seats\", \"op\": \"eq\", \"value\": 2.5}",
						attribute("seats", Operator.EQ, Operand.NUMBER, new BigDecimal("2.5"))),
				arguments("{\"attribute\": \"vip\", \"op\": \"ne\", \"value\": true}",
						attribute("vip", Operator.NE, Operand.BOOLEAN, true)),
				arguments("{\"attribute\": \"seats\", \"op\": \"notIn\", \"values\": [1, 2]}",
						attribute("seats", Operator.NOT_IN, Operand.NUMBER_LIST,
								List.of(new BigDecimal("1"), new BigDecimal("2")))),
				arguments("{\"attribute\": \"renewal\", \"op\": \"after\", \"value\": \"2026-07-01\"}",
						attribute("renewal", Operator.AFTER, Operand.DATE, LocalDate.of(2026, 7, 1))),
				arguments("{\"attribute\": \"plan\", \"op\": \"exists\"}",
						attribute("plan", Operator.EXISTS, Operand.NONE, null)),
				arguments("{\"event\": \"OrderPlaced\"}", new EventCondition("OrderPlaced", 1, null, null)),
				arguments("{\"event\": \"OrderPlaced\", \"atLeast\": 2, \"withinDays\": 30}",
						new EventCondition("OrderPlaced", 2, null, 30)),
				arguments("{\"event\": \"OrderPlaced\", \"atMost\": 1}",
						new EventCondition("OrderPlaced", null, 1, null)),
				arguments("{\"event\": \"OrderPlaced\", \"atLeast\": 2, \"atMost\": 3}",
						new EventCondition("OrderPlaced", 2, 3, null)),
				arguments("{\"event\": \"X\", \"never\": true, \"withinDays\": 90}",
						new EventCondition("X", null, 0, 90)),
				arguments("{\"noEngagementForDays\": 60}", new NoEngagement(60)),
				arguments("""
						{"all": [{"attribute": "plan", "op": "eq", "value": "pro"},
						         {"any": [{"not": {"event": "X"}}, {"noEngagementForDays": 1}]}]}""", new All(List.of(
						attribute("plan", Operator.EQ, Operand.TEXT, "pro"),
						new Any(List.of(new Not(new EventCondition("X", 1, null, null)), new NoEngagement(1)))))));
	}

	@ParameterizedTest
	@MethodSource("rules")
	void readsEveryOperatorAndCombinator(String rule, SegmentRule expected) throws Exception {
		RuleProblems problems = new RuleProblems();

		assertThat(SegmentRuleParser.parse(json.readTree(rule), "rule", problems)).isEqualTo(expected);
		assertThat(problems.errors()).isEmpty();
	}

	static Stream<Arguments> mistakes() {
		return Stream.of(
				arguments("{\"field\": \"locale\", \"op\": \"equals\", \"value\": \"fr\"}", "rule.op",
						"unknown operator 'equals'; use one of eq, ne, in, notIn, startsWith, contains, exists"),
				arguments("""
						{"all": [{"attribute": "plan", "op": "eq", "value": "pro"},
						         {"attribute": "country", "op": "equals", "values": ["NL"]}]}""", "rule.all.1.op",
						"unknown operator 'equals'; use one of eq, ne, in, notIn, startsWith, contains, gt, gte"),
				arguments("{\"attribute\": \"plan\"}", "rule.op", "is required: one of eq, ne"),
				arguments("{\"attribute\": \"plan\", \"op\": 1}", "rule.op", "must be a string: one of eq"),
				arguments("{\"attribute\": \"plan\", \"op\": \"eq\"}", "rule.value",
						"is required for eq: give one \"value\""),
				arguments("{\"field\": \"locale\", \"op\": \"startsWith\", \"value\": 5}", "rule.value",
						"must be a non-empty string for startsWith"),
				arguments("{\"field\": \"birthdayMonth\", \"op\": \"eq\", \"value\": \"may\"}", "rule.value",
						"must be a number for eq, as 'birthdayMonth' is a number"),
				arguments("{\"field\": \"locale\", \"op\": \"eq\", \"value\": true}", "rule.value",
						"must be a string for eq, as 'locale' is text"),
				arguments("{\"attribute\": \"seats\", \"op\": \"gt\", \"value\": \"3\"}", "rule.value",
						"must be a number (for dates use before or after) for gt"),
				arguments("{\"attribute\": \"plan\", \"op\": \"eq\", \"value\": null}", "rule.value",
						"to match a missing value use notExists"),
				arguments("{\"attribute\": \"plan\", \"op\": \"eq\", \"value\": {\"a\": 1}}", "rule.value",
						"must be a string, number or boolean for eq"),
				arguments("{\"attribute\": \"plan\", \"op\": \"eq\", \"value\": \"" + "x".repeat(1001) + "\"}",
						"rule.value", "is longer than 1000 characters"),
				arguments("{\"field\": \"plan\", \"op\": \"eq\", \"value\": \"pro\"}", "rule.field",
						"unknown field 'plan'; use one of id, email, firstName, lastName, locale, timeZone,"
								+ " addressStatus, birthdayMonth, birthdayDay, birthdayYear, signedUpOn, createdAt,"
								+ " updatedAt, lastEngagedAt, or \"attribute\" for a custom attribute"),
				arguments("{\"field\": 3, \"op\": \"eq\", \"value\": \"pro\"}", "rule.field", "must be a string"),
				arguments("{\"field\": \"signedUpOn\", \"op\": \"eq\", \"value\": \"2024-01-01\"}", "rule.op",
						"'eq' does not apply to 'signedUpOn', which is a date; use one of before, after, exists,"
								+ " notExists"),
				arguments("{\"field\": \"signedUpOn\", \"op\": \"before\", \"value\": \"2024-02-30\"}", "rule.value",
						"must be a date as YYYY-MM-DD"),
				arguments("{\"field\": \"signedUpOn\", \"op\": \"after\"}", "rule.value",
						"is required for after: give either \"value\", a date as YYYY-MM-DD, or \"daysAgo\""),
				arguments("{\"field\": \"createdAt\", \"op\": \"after\", \"daysAgo\": -1}", "rule.daysAgo",
						"must be a whole number from 0 to 36500"),
				arguments("{\"attribute\": \"seats\", \"op\": \"gt\", \"value\": 1, \"daysAgo\": 3}", "rule.daysAgo",
						"is not used by gt; give one \"value\""),
				arguments("{\"attribute\": \"country\", \"op\": \"in\", \"value\": \"NL\"}", "rule.value",
						"is not used by in; give \"values\", an array of strings or numbers"),
				arguments("{\"attribute\": \"country\", \"op\": \"in\", \"values\": []}", "rule.values",
						"must be an array of 1 to 100 strings or numbers"),
				arguments("{\"attribute\": \"country\", \"op\": \"in\", \"values\": [\"NL\", 1]}", "rule.values.1",
						"must be a string of at most 1000 characters, like the first value"),
				arguments("{\"field\": \"birthdayMonth\", \"op\": \"in\", \"values\": [\"may\"]}", "rule.values.0",
						"must be a number, as 'birthdayMonth' is a number"),
				arguments("{\"attribute\": \"plan\", \"op\": \"exists\", \"value\": \"pro\"}", "rule.value",
						"must be left out: exists takes no value"),
				arguments("{\"field\": \"locale\", \"op\": \"eq\", \"value\": \"fr\", \"caseSensitive\": true}",
						"rule.caseSensitive",
						"is not known here: a rule with 'field' takes daysAgo, field, op, value, values"),
				arguments("{\"field\": \"locale\", \"event\": \"X\"}", "rule",
						"has both 'field' and 'event'; a rule is one of them, so put several in {\"all\": [...]}"),
				arguments("{}", "rule", "must have one of all, any, not, field, attribute, event, noEngagementForDays"),
				arguments("\"plan = 'pro'\"", "rule", "must be a JSON object with one of all, any"),
				arguments("null", "rule", "is required: a rule such as"),
				arguments("{\"all\": []}", "rule.all", "must be a non-empty array of rules"),
				arguments("{\"any\": {\"event\": \"X\"}}", "rule.any", "must be a non-empty array of rules"),
				arguments("{\"not\": [{\"event\": \"X\"}]}", "rule.not", "must be a JSON object"),
				arguments("{\"attribute\": 7, \"op\": \"exists\"}", "rule.attribute",
						"must be a string: the attribute's name, 1 to 128 characters"),
				arguments("{\"event\": 5}", "rule.event", "must be a string: an event name such as \"OrderPlaced\""),
				arguments("{\"event\": \"Order placed\"}", "rule.event", "must be a string: an event name"),
				arguments("{\"event\": \"X\", \"never\": false}", "rule.never", "must be true, or left out"),
				arguments("{\"event\": \"X\", \"never\": true, \"atLeast\": 1}", "rule.never",
						"cannot be combined with atLeast or atMost"),
				arguments("{\"event\": \"X\", \"atLeast\": 0}", "rule.atLeast",
						"must be a whole number from 1 to 1000000"),
				arguments("{\"event\": \"X\", \"atLeast\": 1.5}", "rule.atLeast", "must be a whole number"),
				arguments("{\"event\": \"X\", \"atLeast\": 3, \"atMost\": 2}", "rule.atMost",
						"must not be less than atLeast (3)"),
				arguments("{\"event\": \"X\", \"withinDays\": 0}", "rule.withinDays",
						"must be a whole number from 1 to 36500"),
				arguments("{\"event\": \"X\", \"times\": 2}", "rule.times",
						"is not known here: a rule with 'event' takes atLeast, atMost, event, never, withinDays"),
				arguments("{\"noEngagementForDays\": \"60\"}", "rule.noEngagementForDays",
						"must be a whole number from 1 to 36500"),
				arguments(nested(9), "rule" + ".not".repeat(8), "nests too deep: rules nest at most 8 levels"),
				arguments(conditions(101), "rule", "has 101 conditions; at most 100 are allowed"));
	}

	@ParameterizedTest
	@MethodSource("mistakes")
	void namesThePathOfTheMistakeAndWhatToWriteInstead(String rule, String path, String message) throws Exception {
		RuleProblems problems = new RuleProblems();

		assertThat(SegmentRuleParser.parse(json.readTree(rule), "rule", problems)).isNull();
		assertThat(problems.errors()).extracting(FieldError::field).contains(path);
		assertThat(problems.errors()).filteredOn(error -> error.field().equals(path))
			.extracting(FieldError::message)
			.anySatisfy(text -> assertThat(text).contains(message));
	}

	@Test
	void reportsEveryMistakeInOneGo() throws Exception {
		RuleProblems problems = new RuleProblems();
		JsonNode rule = json.readTree("""
				{"any": [{"field": "plan", "op": "eq", "value": "pro"},
				         {"attribute": "plan", "op": "eq", "value": "pro"},
				         {"event": 5, "atLeast": 0}]}""");

		assertThat(SegmentRuleParser.parse(rule, "rule", problems)).isNull();
		assertThat(problems.errors()).extracting(FieldError::field)
			.containsExactly("rule.any.0.field", "rule.any.2.event", "rule.any.2.atLeast");
	}

	@Test
	void exactlyTheLimitsAreAllowed() throws Exception {
		RuleProblems problems = new RuleProblems();

		assertThat(SegmentRuleParser.parse(json.readTree(nested(8)), "rule", problems)).isNotNull();
		assertThat(SegmentRuleParser.parse(json.readTree(conditions(100)), "rule", problems)).isNotNull();
		assertThat(problems.errors()).isEmpty();
	}

	/** {@code depth} levels: nots around one condition. */
	static String nested(int depth) {
		return "{\"not\": ".repeat(depth - 1) + "{\"event\": \"X\"}" + "}".repeat(depth - 1);
	}

	static String conditions(int count) {
		return "{\"any\": [" + String.join(", ", java.util.Collections.nCopies(count, "{\"event\": \"X\"}")) + "]}";
	}

	static FieldCondition field(ContactField field, Operator op, Operand operand, Object value) {
		return new FieldCondition(field, new Comparison(op, operand, value));
	}

	static AttributeCondition attribute(String name, Operator op, Operand operand, Object value) {
		return new AttributeCondition(name, new Comparison(op, operand, value));
	}

}
