package io.tidings.delivery.internal;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import io.tidings.consent.EmailCategory;
import io.tidings.consent.Suppressions;
import io.tidings.consent.TopicConsents;
import io.tidings.delivery.DeliveryProperties;

import org.springframework.stereotype.Component;

/**
 * The checks a claimed mail passes at the last moment before it goes on the wire:
 * suppression, the topic's consent, then for marketing mail quiet hours and the frequency
 * cap. Transactional mail is never held back by the last two.
 */
@Component
class SendPolicy {

	private final Suppressions suppressions;

	private final TopicConsents topicConsents;

	private final DeliveryStore store;

	private final DeliveryProperties properties;

	private final Clock clock;

	SendPolicy(Suppressions suppressions, TopicConsents topicConsents, DeliveryStore store,
			DeliveryProperties properties, Clock clock) {
		this.suppressions = suppressions;
		this.topicConsents = topicConsents;
		this.store = store;
		this.properties = properties;
		this.clock = clock;
	}

	Decision decide(ClaimedDelivery delivery) {
		Optional<String> blocked = suppressions.blockReason(delivery.recipient(), delivery.category());
		if (blocked.isPresent()) {
			return Decision.skip(blocked.get());
		}
		if (delivery.category() != EmailCategory.MARKETING) {
			return Decision.SEND;
		}
		Optional<String> noConsent = topicConsents.blockReason(delivery.contactId(), delivery.topic());
		if (noConsent.isPresent()) {
			return Decision.skip(noConsent.get());
		}
		Instant now = clock.instant();
		DeliveryProperties.QuietHours quiet = properties.quietHours();
		if (quiet.enabled()) {
			ZoneId zone = zoneOf(delivery, quiet.defaultTimeZone());
			Optional<Instant> after = new QuietHoursWindow(quiet.start(), quiet.end()).deferUntil(now, zone);
			if (after.isPresent()) {
				return Decision.defer(after.get(), "quiet hours in " + zone.getId());
			}
		}
		DeliveryProperties.FrequencyCap cap = properties.frequencyCap();
		if (cap.enabled()) {
			Optional<Instant> fits = new FrequencyCapRule(cap.maxPerWindow(), cap.window()).deferUntil(now,
					store.marketingSentSince(delivery.contactId(), now.minus(cap.window())),
					store.marketingInFlightBefore(delivery));
			if (fits.isPresent()) {
				return Decision.defer(fits.get(),
						"frequency cap of " + cap.maxPerWindow() + " marketing mails per " + cap.window());
			}
		}
		return Decision.SEND;
	}

	private static ZoneId zoneOf(ClaimedDelivery delivery, ZoneId fallback) {
		if (delivery.recipientTimeZone() == null) {
			return fallback;
		}
		try {
			return ZoneId.of(delivery.recipientTimeZone());
		}
		catch (DateTimeException ex) {
			return fallback;
		}
	}

	record Decision(Action action, Instant until, String reason) {

		static final Decision SEND = new Decision(Action.SEND, null, null);

		static Decision skip(String reason) {
			return new Decision(Action.SKIP, null, reason);
		}

		static Decision defer(Instant until, String reason) {
			return new Decision(Action.DEFER, until, reason);
		}

	}

	enum Action {

		SEND, SKIP, DEFER

	}

}
