package io.tidings.contact;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ErasedAddressesTest {

	/** SHA-256 of "ann@example.com", computed outside Java (Python's hashlib). */
	static final String ANN = "71d4f55f72fa128dfb468a1a3901507c804b74316488744d769d7f4b16696476";

	@Test
	void theHashIsSha256OfTheTrimmedLowerCasedAddress() {
		assertThat(ErasedAddresses.hash("ann@example.com")).isEqualTo(ANN);
		assertThat(ErasedAddresses.hash(" Ann@Example.COM\t")).isEqualTo(ANN);
		assertThat(ErasedAddresses.hash("ann@example.org")).isNotEqualTo(ANN).hasSize(64).matches("[0-9a-f]{64}");
	}

	@Test
	void theHashDoesNotContainTheAddress() {
		assertThat(ErasedAddresses.hash("ann@example.com")).doesNotContain("ann").doesNotContain("example");
	}

}
