package io.tidings.contact;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class EmailAddressesTest {

	@ParameterizedTest
	@ValueSource(strings = { "ann@example.com", "ann.smith+news@mail.example.co.uk", "o'brien@example.ie",
			"user@münchen.de", "x@sub-domain.example.org" })
	void acceptsWhatMailServersAccept(String address) {
		assertThat(EmailAddresses.isValid(address)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "plain", "@example.com", "ann@", "ann@example", "ann@@example.com", "ann@example..com",
			"ann@-example.com", "ann @example.com", "ann@example.com\r\nBcc: x@example.com", "Ann <ann@example.com>",
			"\"quoted space\"@example.com", "ann@example.123", "ann@exa_mple.com", "a\u0000b@example.com" })
	void rejectsWhatWouldBounceOrBreakAHeader(String address) {
		assertThat(EmailAddresses.isValid(address)).isFalse();
	}

	@org.junit.jupiter.api.Test
	void rejectsOverlongAddresses() {
		assertThat(EmailAddresses.isValid("a".repeat(65) + "@example.com")).isFalse();
		assertThat(EmailAddresses.isValid("a@" + "b".repeat(250) + ".com")).isFalse();
		assertThat(EmailAddresses.isValid(null)).isFalse();
	}

}
