package io.tidings.consent.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tidings.consent.ConsentHistory;
import io.tidings.consent.EmailCategory;
import io.tidings.consent.Suppression;
import io.tidings.consent.Suppressions;
import io.tidings.consent.TopicConsents;
import io.tidings.consent.TopicConsents.Origin;
import io.tidings.consent.TopicConsents.TopicState;
import io.tidings.consent.Topics;
import io.tidings.consent.Unsubscribes;
import io.tidings.contact.Contact;
import io.tidings.contact.Contacts;
import io.tidings.contact.UnknownContact;
import io.tidings.platform.InputErrors.FieldError;
import io.tidings.platform.InvalidInput;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/contacts/{id}/consent}: whether the contact gets marketing and
 * transactional mail now, per topic, why not if not, and every consent change with its
 * source. {@code POST} records a change the caller collected (a signup form's checkbox, a
 * settings page), with source API.
 */
@RestController
class ConsentController {

	private final Contacts contacts;

	private final Suppressions suppressions;

	private final ConsentHistory history;

	private final TopicConsents topicConsents;

	private final Topics topics;

	private final Unsubscribes unsubscribes;

	ConsentController(Contacts contacts, Suppressions suppressions, ConsentHistory history, TopicConsents topicConsents,
			Topics topics, Unsubscribes unsubscribes) {
		this.contacts = contacts;
		this.suppressions = suppressions;
		this.history = history;
		this.topicConsents = topicConsents;
		this.topics = topics;
		this.unsubscribes = unsubscribes;
	}

	@GetMapping("/api/contacts/{id}/consent")
	ConsentView consent(@PathVariable String id) {
		Contact contact = contacts.find(id).orElseThrow(() -> new UnknownContact(id));
		Optional<Suppression> suppression = suppressions.find(contact.email());
		boolean marketing = suppression.filter(s -> s.reason().blocks(EmailCategory.MARKETING)).isEmpty();
		return new ConsentView(contact.id(), contact.email(), marketing,
				suppression.filter(s -> s.reason().blocks(EmailCategory.TRANSACTIONAL)).isEmpty(),
				topicConsents.of(contact.id()), suppression.orElse(null), history.of(contact.id()));
	}

	@PostMapping("/api/contacts/{id}/consent")
	ConsentView change(@PathVariable String id, @Valid @RequestBody ConsentChangeRequest body,
			HttpServletRequest request) {
		Contact contact = contacts.find(id).orElseThrow(() -> new UnknownContact(id));
		body.validate(topics);
		String ip = request.getRemoteAddr();
		if (Boolean.TRUE.equals(body.unsubscribeAll())) {
			unsubscribes.unsubscribeContact(contact.id(), "API", ip, request.getHeader("User-Agent"));
		}
		else {
			topicConsents.change(contact.id(), body.topics(),
					new Origin("API", body.detail(), ip, request.getHeader("User-Agent")));
		}
		return consent(id);
	}

	/**
	 * @param topics topic → subscribed
	 * @param unsubscribeAll true: from all marketing mail
	 * @param detail where the consent was given, e.g. "checkout checkbox, v3"
	 */
	record ConsentChangeRequest(Map<String, Boolean> topics, Boolean unsubscribeAll, @Size(max = 255) String detail) {

		void validate(Topics known) {
			List<FieldError> errors = new ArrayList<>();
			boolean hasTopics = topics != null && !topics.isEmpty();
			if (!hasTopics && !Boolean.TRUE.equals(unsubscribeAll)) {
				errors.add(new FieldError("topics", "must name at least one topic, or set unsubscribeAll to true"));
			}
			if (hasTopics && Boolean.TRUE.equals(unsubscribeAll)) {
				errors.add(new FieldError("unsubscribeAll", "cannot be combined with topics"));
			}
			if (topics != null) {
				topics.forEach((topic, subscribed) -> {
					if (!known.exists(topic)) {
						errors.add(new FieldError("topics." + topic,
								"is not a topic; use one of " + String.join(", ", known.all())));
					}
					else if (subscribed == null) {
						errors.add(new FieldError("topics." + topic, "must be true or false"));
					}
				});
			}
			if (!errors.isEmpty()) {
				throw new InvalidInput(errors);
			}
		}

	}

	/**
	 * @param marketing whether marketing mail may go to the address at all
	 * @param topics per topic, whether the contact gets it as far as its consent goes
	 */
	record ConsentView(String contactId, String email, boolean marketing, boolean transactional,
			Map<String, TopicState> topics, Suppression suppression, List<ConsentHistory.ConsentChange> history) {
	}

}
