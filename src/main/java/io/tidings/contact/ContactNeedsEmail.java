package io.tidings.contact;

/**
 * A contact we did not know yet arrived without an email address, so no mail could ever
 * reach it.
 */
public class ContactNeedsEmail extends RuntimeException {

	public ContactNeedsEmail(String contactId) {
		super("Contact '" + contactId + "' is new, so contact.email is required");
	}

}
