package io.tidings.consent;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Consent per contact per marketing topic. Every change is recorded with its origin (see
 * {@link ConsentHistory}); unsubscribing from a topic ends the contact's journeys of that
 * topic and withdraws its queued mail of it ({@link ContactUnsubscribed}).
 */
public interface TopicConsents {

	/** Every configured topic, in configured order, with the contact's state of it. */
	Map<String, TopicState> of(String contactId);

	/**
	 * Why marketing mail of the topic must not go to the contact, or empty when it may.
	 * Suppressions are not asked here: see {@link Suppressions}.
	 * @param topic null means the default topic
	 */
	Optional<String> blockReason(String contactId, String topic);

	/**
	 * {@link #blockReason} for several contacts and topics at once, in one query: the
	 * delivery workers ask once per batch of mails.
	 * @return the blocked ones, as given, with their reasons
	 */
	Map<Recipient, String> blockReasons(Collection<Recipient> recipients);

	/**
	 * A contact as the recipient of marketing mail of a topic.
	 *
	 * @param topic null means the default topic
	 */
	record Recipient(String contactId, String topic) {
	}

	/**
	 * Subscribes to and unsubscribes from topics. Subscribing to any topic is an explicit
	 * wish for marketing mail, so it lifts an earlier unsubscribe from all marketing mail
	 * and a spam complaint (not a hard bounce or an operator's block).
	 * @param topics topic → subscribed; every topic must be configured
	 * @throws IllegalArgumentException naming an unknown topic
	 * @throws io.tidings.contact.UnknownContact when there is no such contact
	 */
	void change(String contactId, Map<String, Boolean> topics, Origin origin);

	/**
	 * Marks the topics pending until the contact confirms the double opt-in mail. A topic
	 * already subscribed stays subscribed.
	 * @return the topics now pending
	 */
	List<String> requestOptIn(String contactId, List<String> topics, Origin origin);

	/**
	 * Subscribes the contact to its pending topics and tells the waiting journey.
	 * @return the topics confirmed; empty when nothing was pending (a second click)
	 */
	List<String> confirmOptIn(String contactId, Origin origin);

	/** Forgets pending topics whose confirmation never came. */
	List<String> expireOptIn(String contactId);

	enum TopicStatus {

		SUBSCRIBED, UNSUBSCRIBED, PENDING,
		/**
		 * A double opt-in whose click never came within
		 * {@code tidings.consent.opt-in-expiry}: no marketing mail of the topic, its link
		 * no longer confirms; a new request starts over.
		 */
		LAPSED,
		/** Nothing recorded: mail flows unless opt-in is required. */
		NOT_SET

	}

	/**
	 * @param receives whether marketing mail of this topic would go to the contact now,
	 * as far as topic consent goes
	 */
	record TopicState(String topic, TopicStatus status, String source, Instant changedAt, boolean receives) {

		public TopicState(String topic, TopicStatus status, String source, Instant changedAt) {
			this(topic, status, source, changedAt, false);
		}

		public TopicState receiving(boolean receives) {
			return new TopicState(topic, status, source, changedAt, receives);
		}

	}

	/**
	 * Where a change came from.
	 *
	 * @param source API, LINK, ONE_CLICK, PREFERENCE_PAGE, IMPORT, DOUBLE_OPT_IN,
	 * FEEDBACK_LOOP
	 * @param detail free text, e.g. where an import's consent was given
	 * @param ip the request's address, for web routes
	 * @param userAgent the request's user agent, for web routes
	 */
	record Origin(String source, String detail, String ip, String userAgent) {

		public static Origin of(String source) {
			return new Origin(source, null, null, null);
		}

	}

}
