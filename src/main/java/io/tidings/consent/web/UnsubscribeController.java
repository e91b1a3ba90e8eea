package io.tidings.consent.web;

import io.tidings.consent.UnknownUnsubscribeToken;
import io.tidings.consent.UnsubscribeLinks;
import io.tidings.consent.Unsubscribes;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The unsubscribe link of every marketing mail. A mail client's one-click POST (RFC 8058,
 * body {@code List-Unsubscribe=One-Click}) unsubscribes at once with no page; a person
 * following the link gets a page that asks first, since link scanners follow GETs and a
 * GET alone must change nothing. An unknown or tampered link gets a plain 404 page.
 */
@Controller
class UnsubscribeController {

	private final UnsubscribeLinks links;

	private final Unsubscribes unsubscribes;

	UnsubscribeController(UnsubscribeLinks links, Unsubscribes unsubscribes) {
		this.links = links;
		this.unsubscribes = unsubscribes;
	}

	@GetMapping("/u/{token}")
	String confirm(@PathVariable String token, Model model) {
		links.contactOf(token).orElseThrow(UnknownUnsubscribeToken::new);
		model.addAttribute("token", token);
		return "consent/unsubscribe";
	}

	@PostMapping(path = "/u/{token}", params = "List-Unsubscribe=One-Click")
	ResponseEntity<String> oneClick(@PathVariable String token, HttpServletRequest request) {
		unsubscribes.unsubscribe(token, "ONE_CLICK", request.getRemoteAddr(), request.getHeader("User-Agent"));
		return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body("Unsubscribed from all marketing mail.\n");
	}

	@PostMapping(path = "/u/{token}", params = "!List-Unsubscribe")
	String confirmed(@PathVariable String token, @RequestParam(defaultValue = "") String confirm,
			HttpServletRequest request, Model model) {
		if (!"yes".equals(confirm)) {
			return confirm(token, model);
		}
		model.addAttribute("email", masked(
				unsubscribes.unsubscribe(token, "LINK", request.getRemoteAddr(), request.getHeader("User-Agent"))));
		return "consent/unsubscribed";
	}

	@ExceptionHandler(UnknownUnsubscribeToken.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String unknown() {
		return "consent/unknown-link";
	}

	/** ann@example.com → a••@example.com: enough to recognise, not enough to harvest. */
	static String masked(String email) {
		int at = email.lastIndexOf('@');
		return at <= 0 ? "•••" : email.charAt(0) + "••" + email.substring(at);
	}

}
