package io.tidings.consent.web;

import java.util.List;
import java.util.Optional;

import io.tidings.consent.ConsentHistory;
import io.tidings.consent.EmailCategory;
import io.tidings.consent.Suppression;
import io.tidings.consent.Suppressions;
import io.tidings.contact.Contact;
import io.tidings.contact.Contacts;
import io.tidings.contact.UnknownContact;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/contacts/{id}/consent}: whether the contact gets marketing and
 * transactional mail now, why not if not, and every consent change with its source.
 */
@RestController
class ConsentController {

	private final Contacts contacts;

	private final Suppressions suppressions;

	private final ConsentHistory history;

	ConsentController(Contacts contacts, Suppressions suppressions, ConsentHistory history) {
		this.contacts = contacts;
		this.suppressions = suppressions;
		this.history = history;
	}

	@GetMapping("/api/contacts/{id}/consent")
	ConsentView consent(@PathVariable String id) {
		Contact contact = contacts.find(id).orElseThrow(() -> new UnknownContact(id));
		Optional<Suppression> suppression = suppressions.find(contact.email());
		return new ConsentView(contact.id(), contact.email(),
				suppression.filter(s -> s.reason().blocks(EmailCategory.MARKETING)).isEmpty(),
				suppression.filter(s -> s.reason().blocks(EmailCategory.TRANSACTIONAL)).isEmpty(),
				suppression.orElse(null), history.of(contact.id()));
	}

	record ConsentView(String contactId, String email, boolean marketing, boolean transactional,
			Suppression suppression, List<ConsentHistory.ConsentChange> history) {
	}

}
