package io.tidings.delivery.internal;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.tidings.consent.EmailCategory;
import io.tidings.consent.Suppressions;
import io.tidings.consent.TopicConsents;
import io.tidings.delivery.DeliveryProperties;

import org.springframework.stereotype.Component;

/**
 * The checks a claimed mail passes at the last moment before it goes on the wire:
 * suppression, the topic's consent, then for marketing mail quiet hours and the frequency
 * cap. Transactional mail is never held back by the last two. Suppression and consent are
 * asked for a batch of mails at once ({@link #check}), a round trip to the database each
 * instead of up to three per mail; the workers ask again when an answer gets older than
 * {@link DeliveryWorkers#CHECKS_VALID_FOR}.
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

	/** Suppression and topic consent for all of these mails, asked now. */
	Checks check(List<ClaimedDelivery> deliveries) {
		Map<String, String> blocked = new HashMap<>();
		for (EmailCategory category : EmailCategory.values()) {
			List<ClaimedDelivery> ofCategory = deliveries.stream()
				.filter(delivery -> delivery.category() == category)
				.toList();
			if (ofCategory.isEmpty()) {
				continue;
			}
			Map<String, String> suppressed = suppressions
				.blockReasons(ofCategory.stream().map(ClaimedDelivery::recipient).distinct().toList(), category);
			ofCategory.stream()
				.filter(delivery -> suppressed.containsKey(delivery.recipient()))
				.forEach(delivery -> blocked.put(delivery.id(), suppressed.get(delivery.recipient())));
		}
		List<ClaimedDelivery> marketing = deliveries.stream()
			.filter(delivery -> delivery.category() == EmailCategory.MARKETING && !blocked.containsKey(delivery.id()))
			.toList();
		if (!marketing.isEmpty()) {
			Map<TopicConsents.Recipient, String> noConsent = topicConsents
				.blockReasons(marketing.stream().map(SendPolicy::recipient).collect(Collectors.toSet()));
			marketing.stream()
				.filter(delivery -> noConsent.containsKey(recipient(delivery)))
				.forEach(delivery -> blocked.put(delivery.id(), noConsent.get(recipient(delivery))));
		}
		return new Checks(blocked, clock.instant());
	}

	private static TopicConsents.Recipient recipient(ClaimedDelivery delivery) {
		return new TopicConsents.Recipient(delivery.contactId(), delivery.topic());
	}

	/** Asks suppression and consent for this mail alone. */
	Decision decide(ClaimedDelivery delivery) {
		return decide(delivery, check(List.of(delivery)));
	}

	/**
	 * @param checks suppression and consent as asked for the mail's batch; a mail the
	 * checks do not cover is let through by them
	 */
	Decision decide(ClaimedDelivery delivery, Checks checks) {
		String blocked = checks.blocked().get(delivery.id());
		if (blocked != null) {
			return Decision.skip(blocked);
		}
		if (delivery.category() != EmailCategory.MARKETING) {
			return Decision.SEND;
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

	/**
	 * @param blocked delivery id → why it must not go, for the mails asked about
	 * @param askedAt when the database answered
	 */
	record Checks(Map<String, String> blocked, Instant askedAt) {

		boolean askedBefore(Instant moment) {
			return askedAt.isBefore(moment);
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
