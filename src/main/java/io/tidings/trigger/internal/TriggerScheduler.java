package io.tidings.trigger.internal;

import java.time.Clock;
import java.time.Instant;

import io.tidings.platform.PeriodicTask;
import io.tidings.trigger.TriggerProperties;
import io.tidings.trigger.Triggers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Looks for due triggers every poll interval (inactivity less often: it reads every
 * contact). Every node may run it; each firing is recorded once.
 */
@Component
class TriggerScheduler extends PeriodicTask implements Triggers {

	private static final Logger log = LoggerFactory.getLogger(TriggerScheduler.class);

	private final DateTriggers dates;

	private final InactivityTriggers inactivity;

	private final SegmentEntryTriggers segmentEntries;

	private final TriggerProperties properties;

	private final Clock clock;

	private volatile Instant lastInactivityLook = Instant.MIN;

	TriggerScheduler(DateTriggers dates, InactivityTriggers inactivity, SegmentEntryTriggers segmentEntries,
			TriggerProperties properties, Clock clock) {
		super("triggers", "look for due triggers", properties.pollInterval());
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
	protected boolean enabled() {
		return properties.enabled();
	}

	@Override
	protected void runOnce() {
		Instant now = clock.instant();
		int fired = dates.fireDue(now) + segmentEntries.fireDue(now);
		if (!now.isBefore(lastInactivityLook.plus(properties.inactivityInterval()))) {
			fired += inactivity.fireDue(now);
			lastInactivityLook = now;
		}
		if (fired > 0) {
			log.info("Triggers started journeys for {} contacts", fired);
		}
	}

}
