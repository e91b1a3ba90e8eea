package io.tidings.contact.verification;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.tidings.support.BoundProperties;
import io.tidings.support.FreePort;
import io.tidings.support.LoopbackDnsServer;
import io.tidings.support.MovableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The verifier against a DNS server on loopback whose answers the test chooses. */
class AddressVerifierTest {

	static LoopbackDnsServer dns;

	final MovableClock clock = new MovableClock(Instant.parse("2026-05-04T10:00:00Z"));

	AddressVerifier verifier;

	@BeforeAll
	static void startDns() {
		dns = new LoopbackDnsServer().mx("shop.example", 10, "mx1.shop.example")
			.mx("shop.example", 20, "mx2.shop.example")
			.a("legacy.example", "192.0.2.10")
			.aaaa("six.example", "2001:db8::25")
			.exists("parked.example")
			.nullMx("nomail.example")
			.silent("slow.example")
			.servfail("broken.example")
			.mx("xn--bcher-kva.example", 10, "mx.xn--bcher-kva.example")
			.mx("mailinator.com", 10, "mail.mailinator.com")
			.mx("inbox.mailinator.com", 10, "mail.mailinator.com");
	}

	@AfterAll
	static void stopDns() {
		dns.close();
	}

	@BeforeEach
	void newVerifier() {
		verifier = verifier(Map.of());
		dns.clearQueries();
	}

	@Test
	void domainWithMxIsValid() {
		assertThat(verifier.check("ann@shop.example"))
			.isEqualTo(new AddressCheck(AddressStatus.VALID, "MX record for shop.example"));
		assertThat(dns.queries()).containsExactly("shop.example MX");
	}

	@Test
	void domainWithOnlyAnAddressRecordIsValid() {
		assertThat(verifier.check("ann@legacy.example"))
			.isEqualTo(new AddressCheck(AddressStatus.VALID, "no MX, A/AAAA record for legacy.example"));
		assertThat(verifier.check("bob@six.example").status()).isEqualTo(AddressStatus.VALID);
		assertThat(dns.queries()).containsExactly("legacy.example MX", "legacy.example A", "six.example MX",
				"six.example A", "six.example AAAA");
	}

	@Test
	void domainThatDoesNotExistIsInvalid() {
		assertThat(verifier.check("ann@gone.example"))
			.isEqualTo(new AddressCheck(AddressStatus.INVALID, "domain gone.example does not exist"));
		assertThat(dns.queries()).containsExactly("gone.example MX");
	}

	@Test
	void domainWithNeitherMxNorAddressIsInvalid() {
		assertThat(verifier.check("ann@parked.example"))
			.isEqualTo(new AddressCheck(AddressStatus.INVALID, "no MX or A record for parked.example"));
		assertThat(dns.queries()).containsExactly("parked.example MX", "parked.example A", "parked.example AAAA");
	}

	@Test
	void nullMxIsInvalid() {
		assertThat(verifier.check("ann@nomail.example"))
			.isEqualTo(new AddressCheck(AddressStatus.INVALID, "nomail.example accepts no mail (null MX)"));
	}

	@Test
	void timeoutIsUnknownNotInvalid() {
		assertThat(verifier.check("ann@slow.example"))
			.isEqualTo(new AddressCheck(AddressStatus.UNKNOWN, "DNS lookup timed out"));
	}

	@Test
	void serverFailureIsUnknown() {
		assertThat(verifier.check("ann@broken.example"))
			.isEqualTo(new AddressCheck(AddressStatus.UNKNOWN, "DNS server failure for broken.example"));
	}

	@Test
	void serverThatIsNotThereIsUnknown() {
		verifier = verifier(Map.of("dns-server", "127.0.0.1:" + FreePort.find()));
		AddressCheck check = verifier.check("ann@shop.example");
		assertThat(check.status()).isEqualTo(AddressStatus.UNKNOWN);
		assertThat(check.reason()).isIn("DNS server unreachable", "DNS lookup timed out");
	}

	@Test
	void disposableDomainAndItsSubdomainsAreRisky() {
		AddressCheck expected = new AddressCheck(AddressStatus.RISKY, "disposable address domain (mailinator.com)");
		assertThat(verifier.check("ann@mailinator.com")).isEqualTo(expected);
		assertThat(verifier.check("ann@Inbox.Mailinator.com")).isEqualTo(expected);
	}

