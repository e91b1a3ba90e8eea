package io.tidings.analytics.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.tidings.analytics.StatsRollupProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the statistics rollup every {@code tidings.analytics.rollup.interval}; with the
 * rollup off (on PostgreSQL), only keeps the change marks down to one per journey day.
 */
@Component
class JourneyStatsRollupSchedule implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(JourneyStatsRollupSchedule.class);

	private final JourneyStatsRollup rollup;

	private final StatsRollupProperties properties;

	private ScheduledExecutorService executor;

	JourneyStatsRollupSchedule(JourneyStatsRollup rollup, StatsRollupProperties properties) {
		this.rollup = rollup;
		this.properties = properties;
	}

	@Override
	public void start() {
		executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "stats-rollup");
			thread.setDaemon(true);
			return thread;
		});
		long period = properties.interval().toMillis();
		executor.scheduleWithFixedDelay(this::run, period, period, TimeUnit.MILLISECONDS);
	}

	private void run() {
		try {
			if (!properties.enabled()) {
				rollup.compactMarks();
				return;
			}
			long started = System.nanoTime();
			int days = rollup.run();
			if (days > 0) {
				log.info("Statistics rollup recomputed {} journey days in {} ms", days,
						TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
			}
		}
		catch (RuntimeException ex) {
			// Anything thrown out of a scheduled task would cancel all later runs.
			log.warn("Statistics rollup failed, trying again at the next run: {}", ex.getMessage());
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
