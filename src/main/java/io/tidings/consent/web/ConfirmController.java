package io.tidings.consent.web;

import java.util.List;
import java.util.Locale;

import io.tidings.consent.TopicConsents;
import io.tidings.consent.TopicConsents.Origin;
import io.tidings.consent.TopicConsents.TopicStatus;
import io.tidings.consent.UnknownUnsubscribeToken;
import io.tidings.consent.UnsubscribeLinks;
import io.tidings.contact.Contact;
import io.tidings.contact.Contacts;
import io.tidings.platform.PageLocales;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The link of a double opt-in mail. Following it shows a button, and only pressing it
 * subscribes: mail security scanners follow every link in a mail, and a consent a scanner
 * gave is no consent. The click is recorded with its address and user agent as the proof.
 */
@Controller
class ConfirmController {

	private final UnsubscribeLinks links;

	private final Contacts contacts;

	private final TopicConsents consents;

	private final TopicLabels labels;

	ConfirmController(UnsubscribeLinks links, Contacts contacts, TopicConsents consents, TopicLabels labels) {
		this.links = links;
		this.contacts = contacts;
		this.consents = consents;
		this.labels = labels;
	}

	@GetMapping("/confirm/{token}")
	String ask(@PathVariable String token, HttpServletRequest request, Model model) {
		Contact contact = contactOf(token, request);
		List<String> pending = withStatus(contact, TopicStatus.PENDING);
		model.addAttribute("token", token);
		model.addAttribute("email", MaskedAddress.of(contact.email()));
		model.addAttribute("topics", labels.labels(pending, locale(request)));
		return pending.isEmpty() ? nothingPending(contact) : "consent/confirm";
	}

	@PostMapping("/confirm/{token}")
	String confirm(@PathVariable String token, HttpServletRequest request, Model model) {
		Contact contact = contactOf(token, request);
		List<String> confirmed = consents.confirmOptIn(contact.id(),
				new Origin("DOUBLE_OPT_IN", null, request.getRemoteAddr(), request.getHeader("User-Agent")));
		model.addAttribute("email", MaskedAddress.of(contact.email()));
		model.addAttribute("topics", labels.labels(confirmed, locale(request)));
		return confirmed.isEmpty() ? nothingPending(contact) : "consent/confirmed";
	}

	/**
	 * Confirmed already, or the request lapsed before the click and nothing is
	 * subscribed.
	 */
	private String nothingPending(Contact contact) {
		return withStatus(contact, TopicStatus.LAPSED).isEmpty() ? "consent/confirmed" : "consent/lapsed";
	}

	private List<String> withStatus(Contact contact, TopicStatus status) {
		return consents.of(contact.id())
			.values()
			.stream()
			.filter(state -> state.status() == status)
			.map(TopicConsents.TopicState::topic)
			.toList();
	}

	private Contact contactOf(String token, HttpServletRequest request) {
		Contact contact = links.optInContactOf(token).flatMap(contacts::find).orElseThrow(UnknownUnsubscribeToken::new);
		PageLocales.use(request, contact.preferredLocale().orElse(null));
		return contact;
	}

	private static Locale locale(HttpServletRequest request) {
		return RequestContextUtils.getLocale(request);
	}

}
