package io.tidings.contact;

import java.util.Optional;

/**
 * The contact module's public face.
 */
public interface Contacts {

	/**
	 * Creates the contact or applies the change to the stored one, in the caller's
	 * transaction.
	 * @throws ContactNeedsEmail when a contact we do not know yet comes without an
	 * address
	 */
	Contact upsert(ContactChange change);

	Optional<Contact> find(String id);

}
