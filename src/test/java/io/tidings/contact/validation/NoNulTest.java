package io.tidings.contact.validation;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NoNulTest {

	final NoNul.Validator validator = new NoNul.Validator();

	@Test
	void textWithoutNulPassesWhateverElseItHolds() {
		assertThat(validator.isValid(null, null)).isTrue();
		assertThat(validator.isValid(Map.of("a", "${7*7}\r\n<script>", "b", 5, "c", List.of("x", Map.of("d", true))),
				null))
			.isTrue();
	}

	@Test
	void nulAnywhereFails() {
		assertThat(validator.isValid("a\u0000", null)).isFalse();
		assertThat(validator.isValid(Map.of("a", "b\u0000c"), null)).isFalse();
		assertThat(validator.isValid(Map.of("a\u0000", "b"), null)).isFalse();
		assertThat(validator.isValid(Map.of("a", List.of("ok", Map.of("deep\u0000", 1))), null)).isFalse();
		Map<String, Object> withNull = new HashMap<>();
		withNull.put("a", null);
		withNull.put("b", Arrays.asList(null, "\u0000"));
		assertThat(validator.isValid(withNull, null)).isFalse();
	}

}
