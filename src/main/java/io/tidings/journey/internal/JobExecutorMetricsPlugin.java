package io.tidings.journey.internal;

import java.util.HashMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.tidings.journey.JourneyProperties;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.metrics.MetricsRegistry;
import org.camunda.bpm.engine.management.Metrics;

import org.springframework.stereotype.Component;

/**
 * The job executor at {@code /actuator/prometheus}: {@code tidings.engine.jobs} counted
 * by outcome on this node (acquired, executed, failed, rejected: the engine's own job
 * metrics, passed on as they are marked), and from the database all nodes share the due
 * jobs not yet done ({@code tidings.engine.jobs.due}) and the open incidents
 * ({@code tidings.engine.incidents.open}); for those two take max() over nodes, not
 * sum(). The counters stay at zero when the engine's metrics are off
 * ({@code camunda.bpm.metrics.enabled=false}).
 */
@Component
class JobExecutorMetricsPlugin extends AbstractProcessEnginePlugin {

	/** The engine's metric names and the outcome they are counted as. */
	private static final Map<String, String> OUTCOMES = Map.of(Metrics.JOB_ACQUIRED_SUCCESS, "acquired",
			Metrics.JOB_SUCCESSFUL, "executed", Metrics.JOB_FAILED, "failed", Metrics.JOB_EXECUTION_REJECTED,
			"rejected");

	private final MeterRegistry registry;

	private final JourneyProperties properties;

	JobExecutorMetricsPlugin(MeterRegistry registry, JourneyProperties properties) {
		this.registry = registry;
		this.properties = properties;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setMetricsRegistry(new CountingMetricsRegistry(registry));
	}

	@Override
	public void postProcessEngineBuild(ProcessEngine engine) {
		JobBacklog backlog = new JobBacklog(engine.getManagementService(), engine.getRuntimeService(),
				properties.engineMetrics().refresh());
		Gauge.builder("tidings.engine.jobs.due", backlog, b -> b.read().dueJobs())
			.description("Jobs (timers, asynchronous steps) whose time has come and that still have retries left")
			.register(registry);
		Gauge.builder("tidings.engine.incidents.open", backlog, b -> b.read().openIncidents())
			.description("Open incidents: steps that failed their last retry and wait for an operator")
			.strongReference(true)
			.register(registry);
	}

	/** The engine's registry, which also counts the job outcomes in Micrometer. */
	static final class CountingMetricsRegistry extends MetricsRegistry {

		private final Map<String, Counter> counters;

		CountingMetricsRegistry(MeterRegistry registry) {
			Map<String, Counter> byName = new HashMap<>();
			OUTCOMES.forEach((name, outcome) -> byName.put(name,
					Counter.builder("tidings.engine.jobs")
						.description("Jobs of the engine's job executor on this node, by outcome")
						.tag("outcome", outcome)
						.register(registry)));
			this.counters = Map.copyOf(byName);
		}

		@Override
		public void markOccurrence(String name, long times) {
			super.markOccurrence(name, times);
			Counter counter = counters.get(name);
			if (counter != null) {
				counter.increment(times);
			}
		}

	}

}
