package io.tidings.experiment.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.tidings.experiment.ExperimentProperties;
import io.tidings.experiment.Experiments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Looks at the experiments with an auto-winner every evaluation interval. Every node may:
 * a decision is recorded once, and the first one stands.
 */
@Component
class AutoWinnerSchedule implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(AutoWinnerSchedule.class);

	private final Experiments experiments;

	private final ExperimentProperties properties;

	private ScheduledExecutorService executor;

	AutoWinnerSchedule(Experiments experiments, ExperimentProperties properties) {
		this.experiments = experiments;
		this.properties = properties;
	}

	@Override
	public void start() {
		executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "experiments");
			thread.setDaemon(true);
			return thread;
		});
		long period = properties.evaluationInterval().toMillis();
		executor.scheduleWithFixedDelay(this::look, period, period, TimeUnit.MILLISECONDS);
	}

	private void look() {
		try {
			experiments.decideWinners();
		}
		catch (RuntimeException ex) {
			log.warn("Could not look for experiment winners, trying again at the next look: {}", ex.getMessage());
		}
	}

	@Override
	public void stop() {
		if (executor != null) {
			executor.shutdownNow();
			executor = null;
		}
	}

	@Override
	public boolean isRunning() {
		return executor != null;
	}

}
