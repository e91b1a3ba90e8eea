package io.tidings.journey.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Reads a step's input parameters, with errors that name the step so Cockpit's incident
 * says what to fix.
 */
final class StepInputs {

	private StepInputs() {
	}

	static String requiredString(DelegateExecution execution, String name) {
		String value = optionalString(execution, name);
		if (value == null || value.isBlank()) {
			throw new IllegalStateException(
					"Step '" + execution.getCurrentActivityId() + "' needs the input parameter '" + name + "'");
		}
		return value;
	}

	static String optionalString(DelegateExecution execution, String name) {
		Object value = execution.getVariableLocal(name);
		if (value != null && !(value instanceof String)) {
			throw new IllegalStateException("Step '" + execution.getCurrentActivityId() + "': input parameter '" + name
					+ "' must be text, not " + value.getClass().getSimpleName());
		}
		return (String) value;
	}

}
