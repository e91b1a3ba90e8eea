package io.tidings.contact.verification;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The domains of throwaway mailboxes, from the list shipped in
 * {@code contact/disposable-email-domains.txt} (its header says where it comes from and
 * how to refresh it). A subdomain of a listed domain is disposable too.
 */
final class DisposableDomains {

	static final String RESOURCE = "contact/disposable-email-domains.txt";

	private final Set<String> domains;

	private DisposableDomains(Set<String> domains) {
		this.domains = domains;
	}

	static DisposableDomains load() {
		InputStream in = DisposableDomains.class.getClassLoader().getResourceAsStream(RESOURCE);
		if (in == null) {
			throw new IllegalStateException(
					"The disposable domain list " + RESOURCE + " is missing from the classpath");
		}
		Set<String> domains = new HashSet<>(200_000);
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				String domain = line.strip();
				if (!domain.isEmpty() && !domain.startsWith("#")) {
					domains.add(domain.toLowerCase(Locale.ROOT));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the disposable domain list " + RESOURCE, ex);
		}
		return new DisposableDomains(Set.copyOf(domains));
	}

	/**
	 * The listed domain this one is or lies under.
	 * @param domain a lower-case ASCII (punycode) domain name
	 */
	Optional<String> listing(String domain) {
		for (String candidate = domain; candidate != null; candidate = parent(candidate)) {
			if (domains.contains(candidate)) {
				return Optional.of(candidate);
			}
		}
		return Optional.empty();
	}

	int size() {
		return domains.size();
	}

	private static String parent(String domain) {
		int dot = domain.indexOf('.');
		return (dot < 0) ? null : domain.substring(dot + 1);
	}

}
