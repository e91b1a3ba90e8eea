package io.tidings.journey.internal;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

import io.tidings.journey.internal.GoalRecords.GoalReached;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.instance.StartEvent;

import org.springframework.stereotype.Component;

/**
 * "Goal reached" step: {@code camunda:delegateExpression="${goalReached}"} inside an
 * event sub-process whose message start event is the goal's event (an interrupting one
 * ends the journey at once, a non-interrupting one lets it go on). Inputs: {@code goal}
 * (its name), an optional {@code condition} the event must meet ({@code total >= 50}, see
 * {@link GoalCondition}) and {@code valueField}, the event data field that holds the
 * conversion's value. Records the goal once per journey instance, with where the contact
 * was and the send step of its last mail, and sets {@code goalMet} (not
 * {@code goalReached}: a variable of the bean's name would hide the bean).
 */
@Component("goalReached")
class GoalReachedStep implements JavaDelegate {

	static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,63}");

	private final GoalRecords records;

	GoalReachedStep(GoalRecords records) {
		this.records = records;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String goal = StepInputs.requiredString(execution, "goal").strip();
		if (!NAME.matcher(goal).matches()) {
			throw new IllegalStateException("Step '" + execution.getCurrentActivityId() + "': goal '" + goal
					+ "' must be lower-case letters, digits and '-', starting with a letter (at most 64)");
		}
		boolean met = GoalCondition.holds(execution, execution.getVariableLocal("condition"));
		execution.setVariable("goalMet", met);
		if (!met) {
			return;
		}
		StartEvent event = GoalSteps.goalEvent(execution);
		records.record(new GoalReached(execution.getProcessBusinessKey(), JourneyKeys.of(execution),
				JourneyKeys.versionOf(execution), execution.getProcessInstanceId(), goal, GoalSteps.messageName(event),
				GoalSteps.atStep(execution, GoalSteps.scopeOf(event)), GoalSteps.lastMailStep(execution),
				event.isInterrupting(), value(execution), currency(execution)));
	}

	/** A number, or numeric text, in the field the step names; else none. */
	static BigDecimal value(DelegateExecution execution) {
		String field = StepInputs.optionalString(execution, "valueField");
		Object value = field == null || field.isBlank() ? null : execution.getVariable(field.strip());
		try {
			return value instanceof Number || value instanceof String ? new BigDecimal(value.toString().strip()) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static String currency(DelegateExecution execution) {
		return execution.getVariable("currency") instanceof String code && code.strip().matches("[A-Za-z]{3}")
				? code.strip().toUpperCase(Locale.ROOT) : null;
	}

}
