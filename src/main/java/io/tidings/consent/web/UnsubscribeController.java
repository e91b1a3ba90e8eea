package io.tidings.consent.web;

import java.util.Locale;
import java.util.Optional;

import io.tidings.consent.UnknownUnsubscribeToken;
import io.tidings.consent.UnsubscribeLinks;
import io.tidings.consent.UnsubscribeLinks.LinkScope;
import io.tidings.consent.Unsubscribes;
import io.tidings.consent.Unsubscribes.Unsubscribed;
import io.tidings.contact.Contact;
import io.tidings.contact.Contacts;
import io.tidings.platform.PageLocales;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The unsubscribe link of every marketing mail, for the mail's topic. A mail client's
 * one-click POST (RFC 8058, body {@code List-Unsubscribe=One-Click}) unsubscribes at once
 * with no page; a person following the link gets a page that asks first, since link
 * scanners follow GETs and a GET alone must change nothing, and that offers all marketing
 * mail and the preference center too. An unknown or tampered link gets a plain 404 page.
 */
@Controller
class UnsubscribeController {

	private final UnsubscribeLinks links;

	private final Unsubscribes unsubscribes;

	private final Contacts contacts;

	private final TopicLabels labels;

	UnsubscribeController(UnsubscribeLinks links, Unsubscribes unsubscribes, Contacts contacts, TopicLabels labels) {
		this.links = links;
		this.unsubscribes = unsubscribes;
		this.contacts = contacts;
		this.labels = labels;
	}

	@GetMapping("/u/{token}")
	String confirm(@PathVariable String token, HttpServletRequest request, Model model) {
		LinkScope scope = links.unsubscribeScopeOf(token).orElseThrow(UnknownUnsubscribeToken::new);
		Contact contact = contacts.find(scope.contactId()).orElseThrow(UnknownUnsubscribeToken::new);
		PageLocales.use(request, contact.preferredLocale().orElse(null));
		model.addAttribute("token", token);
		model.addAttribute("topic", topicLabel(scope.topic(), request));
		return "consent/unsubscribe";
	}

	@PostMapping(path = "/u/{token}", params = "List-Unsubscribe=One-Click")
	ResponseEntity<String> oneClick(@PathVariable String token, HttpServletRequest request) {
		unsubscribes.unsubscribe(token, "ONE_CLICK", request.getRemoteAddr(), request.getHeader("User-Agent"));
		return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body("Unsubscribed.\n");
	}

	@PostMapping(path = "/u/{token}", params = "!List-Unsubscribe")
	String confirmed(@PathVariable String token, @RequestParam(defaultValue = "") String confirm,
			@RequestParam(defaultValue = "") String scope, HttpServletRequest request, Model model) {
		if (!"yes".equals(confirm)) {
			return confirm(token, request, model);
		}
		String ip = request.getRemoteAddr();
		String userAgent = request.getHeader("User-Agent");
		Unsubscribed done = "all".equals(scope) ? unsubscribes.unsubscribeFromAll(token, "LINK", ip, userAgent)
				: unsubscribes.unsubscribe(token, "LINK", ip, userAgent);
		contacts.find(links.contactOf(token).orElseThrow(UnknownUnsubscribeToken::new))
			.flatMap(Contact::preferredLocale)
			.ifPresent(locale -> PageLocales.use(request, locale));
		model.addAttribute("token", token);
		model.addAttribute("email", MaskedAddress.of(done.email()));
		model.addAttribute("topic", topicLabel(done.topic(), request));
		return "consent/unsubscribed";
	}

	private String topicLabel(String topic, HttpServletRequest request) {
		Locale locale = RequestContextUtils.getLocale(request);
		return Optional.ofNullable(topic).map(name -> labels.label(name, locale)).orElse(null);
	}

}
