package io.tidings.contact;

import java.time.Clock;

import io.tidings.contact.verification.AddressCheck;
import io.tidings.contact.verification.AddressStatus;
import io.tidings.contact.verification.AddressVerifier;

import org.springframework.stereotype.Component;

/**
 * Decides what is known of the address a change brings: the stored check when the address
 * is the one already checked, else a fresh check (syntax, DNS, lists). Called before the
 * caller's transaction, since a DNS lookup may take seconds.
 */
@Component
public class AddressChecks {

	private final Contacts contacts;

	private final AddressVerifier verifier;

	private final Clock clock;

	AddressChecks(Contacts contacts, AddressVerifier verifier, Clock clock) {
		this.contacts = contacts;
		this.verifier = verifier;
		this.clock = clock;
	}

	/**
	 * @return the address's state, with {@code checkedAt} set only when it was checked
	 * just now and has to be stored
	 */
	public AddressState stateFor(ContactChange change) {
		Contact stored = contacts.find(change.id()).orElse(null);
		String email = change.email() != null ? change.email() : stored == null ? null : stored.email();
		if (email == null) {
			return AddressState.UNCHECKED;
		}
		boolean sameAddress = stored != null && email.equals(stored.email());
		if (sameAddress && stored.address().status() != null
				&& !AddressStatus.UNKNOWN.name().equals(stored.address().status())) {
			return new AddressState(stored.address().status(), stored.address().reason(), null);
		}
		AddressCheck check = verifier.check(email);
		return new AddressState(check.status().name(), check.reason(), clock.instant());
	}

}
