package io.tidings.contact;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A stored segment.
 *
 * @param rule the rule as it was given, in the JSON rule language
 */
public record Segment(String key, String name, JsonNode rule, Instant createdAt, Instant updatedAt) {
}
