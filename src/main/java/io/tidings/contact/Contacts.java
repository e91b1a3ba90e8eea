package io.tidings.contact;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The contact module's public face.
 */
public interface Contacts {

	/**
	 * Creates the contact or applies the change to the stored one, in the caller's
	 * transaction. A changed address forgets the last address check.
	 * @throws ContactNeedsEmail when a contact we do not know yet comes without an
	 * address
	 */
	Contact upsert(ContactChange change);

	/**
	 * {@link #upsert}, and whether this call created the contact. Two calls creating the
	 * same new contact at once: one creates it, the other fails with a
	 * {@code DuplicateKeyException} once the first has committed, and may try again.
	 */
	Saved save(ContactChange change);

	/** A contact as stored by {@link #save}, and whether that call created it. */
	record Saved(Contact contact, boolean created) {
	}

	Optional<Contact> find(String id);

	/**
	 * Reads the contact and locks its row until the caller's transaction ends, so a
	 * change that must not outlive an erasure (a consent record with an IP address)
	 * either finishes before the erasure starts or finds the contact gone.
	 */
	Optional<Contact> findForUpdate(String id);

	/** A page of contacts in id order. */
	List<Contact> page(int page, int size);

	long count();

	void recordAddressCheck(String id, AddressState state);

	/** Moves the contact's last engagement forward to {@code at}, never back. */
	void recordEngagement(String id, Instant at);

}
