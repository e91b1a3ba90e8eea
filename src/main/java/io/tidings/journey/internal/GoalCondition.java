package io.tidings.journey.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.el.Expression;
import org.camunda.bpm.engine.impl.context.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A goal step's optional condition on its event: an expression over the journey's
 * variables, which hold the event's data ({@code total >= 50}, {@code plan == 'pro'}).
 * Written as plain text it is evaluated here, and an event without a field the condition
 * names, or has text where the condition compares numbers, does not meet it (an order
 * without a total is no order over 50). Written as {@code ${...}} the engine has
 * evaluated it already. A condition that cannot be read, or is not true or false, stops
 * the step, naming it.
 */
final class GoalCondition {

	private static final Logger log = LoggerFactory.getLogger(GoalCondition.class);

	private GoalCondition() {
	}

	static boolean holds(DelegateExecution execution, Object condition) {
		if (condition == null || condition instanceof String text && text.isBlank()) {
			return true;
		}
		if (condition instanceof Boolean result) {
			return result;
		}
		if (!(condition instanceof String text)) {
			throw problem(execution, "must be a condition, not " + condition.getClass().getSimpleName(), null);
		}
		Expression expression;
		try {
			expression = Context.getProcessEngineConfiguration()
				.getExpressionManager()
				.createExpression("${" + text.strip() + "}");
		}
		catch (RuntimeException ex) {
			throw problem(execution, "'" + text + "' cannot be read: " + ex.getMessage(), ex);
		}
		Object result;
		try {
			result = expression.getValue(execution);
		}
		catch (RuntimeException ex) {
			// The event's data does not fit (a field missing, text where the condition
			// compares numbers): the event is valid, it just is not the goal. The
			// message would quote the contact's data, so only its kind is logged.
			log.info("Step '{}': the condition '{}' does not hold for this event ({})",
					execution.getCurrentActivityId(), text, ex.getClass().getSimpleName());
			return false;
		}
		if (result instanceof Boolean holds) {
			return holds;
		}
		throw problem(execution, "'" + text + "' must be true or false, not " + result, null);
	}

	private static IllegalStateException problem(DelegateExecution execution, String detail, Throwable cause) {
		return new IllegalStateException("Step '" + execution.getCurrentActivityId() + "': the condition " + detail,
				cause);
	}

}
