package io.tidings.contact.web;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidings.contact.Segment;

/**
 * A segment as the API shows it.
 *
 * @param count the members now, where the answer includes it
 */
record SegmentView(String key, String name, JsonNode rule, Long count, Instant createdAt, Instant updatedAt) {

	static SegmentView of(Segment segment, Long count) {
		return new SegmentView(segment.key(), segment.name(), segment.rule(), count, segment.createdAt(),
				segment.updatedAt());
	}

}
