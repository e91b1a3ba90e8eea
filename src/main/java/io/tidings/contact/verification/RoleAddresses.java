package io.tidings.contact.verification;

import java.util.Locale;
import java.util.Set;

/**
 * Local parts that name a function rather than a person. Mail to them reaches a team or
 * nobody, and their complaints count against the sender, so they are flagged.
 */
final class RoleAddresses {

	private static final Set<String> ROLES = Set.of("abuse", "accounting", "accounts", "admin", "administrator",
			"billing", "careers", "compliance", "contact", "do-not-reply", "donotreply", "enquiries", "feedback",
			"help", "helpdesk", "hostmaster", "hr", "info", "inquiries", "jobs", "legal", "mailer-daemon", "marketing",
			"newsletter", "no-reply", "no_reply", "noreply", "office", "orders", "postmaster", "press", "privacy",
			"root", "sales", "security", "support", "team", "webmaster");

	private RoleAddresses() {
	}

	/**
	 * The role the local part names, ignoring case and a "+tag", e.g. "info" for
	 * Info+news.
	 */
	static String role(String localPart) {
		String base = localPart.toLowerCase(Locale.ROOT);
		int plus = base.indexOf('+');
		if (plus > 0) {
			base = base.substring(0, plus);
		}
		return ROLES.contains(base) ? base : null;
	}

}
