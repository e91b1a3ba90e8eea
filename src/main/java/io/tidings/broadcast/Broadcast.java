package io.tidings.broadcast;

import java.time.Instant;
import java.util.Map;

/**
 * A journey started for every member of a segment, and how far it got.
 *
 * @param total the segment's size when the broadcast was created
 * @param skippedBecause how many members were skipped, by reason
 */
public record Broadcast(String id, String journey, String segment, int perSecond, String status, long total,
		long started, long skipped, Map<String, Long> skippedBecause, Instant createdAt, Instant finishedAt,
		String lastError) {
}
