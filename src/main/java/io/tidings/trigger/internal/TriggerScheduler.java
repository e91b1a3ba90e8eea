package io.tidings.trigger.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.tidings.trigger.TriggerProperties;
import io.tidings.trigger.Triggers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Looks for due triggers every poll interval (inactivity less often: it reads every
 * contact). Every node may run it; each firing is recorded once.
 */
@Component
class TriggerScheduler implements SmartLifecycle, Triggers {

	private static final Logger log = LoggerFactory.getLogger(TriggerScheduler.class);

	private final DateTriggers dates;

	private final InactivityTriggers inactivity;

	private final SegmentEntryTriggers segmentEntries;

	private final TriggerProperties properties;

	private final Clock clock;

	private ScheduledExecutorService executor;

	private volatile Instant lastInactivityLook = Instant.MIN;

	TriggerScheduler(DateTriggers dates, InactivityTriggers inactivity, SegmentEntryTriggers segmentEntries,
			TriggerProperties properties, Clock clock) {
		this.dates = dates;
		this.inactivity = inactivity;
		this.segmentEntries = segmentEntries;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public int fireDue(Instant now) {
		return dates.fireDue(now) + inactivity.fireDue(now) + segmentEntries.fireDue(now);
	}

	@Override
	public void start() {
		if (!properties.enabled()) {
			return;
		}
		executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "triggers");
			thread.setDaemon(true);
			return thread;
		});
		long period = properties.pollInterval().toMillis();
		executor.scheduleWithFixedDelay(this::look, period, period, TimeUnit.MILLISECONDS);
	}

	private void look() {
		Instant now = clock.instant();
		try {
			int fired = dates.fireDue(now) + segmentEntries.fireDue(now);
			if (!now.isBefore(lastInactivityLook.plus(properties.inactivityInterval()))) {
				fired += inactivity.fireDue(now);
				lastInactivityLook = now;
			}
			if (fired > 0) {
				log.info("Triggers started journeys for {} contacts", fired);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not look for due triggers, trying again at the next look: {}", ex.getMessage());
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
