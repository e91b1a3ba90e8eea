package io.tidings.sendtime.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import io.tidings.sendtime.EngagementHistory;

/**
 * Everyone's decayed engagement by their own local hour of the week: the prior for
 * contacts with little history of their own. Reading it scans the whole lookback, so it
 * is kept for {@code audienceRefresh} and then read again.
 */
final class AudiencePattern {

	private final EngagementHistory history;

	private final SendTimeModel model;

	private final Duration lookback;

	private final Duration refresh;

	private final ZoneId defaultZone;

	private WeeklyPattern pattern;

	private Instant readAt;

	AudiencePattern(EngagementHistory history, SendTimeModel model, Duration lookback, Duration refresh,
			ZoneId defaultZone) {
		this.history = history;
		this.model = model;
		this.lookback = lookback;
		this.refresh = refresh;
		this.defaultZone = defaultZone;
	}

	synchronized WeeklyPattern asOf(Instant now) {
		if (pattern == null || now.isBefore(readAt) || !now.isBefore(readAt.plus(refresh))) {
			pattern = read(now);
			readAt = now;
		}
		return pattern;
	}

	private WeeklyPattern read(Instant now) {
		WeeklyPattern audience = new WeeklyPattern();
		Map<String, ZoneId> zones = new HashMap<>();
		history.eachHumanEngagement(now.minus(lookback), (occurredAt, timeZone) -> {
			ZoneId zone = timeZone == null ? defaultZone
					: zones.computeIfAbsent(timeZone, name -> Zones.resolve(name, defaultZone));
			audience.add(WeeklyPattern.hourOfWeek(occurredAt, zone), model.decay().weight(occurredAt, now));
		});
		return audience;
	}

}
