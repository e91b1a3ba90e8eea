package io.tidings.contact.verification;

import java.net.IDN;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

import io.tidings.contact.EmailAddresses;

import org.springframework.stereotype.Component;

/**
 * Checks an address before it enters a journey, since mail to poor addresses hurts the
 * sender's reputation. In order: syntax (INVALID, and no DNS is asked); DNS (INVALID when
 * the domain takes no mail, UNKNOWN when DNS does not answer); the disposable-domain and
 * role lists (RISKY); else VALID. The first finding wins, which gives the precedence of
 * {@link AddressStatus}. DNS answers are cached per domain; failures are not, so the next
 * check asks again. Nothing is asked at start-up.
 */
@Component
public class AddressVerifier {

	private final AddressVerificationProperties properties;

	private final DisposableDomains disposableDomains;

	private final DnsMailDomains dns;

	private final ExpiringCache<String, MailDomain> cache;

	public AddressVerifier(AddressVerificationProperties properties, Clock clock) {
		this.properties = properties;
		this.disposableDomains = properties.enabled() ? DisposableDomains.load() : null;
		this.dns = new DnsMailDomains(properties);
		this.cache = new ExpiringCache<>(properties.cacheSize(), clock);
	}

	public AddressCheck check(String email) {
		if (!properties.enabled()) {
			return new AddressCheck(AddressStatus.UNKNOWN, "address verification is off");
		}
		if (!EmailAddresses.isValid(email)) {
			return new AddressCheck(AddressStatus.INVALID, "not a valid email address");
		}
		int at = email.lastIndexOf('@');
		String localPart = email.substring(0, at);
		String domain = email.substring(at + 1).toLowerCase(Locale.ROOT);
		// DNS and the list hold the ASCII form; isValid has already converted it once.
		String asciiDomain = IDN.toASCII(domain, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
		AddressCheck dnsCheck = null;
		if (properties.checkDns()) {
			dnsCheck = checkDns(domain, asciiDomain);
			if (dnsCheck.status() != AddressStatus.VALID) {
				return dnsCheck;
			}
		}
		Optional<String> disposable = disposableDomains.listing(asciiDomain);
		if (disposable.isPresent()) {
			return new AddressCheck(AddressStatus.RISKY, "disposable address domain (" + disposable.get() + ")");
		}
		String role = RoleAddresses.role(localPart);
		if (role != null) {
			return new AddressCheck(AddressStatus.RISKY, "role address (" + role + "@)");
		}
		return (dnsCheck != null) ? dnsCheck : new AddressCheck(AddressStatus.VALID, "syntax and lists only, no DNS");
	}

	private AddressCheck checkDns(String domain, String asciiDomain) {
		MailDomain known = cache.get(asciiDomain);
		if (known != null) {
			return known.check(domain);
		}
		try {
			MailDomain found = dns.lookup(asciiDomain);
			cache.put(asciiDomain, found, found.takesMail() ? properties.cacheTtl() : properties.negativeCacheTtl());
			return found.check(domain);
		}
		catch (DnsLookupFailed ex) {
			return new AddressCheck(AddressStatus.UNKNOWN, ex.getMessage());
		}
	}

}
