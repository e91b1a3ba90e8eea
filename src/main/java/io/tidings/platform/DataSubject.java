package io.tidings.platform;

import java.util.Set;

/**
 * The person a request for their personal data is about: the contact id callers know them
 * by, and every address we hold for them (the current one and any that mail went to
 * before), lower-cased.
 */
public record DataSubject(String contactId, Set<String> emails) {

	public DataSubject {
		emails = Set.copyOf(emails);
	}

}
