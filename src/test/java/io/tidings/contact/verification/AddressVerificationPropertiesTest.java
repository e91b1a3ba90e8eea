package io.tidings.contact.verification;

import java.time.Duration;
import java.util.Map;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import io.tidings.support.BoundProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AddressVerificationPropertiesTest {

	static final ValidatorFactory validation = Validation.buildDefaultValidatorFactory();

	static final Validator validator = validation.getValidator();

	@AfterAll
	static void close() {
		validation.close();
	}

	@Test
	void defaultsCheckDnsThroughTheSystemResolver() {
		AddressVerificationProperties properties = bind(Map.of());
		assertThat(properties.enabled()).isTrue();
		assertThat(properties.checkDns()).isTrue();
		assertThat(properties.timeout()).isEqualTo(Duration.ofSeconds(3));
		assertThat(properties.cacheTtl()).isEqualTo(Duration.ofHours(1));
		assertThat(properties.negativeCacheTtl()).isEqualTo(Duration.ofMinutes(10));
		assertThat(properties.cacheSize()).isEqualTo(10_000);
		assertThat(properties.providerUrl()).isEqualTo("dns:");
		assertThat(validator.validate(properties)).isEmpty();
	}

	@Test
	void namedServerBecomesTheProviderUrl() {
		assertThat(bind(Map.of("dns-server", " 127.0.0.1:5353 ")).providerUrl()).isEqualTo("dns://127.0.0.1:5353/");
		assertThat(bind(Map.of("dns-server", "[::1]:53")).providerUrl()).isEqualTo("dns://[::1]:53/");
		assertThat(bind(Map.of("dns-server", "resolver.internal")).providerUrl()).isEqualTo("dns://resolver.internal/");
	}

	@Test
	void malformedServerOrTimeoutIsRefused() {
		assertThat(validator.validate(bind(Map.of("dns-server", "::1"))))
			.extracting(v -> v.getPropertyPath().toString())
			.containsExactly("dnsServer");
		assertThat(validator.validate(bind(Map.of("dns-server", "dns://127.0.0.1/")))).isNotEmpty();
		assertThat(validator.validate(bind(Map.of("timeout", "0s")))).extracting(v -> v.getPropertyPath().toString())
			.containsExactly("timeout");
	}

	static AddressVerificationProperties bind(Map<String, String> values) {
		return BoundProperties.bind(AddressVerificationProperties.class, "tidings.contacts.verification", values);
	}

}
