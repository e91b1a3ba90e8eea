package io.tidings.sendtime;

import java.time.Instant;
import java.util.List;

/**
 * The opens and clicks the send-time model learns from. Only human engagement counts:
 * machine opens (privacy proxies prefetching, link scanners) say nothing about when a
 * person reads mail.
 */
public interface EngagementHistory {

	/** Nobody engaged yet: every contact gets the audience's, else the default, time. */
	EngagementHistory NONE = new EngagementHistory() {

		@Override
		public List<Instant> humanEngagements(String contactId, Instant since) {
			return List.of();
		}

		@Override
		public void eachHumanEngagement(Instant since, AudienceEngagement sink) {
		}

	};

	/** The contact's human opens and clicks at or after {@code since}. */
	List<Instant> humanEngagements(String contactId, Instant since);

	/**
	 * Hands every contact's human opens and clicks at or after {@code since} to the sink,
	 * one by one, so the whole audience never has to fit in memory.
	 */
	void eachHumanEngagement(Instant since, AudienceEngagement sink);

	/** One engagement of someone in the audience. */
	@FunctionalInterface
	interface AudienceEngagement {

		/**
		 * @param timeZone the contact's IANA time zone, or null when the contact has none
		 */
		void accept(Instant occurredAt, String timeZone);

	}

}
