package io.tidings.contact.web;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.tidings.contact.Contact;
import io.tidings.contact.ContactHistory;
import io.tidings.contact.Contacts;
import io.tidings.contact.Segments;
import io.tidings.contact.UnknownContact;
import io.tidings.contact.validation.ContactInput;
import io.tidings.platform.InputErrors;
import io.tidings.platform.InputErrors.FieldError;
import io.tidings.platform.InvalidInput;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Contacts over HTTP: create or update one under its own id, read one with its recent
 * events and journeys, and page through all.
 */
@RestController
@RequestMapping("/api/contacts")
class ContactController {

	static final int MAX_PAGE_SIZE = 500;

	private final Contacts contacts;

	private final List<ContactHistory> histories;

	private final Validator validator;

	private final Segments segments;

	ContactController(Contacts contacts, List<ContactHistory> histories, Validator validator, Segments segments) {
		this.contacts = contacts;
		this.segments = segments;
		this.histories = histories;
		this.validator = validator;
	}

	/**
	 * The body has the fields of an event's {@code contact}; its {@code id}, if given,
	 * must be the one in the path.
	 */
	@PutMapping("/{id}")
	ResponseEntity<ContactView> put(@PathVariable String id, @RequestBody ContactInput body) {
		if (body.id() != null && !body.id().equals(id)) {
			throw new InvalidInput(List.of(new FieldError("id", "must be the id in the path, '" + id + "'")));
		}
		ContactInput input = new ContactInput(id, body.email(), body.firstName(), body.lastName(), body.locale(),
				body.timeZone(), body.birthday(), body.signedUpOn(), body.attributes());
		Set<ConstraintViolation<ContactInput>> violations = validator.validate(input);
		if (!violations.isEmpty()) {
			throw new InvalidInput(InputErrors.of(violations));
		}
		if (input.email() == null && contacts.find(id).isEmpty()) {
			throw new InvalidInput(List.of(new FieldError("email", "is required for a new contact")));
		}
		Contacts.Saved saved;
		try {
			saved = contacts.save(input.toChange());
		}
		catch (DuplicateKeyException createdAtTheSameMoment) {
			// Another request created this contact between this one's look and its
			// insert, and has committed: this change is an update of it.
			saved = contacts.save(input.toChange());
		}
		return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.body(ContactView.of(saved.contact()));
	}

	@GetMapping("/{id}")
	ContactDetail get(@PathVariable String id) {
		Contact contact = contacts.find(id).orElseThrow(() -> new UnknownContact(id));
		return new ContactDetail(ContactView.of(contact),
				histories.stream().flatMap(history -> history.recentEvents(id, 20).stream()).toList(),
				histories.stream().flatMap(history -> history.journeys(id, 20).stream()).toList());
	}

	/** All contacts, or a segment's members with {@code ?segment=key}. */
	@GetMapping
	ContactPage list(@RequestParam(required = false) String segment, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		Optional<FieldError> bad = page < 0 ? Optional.of(new FieldError("page", "must be 0 or more"))
				: size < 1 || size > MAX_PAGE_SIZE
						? Optional.of(new FieldError("size", "must be between 1 and " + MAX_PAGE_SIZE))
						: Optional.empty();
		bad.ifPresent(error -> {
			throw new InvalidInput(List.of(error));
		});
		if (segment != null) {
			if (segments.find(segment).isEmpty()) {
				throw new InvalidInput(
						List.of(new FieldError("segment", "is not the key of a segment: '" + segment + "'")));
			}
			return new ContactPage(page, size, segments.count(segment),
					segments.members(segment, page, size).stream().map(ContactView::of).toList());
		}
		return new ContactPage(page, size, contacts.count(),
				contacts.page(page, size).stream().map(ContactView::of).toList());
	}

	record ContactDetail(ContactView contact, List<ContactHistory.RecentEvent> recentEvents,
			List<ContactHistory.JourneyVisit> journeys) {
	}

	record ContactPage(int page, int size, long total, List<ContactView> contacts) {
	}

}
