package io.tidings.contact.internal;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;

@Component
class JsonAttributes {

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private final ObjectMapper mapper;

	JsonAttributes(ObjectMapper mapper) {
		this.mapper = mapper;
	}

	String write(Map<String, Object> attributes) {
		try {
			return mapper.writeValueAsString(attributes);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Contact attributes are not serializable as JSON", ex);
		}
	}

	Map<String, Object> read(String json) {
		try {
			return mapper.readValue(json, MAP);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Stored contact attributes are not valid JSON", ex);
		}
	}

}