	@Test
	void roleAddressIsRisky() {
		assertThat(verifier.check("info@shop.example"))
			.isEqualTo(new AddressCheck(AddressStatus.RISKY, "role address (info@)"));
		assertThat(verifier.check("No-Reply+orders@shop.example"))
			.isEqualTo(new AddressCheck(AddressStatus.RISKY, "role address (no-reply@)"));
		assertThat(verifier.check("information@shop.example").status()).isEqualTo(AddressStatus.VALID);
	}

	@Test
	void invalidAndUnknownBeatRisky() {
		assertThat(verifier.check("info@gone.example").status()).isEqualTo(AddressStatus.INVALID);
		assertThat(verifier.check("info@slow.example").status()).isEqualTo(AddressStatus.UNKNOWN);
	}

	@Test
	void badSyntaxIsInvalidWithoutAskingDns() {
		for (String address : List.of("", "ann", "ann@", "@shop.example", "ann@shop", "ann smith@shop.example",
				"Ann <ann@shop.example>", "ann@shop..example", "ann@-shop.example")) {
			assertThat(verifier.check(address)).as(address)
				.isEqualTo(new AddressCheck(AddressStatus.INVALID, "not a valid email address"));
		}
		assertThat(verifier.check(null).status()).isEqualTo(AddressStatus.INVALID);
		assertThat(dns.queries()).isEmpty();
	}

	@Test
	void internationalizedDomainIsAskedInPunycode() {
		assertThat(verifier.check("ann@Bücher.example"))
			.isEqualTo(new AddressCheck(AddressStatus.VALID, "MX record for bücher.example"));
		assertThat(dns.queries()).containsExactly("xn--bcher-kva.example MX");
	}

	@Test
	void answerIsCachedUntilItExpires() {
		verifier.check("ann@shop.example");
		verifier.check("bob@SHOP.example");
		assertThat(dns.queries()).hasSize(1);
		clock.advance(Duration.ofMinutes(59));
		verifier.check("cy@shop.example");
		assertThat(dns.queries()).hasSize(1);
		clock.advance(Duration.ofMinutes(1));
		assertThat(verifier.check("cy@shop.example").status()).isEqualTo(AddressStatus.VALID);
		assertThat(dns.queries()).containsExactly("shop.example MX", "shop.example MX");
	}

	@Test
	void negativeAnswerIsCachedForItsOwnTime() {
		verifier = verifier(Map.of("cache-ttl", "1d", "negative-cache-ttl", "5m"));
		verifier.check("ann@gone.example");
		clock.advance(Duration.ofMinutes(4));
		assertThat(verifier.check("bob@gone.example").status()).isEqualTo(AddressStatus.INVALID);
		assertThat(dns.queries()).hasSize(1);
		clock.advance(Duration.ofMinutes(1));
		verifier.check("bob@gone.example");
		assertThat(dns.queries()).containsExactly("gone.example MX", "gone.example MX");
	}

	@Test
	void failureIsNotCached() {
		verifier.check("ann@broken.example");
		verifier.check("ann@broken.example");
		assertThat(dns.queries()).containsExactly("broken.example MX", "broken.example MX");
	}

	@Test
	void withoutDnsOnlySyntaxAndListsCount() {
		verifier = verifier(Map.of("check-dns", "false"));
		assertThat(verifier.check("ann@gone.example"))
			.isEqualTo(new AddressCheck(AddressStatus.VALID, "syntax and lists only, no DNS"));
		assertThat(verifier.check("ann@mailinator.com").status()).isEqualTo(AddressStatus.RISKY);
		assertThat(verifier.check("postmaster@shop.example").status()).isEqualTo(AddressStatus.RISKY);
		assertThat(verifier.check("ann@").status()).isEqualTo(AddressStatus.INVALID);
		assertThat(dns.queries()).isEmpty();
	}

	@Test
	void switchedOffVerifierAnswersUnknown() {
		verifier = verifier(Map.of("enabled", "false"));
		assertThat(verifier.check("ann@gone.example"))
			.isEqualTo(new AddressCheck(AddressStatus.UNKNOWN, "address verification is off"));
		assertThat(dns.queries()).isEmpty();
	}

	AddressVerifier verifier(Map<String, String> settings) {
		Map<String, String> values = new HashMap<>(Map.of("dns-server", dns.address(), "timeout", "250ms"));
		values.putAll(settings);
		return new AddressVerifier(
				BoundProperties.bind(AddressVerificationProperties.class, "tidings.contacts.verification", values),
				clock);
	}

}
