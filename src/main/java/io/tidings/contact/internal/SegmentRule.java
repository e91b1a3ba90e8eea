package io.tidings.contact.internal;

import java.util.List;

/**
 * A parsed segment rule: what {@link SegmentRuleParser} makes of the JSON and
 * {@link SegmentSql} turns into a condition on {@code contacts c}.
 */
sealed interface SegmentRule {

	record All(List<SegmentRule> rules) implements SegmentRule {
	}

	record Any(List<SegmentRule> rules) implements SegmentRule {
	}

	record Not(SegmentRule rule) implements SegmentRule {
	}

	record FieldCondition(ContactField field, Comparison comparison) implements SegmentRule {
	}

	record AttributeCondition(String name, Comparison comparison) implements SegmentRule {
	}

	/**
	 * How often the contact had the event, in the last {@code withinDays} days or ever
	 * (null). {@code never} is {@code atMost} 0.
	 */
	record EventCondition(String name, Integer atLeast, Integer atMost, Integer withinDays) implements SegmentRule {
	}

	/** No engagement since {@code days} days ago, counted from creation if none ever. */
	record NoEngagement(int days) implements SegmentRule {
	}

	/**
	 * An operator and its operand: a String, BigDecimal, Boolean or LocalDate, a list of
	 * Strings or BigDecimals for {@code in}, an Integer for {@code daysAgo}, or null for
	 * {@code exists}.
	 */
	record Comparison(Operator op, Operand operand, Object value) {
	}

	/** The kind of operand, which picks the attribute column a condition reads. */
	enum Operand {

		NONE, TEXT, NUMBER, BOOLEAN, DATE, DAYS_AGO, TEXT_LIST, NUMBER_LIST

	}

}
