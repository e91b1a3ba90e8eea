package io.tidings.journey.internal;

import java.util.Optional;

import io.tidings.experiment.Experiment;
import io.tidings.experiment.Experiments;
import io.tidings.experiment.MalformedExperiment;
import io.tidings.experiment.Variant;
import org.camunda.bpm.engine.delegate.DelegateExecution;

import org.springframework.stereotype.Component;

/**
 * Reads a step's A/B test from its input parameters ({@code variants},
 * {@code experimentMetric}, {@code autoWinnerAfter}) and assigns the journey's contact a
 * variant. A step whose settings cannot be read fails with a message naming the step,
 * which Cockpit shows on the incident.
 */
@Component
class StepExperiments {

	private final Experiments experiments;

	StepExperiments(Experiments experiments) {
		this.experiments = experiments;
	}

	/** The send step's variant for the contact, if the step declares variants. */
	Optional<Variant> contentVariant(DelegateExecution execution, String contactId) {
		String variants = StepInputs.optionalString(execution, "variants");
		if (variants == null || variants.isBlank()) {
			return Optional.empty();
		}
		return Optional.of(assign(execution, Experiment.Kind.CONTENT, null, variants, contactId));
	}

	/** The split's path for the contact. */
	Variant path(DelegateExecution execution, String variable, String variants, String contactId) {
		return assign(execution, Experiment.Kind.PATH, variable, variants, contactId);
	}

	private Variant assign(DelegateExecution execution, Experiment.Kind kind, String variable, String variants,
			String contactId) {
		try {
			Experiment experiment = Experiment.declared(JourneyKeys.of(execution), execution.getCurrentActivityId(),
					kind, variable, variants, StepInputs.optionalString(execution, "experimentMetric"),
					StepInputs.optionalString(execution, "autoWinnerAfter"));
			return experiments.assign(experiment, contactId);
		}
		catch (MalformedExperiment ex) {
			throw new IllegalStateException("Step '" + execution.getCurrentActivityId() + "': " + ex.getMessage(), ex);
		}
	}

}
