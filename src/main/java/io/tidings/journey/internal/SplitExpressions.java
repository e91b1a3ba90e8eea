package io.tidings.journey.internal;

import io.tidings.experiment.Variant;
import org.camunda.bpm.engine.delegate.DelegateExecution;

import org.springframework.stereotype.Component;

/**
 * The A/B split step: a service task with
 * {@code camunda:expression="${split.assign(execution, 'reminderTiming',
 * 'early:50,late:50')}"} sets the process variable to the contact's variant, for a
 * gateway after it ({@code ${reminderTiming == 'late'}}). The Modeler's form writes
 * {@code ${split.assign(execution)}} with the input parameters {@code splitVariable} and
 * {@code variants} instead. Each contact gets the same variant every time, and all later
 * contacts the auto-winner once one is decided.
 */
@Component("split")
public class SplitExpressions {

	private final StepExperiments experiments;

	SplitExpressions(StepExperiments experiments) {
		this.experiments = experiments;
	}

	/** The form's way: variable and variants from the step's input parameters. */
	public String assign(DelegateExecution execution) {
		return assign(execution, StepInputs.requiredString(execution, "splitVariable"),
				StepInputs.requiredString(execution, "variants"));
	}

	public String assign(DelegateExecution execution, String variable, String variants) {
		String contactId = execution.getProcessBusinessKey();
		if (contactId == null) {
			throw new IllegalStateException("Step '" + execution.getCurrentActivityId()
					+ "' splits contacts, but the journey has no business key, so no contact to assign");
		}
		Variant variant = experiments.path(execution, variable, variants, contactId);
		execution.setVariable(variable, variant.name());
		return variant.name();
	}

}
