package io.tidings.delivery.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import io.tidings.consent.EmailCategory;
import io.tidings.delivery.DeliveryProperties;
import io.tidings.delivery.SendSchedule;

import org.springframework.stereotype.Component;

/**
 * The same quiet-hours and frequency-cap rules {@link SendPolicy} applies at the last
 * moment, applied to a moment given. A mail the cap holds back may then land in quiet
 * hours and the other way round, so the rules are applied until neither moves it.
 */
@Component
class RuleSendSchedule implements SendSchedule {

	private static final int MAX_ROUNDS = 16;

	private final DeliveryProperties properties;

	RuleSendSchedule(DeliveryProperties properties) {
		this.properties = properties;
	}

	@Override
	public Scheduled schedule(EmailCategory category, String timeZone, Instant queuedAt,
			List<Instant> earlierMarketingSends) {
		if (category != EmailCategory.MARKETING) {
			return new Scheduled(queuedAt, null);
		}
		Instant at = queuedAt;
		String reason = null;
		for (int round = 0; round < MAX_ROUNDS; round++) {
			Optional<Instant> quiet = quietUntil(at, timeZone);
			Optional<Instant> capped = cappedUntil(quiet.orElse(at), earlierMarketingSends);
			if (quiet.isEmpty() && capped.isEmpty()) {
				break;
			}
			reason = capped.isPresent() ? "frequency cap of " + properties.frequencyCap().maxPerWindow()
					+ " marketing mails per " + properties.frequencyCap().window() : "quiet hours";
			at = capped.isPresent() ? capped.get() : quiet.get();
		}
		return new Scheduled(at, reason);
	}

	private Optional<Instant> quietUntil(Instant at, String timeZone) {
		DeliveryProperties.QuietHours quiet = properties.quietHours();
		if (!quiet.enabled()) {
			return Optional.empty();
		}
		return new QuietHoursWindow(quiet.start(), quiet.end()).deferUntil(at, zone(timeZone, quiet.defaultTimeZone()));
	}

	private Optional<Instant> cappedUntil(Instant at, List<Instant> earlier) {
		DeliveryProperties.FrequencyCap cap = properties.frequencyCap();
		if (!cap.enabled()) {
			return Optional.empty();
		}
		List<Instant> inWindow = earlier.stream().filter(sent -> !sent.isAfter(at)).toList();
		return new FrequencyCapRule(cap.maxPerWindow(), cap.window()).deferUntil(at, inWindow, 0)
			.filter(until -> until.isAfter(at));
	}

	private static ZoneId zone(String timeZone, ZoneId fallback) {
		if (timeZone == null) {
			return fallback;
		}
		try {
			return ZoneId.of(timeZone);
		}
		catch (DateTimeException ex) {
			return fallback;
		}
	}

}
