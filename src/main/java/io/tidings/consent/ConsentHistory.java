package io.tidings.consent;

import java.time.Instant;
import java.util.List;

/**
 * A contact's consent as it stands and every change that led there.
 */
public interface ConsentHistory {

	List<ConsentChange> of(String contactId);

	/**
	 * @param topic null for all marketing mail
	 * @param source ONE_CLICK, LINK, API, IMPORT, ...
	 */
	record ConsentChange(String action, String topic, String source, String ip, String userAgent, Instant recordedAt) {
	}

}
