package io.tidings.contact;

import java.util.List;

/**
 * Records the consent an import vouches for. The consent module implements it; the
 * contact module only calls it, so the modules do not depend on each other both ways.
 */
public interface ImportConsentRecorder {

	/**
	 * Checks the consent before the import reads a row.
	 * @throws io.tidings.platform.InvalidInput when a topic is unknown or the source is
	 * missing or too long
	 */
	void check(ImportConsent consent);

	/**
	 * Records the consent of one batch's contacts, in the batch's transaction.
	 */
	Recorded record(String importId, List<ImportedContact> contacts, ImportConsent consent);

	/** A contact the batch created or updated, with the address it has now. */
	record ImportedContact(String id, String email) {
	}

	/**
	 * @param subscribed topic subscriptions the batch recorded
	 * @param kept topic subscriptions it did not record because the contact had
	 * unsubscribed, is suppressed for marketing, or has a double opt-in pending
	 */
	record Recorded(long subscribed, long kept) {

		public static final Recorded NONE = new Recorded(0, 0);

		public Recorded plus(Recorded other) {
			return new Recorded(subscribed + other.subscribed, kept + other.kept);
		}

	}

}
