package io.tidings.privacy;

/**
 * A contact's GDPR requests: a copy of everything Tidings holds about them (right of
 * access, Art. 15), and erasure (Art. 17).
 */
public interface PersonalDataRequests {

	/**
	 * Everything each module holds about the contact, read in one transaction.
	 * @throws io.tidings.contact.UnknownContact when there is no such contact
	 */
	PersonalDataExport export(String contactId);

	/**
	 * Erases the contact's personal data from every module, the journey engine's runtime
	 * and history included, in one transaction: all of it or, on any failure, none of it.
	 * Only a hash of each of its addresses stays, so they are not imported again and get
	 * no marketing mail until the person opts in again.
	 * @throws io.tidings.contact.UnknownContact when there is no such contact
	 */
	Erasure erase(String contactId);

}
