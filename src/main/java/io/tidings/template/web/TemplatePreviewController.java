package io.tidings.template.web;

import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.tidings.consent.EmailPurpose;
import io.tidings.consent.Topics;
import io.tidings.contact.Contact;
import io.tidings.contact.Contacts;
import io.tidings.contact.UnknownContact;
import io.tidings.platform.InputErrors.FieldError;
import io.tidings.platform.InvalidInput;
import io.tidings.template.EmailTemplates;
import io.tidings.template.RenderedEmail;
import io.tidings.template.UnknownTemplate;

import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lets a template author see a mail before any journey sends it: {@code GET
 * /api/templates/{key}/preview?locale=&contact=&category=&data.<name>=} renders it as the
 * send step would, for a stored contact or a sample one, with inert unsubscribe links. It
 * reads only; nothing is stored or sent.
 */
@RestController
class TemplatePreviewController {

	private static final Set<String> PARAMETERS = Set.of("locale", "contact", "category");

	private static final String DATA_PREFIX = "data.";

	private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,7}");

	private static final Pattern DATA_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

	private final EmailTemplates templates;

	private final Contacts contacts;

	private final Topics topics;

	TemplatePreviewController(EmailTemplates templates, Contacts contacts, Topics topics) {
		this.templates = templates;
		this.contacts = contacts;
		this.topics = topics;
	}

	@GetMapping("/api/templates/{key}/preview")
	TemplatePreview preview(@PathVariable String key, @RequestParam MultiValueMap<String, String> parameters) {
		List<FieldError> errors = new ArrayList<>();
		Locale locale = locale(single(parameters, "locale", errors), errors);
		String contactId = contactId(single(parameters, "contact", errors), errors);
		EmailPurpose purpose = purpose(single(parameters, "category", errors), errors);
		Map<String, Object> data = data(parameters, errors);
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		if (!templates.exists(key)) {
			throw new UnknownTemplate(key);
		}
		Contact contact = contactId == null ? PreviewModel.sampleContact(locale == null ? null : locale.toLanguageTag())
				: contacts.find(contactId).orElseThrow(() -> new UnknownContact(contactId));
		Locale wanted = locale != null ? locale : contact.preferredLocale().orElse(null);
		RenderedEmail email = templates.render(key, wanted, PreviewModel.of(contact, purpose, data));
		return new TemplatePreview(key, email.locale().toLanguageTag(), contact.id(), contactId == null,
				purpose.isMarketing() ? purpose.topic() : "transactional", email.subject(), email.html(), email.text());
	}

	private static String single(MultiValueMap<String, String> parameters, String name, List<FieldError> errors) {
		List<String> values = parameters.get(name);
		if (values == null) {
			return null;
		}
		if (values.size() > 1) {
			errors.add(new FieldError(name, "is given more than once"));
			return null;
		}
		if (values.get(0).isBlank()) {
			errors.add(new FieldError(name, "must not be empty; leave it out for the default"));
			return null;
		}
		return values.get(0).strip();
	}

	private static Locale locale(String tag, List<FieldError> errors) {
		if (tag == null) {
			return null;
		}
		try {
			if (tag.length() <= 35 && LANGUAGE_TAG.matcher(tag).matches()) {
				return new Locale.Builder().setLanguageTag(tag).build();
			}
		}
		catch (IllformedLocaleException ex) {
			// Falls through to the message below.
		}
		errors.add(new FieldError("locale", "is not a BCP 47 language tag such as en or pt-BR"));
		return null;
	}

	private static String contactId(String id, List<FieldError> errors) {
		if (id != null && (id.length() > 255 || id.chars().anyMatch(Character::isISOControl))) {
			errors.add(new FieldError("contact", "is not a contact id (one line, at most 255 characters)"));
			return null;
		}
		return id;
	}

	private EmailPurpose purpose(String category, List<FieldError> errors) {
		try {
			return topics.purposeOf(category);
		}
		catch (IllegalArgumentException ex) {
			errors.add(new FieldError("category",
					"is not 'transactional', 'marketing' or a topic of " + String.join(", ", topics.all())));
			return topics.purposeOf(null);
		}
	}

	private static Map<String, Object> data(MultiValueMap<String, String> parameters, List<FieldError> errors) {
		Map<String, Object> data = new LinkedHashMap<>();
		parameters.forEach((name, values) -> {
			if (name.startsWith(DATA_PREFIX)) {
				String variable = name.substring(DATA_PREFIX.length());
				if (!DATA_NAME.matcher(variable).matches()) {
					errors.add(new FieldError(name, "does not name a variable (letters, digits and _)"));
				}
				else if (values.size() > 1) {
					errors.add(new FieldError(name, "is given more than once"));
				}
				else if (values.get(0).indexOf('\0') >= 0) {
					errors.add(new FieldError(name, "must not contain the NUL character (%00)"));
				}
				else {
					data.put(variable, values.get(0));
				}
			}
			else if (!PARAMETERS.contains(name)) {
				errors.add(new FieldError(name,
						"is not a parameter of the preview: use locale, contact, category or data.<variable>"));
			}
		});
		return data;
	}

}
