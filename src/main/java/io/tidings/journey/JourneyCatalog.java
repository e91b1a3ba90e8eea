package io.tidings.journey;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The deployed journeys, for people and dashboards. */
public interface JourneyCatalog {

	/** Every journey's latest version with its counts, by key. */
	List<JourneySummary> all();

	/**
	 * The names of the journey's steps by id, over all its versions (a later version's
	 * name wins).
	 * @throws UnknownJourney when no journey has the key
	 */
	Map<String, String> stepNames(String journeyKey);

	/**
	 * @param running instances running now, on any version
	 * @param completed instances that ended (reached an end, or were ended: an
	 * unsubscribe, an erasure), on any version
	 * @param topics the marketing topics its mails belong to; empty for a transactional
	 * journey
	 * @param startsOn the message names that start it
	 */
	record JourneySummary(String key, String name, int version, int versions, long running, long completed,
			Set<String> topics, List<String> startsOn) {
	}

}
