package io.tidings.consent.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.tidings.consent.Suppression;
import io.tidings.consent.SuppressionReason;
import io.tidings.consent.Suppressions;
import io.tidings.consent.TopicConsents;
import io.tidings.consent.TopicConsents.Origin;
import io.tidings.consent.TopicConsents.TopicState;
import io.tidings.consent.Topics;
import io.tidings.consent.UnknownUnsubscribeToken;
import io.tidings.consent.UnsubscribeLinks;
import io.tidings.consent.Unsubscribes;
import io.tidings.contact.Contact;
import io.tidings.contact.Contacts;
import io.tidings.platform.PageLocales;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The preference center, reached from every marketing mail: the contact ticks the topics
 * it wants, or unsubscribes from all marketing mail, in its own language. Plain HTML
 * forms, no script; saving redirects back (post/redirect/get), so a reload shows what was
 * saved. The signed token in the path is the only key: it also guards the forms against
 * cross-site posts, since another site cannot know it.
 */
@Controller
class PreferenceController {

	private final UnsubscribeLinks links;

	private final Contacts contacts;

	private final Topics topics;

	private final TopicConsents consents;

	private final Suppressions suppressions;

	private final Unsubscribes unsubscribes;

	private final TopicLabels labels;

	PreferenceController(UnsubscribeLinks links, Contacts contacts, Topics topics, TopicConsents consents,
			Suppressions suppressions, Unsubscribes unsubscribes, TopicLabels labels) {
		this.links = links;
		this.contacts = contacts;
		this.topics = topics;
		this.consents = consents;
		this.suppressions = suppressions;
		this.unsubscribes = unsubscribes;
		this.labels = labels;
	}

	@GetMapping("/preferences/{token}")
	String show(@PathVariable String token, @RequestParam(required = false) String saved, HttpServletRequest request,
			Model model) {
		Contact contact = contactOf(token, request);
		Locale locale = RequestContextUtils.getLocale(request);
		Optional<SuppressionReason> suppressed = suppressions.find(contact.email()).map(Suppression::reason);
		boolean unsubscribedFromAll = suppressed
			.filter(reason -> reason == SuppressionReason.UNSUBSCRIBED || reason == SuppressionReason.COMPLAINT)
			.isPresent();
		boolean blocked = suppressed.isPresent() && !unsubscribedFromAll;
		List<TopicRow> rows = consents.of(contact.id())
			.values()
			.stream()
			.map(state -> new TopicRow(state.topic(), labels.label(state.topic(), locale),
					labels.description(state.topic(), locale), state.receives() && suppressed.isEmpty()))
			.toList();
		model.addAttribute("token", token);
		model.addAttribute("email", MaskedAddress.of(contact.email()));
		model.addAttribute("topics", rows);
		model.addAttribute("unsubscribedFromAll", unsubscribedFromAll);
		model.addAttribute("blocked", blocked);
		model.addAttribute("saved", saved != null);
		return "consent/preferences";
	}

	@PostMapping(path = "/preferences/{token}", params = "action=save")
	String save(@PathVariable String token, @RequestParam(name = "topic", required = false) List<String> ticked,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		Contact contact = contactOf(token, request);
		List<String> chosen = ticked == null ? List.of() : ticked;
		Optional<String> unknown = chosen.stream().filter(topic -> !topics.exists(topic)).findFirst();
		if (unknown.isPresent()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("error", unknown.get());
			return show(token, null, request, model);
		}
		Map<String, Boolean> wanted = new LinkedHashMap<>();
		for (TopicState state : consents.of(contact.id()).values()) {
			wanted.put(state.topic(), chosen.contains(state.topic()));
		}
		consents.change(contact.id(), wanted,
				new Origin("PREFERENCE_PAGE", null, request.getRemoteAddr(), request.getHeader("User-Agent")));
		return "redirect:/preferences/" + token + "?saved";
	}

	@PostMapping(path = "/preferences/{token}", params = "action=unsubscribe-all")
	String unsubscribeFromAll(@PathVariable String token, HttpServletRequest request) {
		contactOf(token, request);
		unsubscribes.unsubscribeFromAll(token, "PREFERENCE_PAGE", request.getRemoteAddr(),
				request.getHeader("User-Agent"));
		return "redirect:/preferences/" + token + "?saved";
	}

	private Contact contactOf(String token, HttpServletRequest request) {
		Contact contact = links.contactOf(token).flatMap(contacts::find).orElseThrow(UnknownUnsubscribeToken::new);
		PageLocales.use(request, contact.preferredLocale().orElse(null));
		return contact;
	}

	record TopicRow(String topic, String label, String description, boolean receives) {
	}

}
