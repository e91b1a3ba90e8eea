package io.tidings.analytics.internal;

import java.util.concurrent.TimeUnit;

import io.tidings.analytics.StatsRollupProperties;
import io.tidings.platform.PeriodicTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Runs the statistics rollup every {@code tidings.analytics.rollup.interval}; with the
 * rollup off (on PostgreSQL), only keeps the change marks down to one per journey day.
 */
@Component
class JourneyStatsRollupSchedule extends PeriodicTask {

	private static final Logger log = LoggerFactory.getLogger(JourneyStatsRollupSchedule.class);

	private final JourneyStatsRollup rollup;

	private final StatsRollupProperties properties;

	JourneyStatsRollupSchedule(JourneyStatsRollup rollup, StatsRollupProperties properties) {
		super("stats-rollup", "roll the journey statistics up", properties.interval());
		this.rollup = rollup;
		this.properties = properties;
	}

	@Override
	protected void runOnce() {
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

}
