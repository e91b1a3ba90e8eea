package io.tidings.contact;

import java.net.IDN;
import java.util.regex.Pattern;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * Syntax check for a recipient address as SMTP servers accept it: a bare addr-spec (no
 * display name, no comments), at most 254 characters, a domain with at least one dot
 * whose labels are valid (internationalized domains are checked in their ASCII form).
 * Deliverability checks come later.
 */
public final class EmailAddresses {

	private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

	private EmailAddresses() {
	}

	public static boolean isValid(String address) {
		if (address == null || address.length() > 254 || address.chars().anyMatch(c -> c <= 0x20 || c == 0x7f)) {
			return false;
		}
		int at = address.lastIndexOf('@');
		if (at < 1 || at > 64 || at == address.length() - 1) {
			return false;
		}
		String asciiDomain;
		try {
			asciiDomain = IDN.toASCII(address.substring(at + 1), IDN.ALLOW_UNASSIGNED);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		return validDomain(asciiDomain) && validAddrSpec(address.substring(0, at + 1) + asciiDomain);
	}

	private static boolean validDomain(String domain) {
		String[] labels = domain.split("\\.", -1);
		if (labels.length < 2 || domain.length() > 253) {
			return false;
		}
		for (String label : labels) {
			if (!LABEL.matcher(label).matches()) {
				return false;
			}
		}
		return !labels[labels.length - 1].chars().allMatch(Character::isDigit);
	}

	private static boolean validAddrSpec(String address) {
		try {
			InternetAddress parsed = new InternetAddress(address, true);
			parsed.validate();
			return address.equals(parsed.getAddress()) && parsed.getPersonal() == null;
		}
		catch (AddressException ex) {
			return false;
		}
	}

}
