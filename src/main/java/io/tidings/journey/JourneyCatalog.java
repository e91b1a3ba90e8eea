package io.tidings.journey;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The deployed journeys, for people and dashboards. */
public interface JourneyCatalog {

	/** Every journey's latest version with its counts, by key. */
	List<JourneySummary> all();

	/**
	 * The names of the journey's steps by id, over all its versions (a later version's
	 * name wins), in the order of the flow: the latest version's steps as its diagram
	 * leads from the start event to the end, then the steps only older versions have.
	 * @throws UnknownJourney when no journey has the key
	 */
	Map<String, String> stepNames(String journeyKey);

	/**
	 * How many contacts entered the journey: instances started in the period, ended or
	 * not, erased ones left out.
	 * @param from at or after it, or null for all
	 * @param to before it, or null for all
	 * @param version of this version only, or null for every version
	 */
	long entered(String journeyKey, Instant from, Instant to, Integer version);

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
