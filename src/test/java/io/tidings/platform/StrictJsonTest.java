package io.tidings.platform;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StrictJsonTest {

	private final ObjectMapper json = mapper();

	record Person(String id, String email, Map<String, Object> attributes, List<String> tags, Integer age) {
	}

	@Test
	void aValidDocumentReadsAsBefore() throws Exception {
		Person person = json.readValue("""
				{"id": "c-1", "email": "ann@example.com", "attributes": {"plan": "pro", "n": [1, {"a": "b"}]},
				 "tags": ["x"], "age": 3}""", Person.class);

		assertThat(person).isEqualTo(new Person("c-1", "ann@example.com",
				Map.of("plan", "pro", "n", List.of(1, Map.of("a", "b"))), List.of("x"), 3));
		assertThat(json.readTree("{\"rule\": {\"all\": [\"\\u0001\"]}}").at("/rule/all/0").asText())
			.isEqualTo("\u0001");
	}

	@Test
	void aNulCharacterIsRejectedWhereverItIs() {
		for (String body : List.of("{\"id\": \"a\\u0000\"}", "{\"attributes\": {\"plan\": \"p\\u0000\"}}",
				"{\"attributes\": {\"k\\u0000\": 1}}", "{\"tags\": [\"\\u0000\"]}", "{\"i\\u0000d\": \"x\"}")) {
			assertThatThrownBy(() -> json.readValue(body, Person.class)).as(body)
				.isInstanceOf(JsonProcessingException.class)
				.hasMessageContaining("NUL");
			assertThatThrownBy(() -> json.readValue(body, JsonNode.class)).as(body)
				.isInstanceOf(JsonParseException.class)
				.hasMessageContaining("NUL");
		}
	}

	@Test
	void aDuplicateMemberIsRejected() {
		assertThatThrownBy(() -> json.readValue("{\"id\": \"a\", \"id\": \"b\"}", Person.class))
			.isInstanceOf(JsonParseException.class)
			.hasMessageContaining("Duplicate field 'id'");
	}

	@Test
	void anythingAfterTheDocumentIsRejected() {
		assertThatThrownBy(() -> json.readValue("{\"id\": \"a\"} }", Person.class))
			.isInstanceOf(JsonProcessingException.class);
	}

	private static ObjectMapper mapper() {
		Jackson2ObjectMapperBuilder builder = new Jackson2ObjectMapperBuilder();
		new StrictJson().noScalarToTextCoercion().customize(builder);
		return builder.build();
	}

}
