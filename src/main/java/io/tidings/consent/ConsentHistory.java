package io.tidings.consent;

import java.time.Instant;
import java.util.List;

/**
 * Every consent change of a contact, newest first: the proof of what the contact agreed
 * to, when and where.
 */
public interface ConsentHistory {

	List<ConsentChange> of(String contactId);

	/**
	 * @param action SUBSCRIBED, UNSUBSCRIBED, OPT_IN_REQUESTED, OPT_IN_CONFIRMED,
	 * OPT_IN_EXPIRED, RESUBSCRIBED
	 * @param topic null for all marketing mail
	 * @param source ONE_CLICK, LINK, PREFERENCE_PAGE, API, IMPORT, DOUBLE_OPT_IN, ...
	 * @param detail e.g. where an import's consent was given
	 */
	record ConsentChange(String action, String topic, String source, String detail, String ip, String userAgent,
			Instant recordedAt) {
	}

}
