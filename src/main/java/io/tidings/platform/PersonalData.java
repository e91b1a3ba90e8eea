package io.tidings.platform;

import java.util.Set;

/**
 * One module's share of the personal data Tidings holds about a contact, for the GDPR's
 * rights of access (export) and erasure. Each module that stores data about a contact
 * implements it for its own tables, so a new table comes with its own export and erasure
 * in the module that owns it, and the module that answers the requests depends on none of
 * them. It lives here, and speaks in plain values, so that every module can implement it
 * without a cycle.
 */
public interface PersonalData {

	/** The name of this module's part of an export, e.g. {@code deliveries}. */
	String section();

	/**
	 * The addresses this module has seen for the contact, so an erasure finds them all,
	 * not only the current one.
	 */
	default Set<String> addressesOf(String contactId) {
		return Set.of();
	}

	/** Everything this module holds about the subject, as values Jackson can write. */
	Object export(DataSubject subject);

	/**
	 * Removes (or anonymises beyond recognition) everything this module holds about the
	 * subject, in the caller's transaction. Throwing rolls the whole erasure back.
	 */
	void erase(DataSubject subject);

}
