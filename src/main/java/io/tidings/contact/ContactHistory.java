package io.tidings.contact;

import java.time.Instant;
import java.util.List;

/**
 * What other modules know of a contact's past, for the contact's own page in the API. The
 * modules that keep events and run journeys implement it, so the contact module needs
 * neither.
 */
public interface ContactHistory {

	/** The contact's latest events, newest first. */
	default List<RecentEvent> recentEvents(String contactId, int limit) {
		return List.of();
	}

	/** The contact's journeys, running and ended, newest first. */
	default List<JourneyVisit> journeys(String contactId, int limit) {
		return List.of();
	}

	record RecentEvent(String id, String name, String correlationKey, Instant receivedAt, int startedJourneys,
			int continuedJourneys) {
	}

	/**
	 * @param state RUNNING, COMPLETED or a reason it ended otherwise
	 * @param waitingAt the steps a running journey waits in
	 */
	record JourneyVisit(String instanceId, String journeyKey, int version, String state, Instant startedAt,
			Instant endedAt, List<String> waitingAt) {
	}

}
