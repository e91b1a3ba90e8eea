package io.tidings.experiment.internal;

import io.tidings.experiment.ExperimentProperties;
import io.tidings.experiment.Experiments;
import io.tidings.platform.PeriodicTask;
import org.springframework.stereotype.Component;

/**
 * Looks at the experiments with an auto-winner every evaluation interval. Every node may:
 * a decision is recorded once, and the first one stands.
 */
@Component
class AutoWinnerSchedule extends PeriodicTask {

	private final Experiments experiments;

	AutoWinnerSchedule(Experiments experiments, ExperimentProperties properties) {
		super("experiments", "look for experiment winners", properties.evaluationInterval());
		this.experiments = experiments;
	}

	@Override
	protected void runOnce() {
		experiments.decideWinners();
	}

}
