package io.tidings.journey;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Runs a journey for one contact in an engine of its own, with time moved forward as far
 * as the journey and a script of events need, and answers the timeline: each mail with
 * the time it would go (after quiet hours and the frequency cap), each wait, each branch
 * taken. Nothing is sent, and no stored data is read for writing or changed.
 */
public interface JourneySimulations {

	/**
	 * @throws UnknownJourney when no journey has the key
	 * @throws io.tidings.platform.InvalidInput for a script that cannot run (no events,
	 * negative offsets, too many days)
	 */
	Timeline simulate(String journeyKey, Script script);

	/**
	 * @param contact the stored contact to simulate for (read only), or null for
	 * {@code sampleContact}
	 * @param segments the segments the contact is in, for gateways that ask; null to ask
	 * the stored contact's real segments
	 * @param days how far to look ahead
	 */
	record Script(String contact, SampleContact sampleContact, List<String> segments, List<ScriptedEvent> events,
			int days) {
	}

	/** A made-up contact, for a journey tried before any real contact exists. */
	record SampleContact(String id, String email, String firstName, String lastName, String locale, String timeZone,
			Map<String, Object> attributes) {
	}

	/**
	 * @param after the offset from the start of the simulation, e.g. {@code PT0S},
	 * {@code P2D}
	 */
	record ScriptedEvent(String name, Duration after, String correlationKey, Map<String, Object> data) {
	}

	/**
	 * @param ended whether every instance had ended by {@code until}
	 */
	record Timeline(String journeyKey, int version, String contactId, Instant from, Instant until, boolean ended,
			int mails, List<Entry> entries) {
	}

	/**
	 * @param kind START, EVENT, MAIL, STEP, GOAL, WAIT, WAIT_FOR_EVENT, BRANCH, END,
	 * FAILED or IGNORED
	 * @param after the offset from the start
	 * @param mail for MAIL entries
	 */
	record Entry(Instant at, Duration after, String kind, String stepId, String name, String detail, Mail mail) {
	}

	/**
	 * @param heldBackBecause why the mail waited past the moment the journey queued it
	 */
	record Mail(String template, String subject, String category, String topic, String locale, String heldBackBecause) {
	}

}
