package io.tidings.trigger.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tidings.contact.Contacts;
import io.tidings.contact.Segments;
import io.tidings.journey.JourneyTrigger;
import io.tidings.journey.Journeys;
import io.tidings.trigger.TriggerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Journeys that start at {@code SegmentEntered} and name their segment in the process
 * property {@code tidings.segment}: a contact who joins the segment enters the journey
 * once per entry (leaving and joining again is a new entry). Who is in the segment when
 * it is first watched is the baseline, not an entry.
 */
@Component
class SegmentEntryTriggers {

	static final String ENTERED = "SegmentEntered";

	static final String SEGMENT_PROPERTY = "tidings.segment";

	private static final Logger log = LoggerFactory.getLogger(SegmentEntryTriggers.class);

	private static final Duration LEASE = Duration.ofMinutes(5);

	private final Journeys journeys;

	private final Segments segments;

	private final Contacts contacts;

	private final SegmentWatches watches;

	private final FiringLog firings;

	private final TransactionTemplate transaction;

	private final TriggerProperties properties;

	SegmentEntryTriggers(Journeys journeys, Segments segments, Contacts contacts, SegmentWatches watches,
			FiringLog firings, TransactionTemplate transaction, TriggerProperties properties) {
		this.journeys = journeys;
		this.segments = segments;
		this.contacts = contacts;
		this.watches = watches;
		this.firings = firings;
		this.transaction = transaction;
		this.properties = properties;
	}

	int fireDue(Instant now) {
		Map<String, List<JourneyTrigger>> bySegment = new LinkedHashMap<>();
		for (JourneyTrigger journey : journeys.triggeredBy(ENTERED)) {
			String segment = journey.property(SEGMENT_PROPERTY);
			if (segment == null || segment.isBlank() || segments.find(segment.strip()).isEmpty()) {
				log.warn("Journey {} starts at {} but its process property {} names no segment ('{}')",
						journey.journeyKey(), ENTERED, SEGMENT_PROPERTY, segment);
				continue;
			}
			bySegment.computeIfAbsent(segment.strip(), key -> new ArrayList<>()).add(journey);
		}
		int fired = 0;
		for (var watched : bySegment.entrySet()) {
			fired += look(watched.getKey(), watched.getValue(), now);
		}
		return fired;
	}

	private int look(String segment, List<JourneyTrigger> starts, Instant now) {
		SegmentWatches.Claim claim = watches.claim(segment, now, now.plus(LEASE));
		if (claim == SegmentWatches.Claim.BUSY) {
			return 0;
		}
		int[] fired = { 0 };
		try {
			segments.forEachMember(segment, properties.batchSize(), members -> {
				for (String contactId : watches.newcomers(segment, members, now)) {
					if (enter(segment, contactId, claim == SegmentWatches.Claim.LOOK ? starts : List.of(), now)) {
						fired[0]++;
					}
				}
			});
			watches.forgetLeavers(segment, now);
		}
		finally {
			watches.release(segment);
		}
		return claim == SegmentWatches.Claim.LOOK ? fired[0] : 0;
	}

	private boolean enter(String segment, String contactId, List<JourneyTrigger> starts, Instant now) {
		boolean invalid = contacts.find(contactId).map(contact -> contact.address().invalid()).orElse(true);
		return Boolean.TRUE.equals(transaction.execute(status -> {
			if (!watches.enter(segment, contactId, now)) {
				return false;
			}
			if (!invalid) {
				for (JourneyTrigger start : starts) {
					if (firings.record(ENTERED + ":" + start.journeyKey(), contactId,
							String.valueOf(now.toEpochMilli()), now)) {
						journeys.start(start, contactId, Map.of("segment", segment, "enteredAt", now.toString()));
					}
				}
			}
			return true;
		}));
	}

}
