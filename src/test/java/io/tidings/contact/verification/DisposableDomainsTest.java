package io.tidings.contact.verification;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped list of disposable domains loads and holds what it should. */
class DisposableDomainsTest {

	static final DisposableDomains list = DisposableDomains.load();

	@Test
	void shippedListHoldsTensOfThousandsOfDomains() {
		assertThat(list.size()).isGreaterThan(50_000);
	}

	@Test
	void wellKnownThrowawayDomainsAreListed() {
		assertThat(list.listing("mailinator.com")).contains("mailinator.com");
		assertThat(list.listing("guerrillamail.com")).contains("guerrillamail.com");
		assertThat(list.listing("10minutemail.com")).contains("10minutemail.com");
		// from the package's wildcard list, merged into the one file
		assertThat(list.listing("anonaddy.me")).contains("anonaddy.me");
	}

	@Test
	void subdomainOfAListedDomainIsListedUnderIt() {
		assertThat(list.listing("a.b.mailinator.com")).contains("mailinator.com");
	}

	@Test
	void everydayProvidersAreNotListed() {
		for (String domain : new String[] { "gmail.com", "outlook.com", "yahoo.com", "web.de", "com" }) {
			assertThat(list.listing(domain)).as(domain).isEmpty();
		}
	}

	@Test
	void internationalizedEntriesAreHeldInPunycode() {
		// "gmaıl.net" with a dotless i, an imitation of gmail.net
		assertThat(list.listing("xn--gmal-nza.net")).contains("xn--gmal-nza.net");
	}

}
