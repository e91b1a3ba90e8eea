package io.tidings.event;

import java.time.Instant;
import java.util.Map;

/**
 * Published in the transaction that stores an event, after its journeys ran, so other
 * modules can act on it (a conversion) without the event module knowing them. A listener
 * that throws rejects the event; a replayed id publishes nothing.
 */
public record EventAccepted(String eventId, String name, String contactId, Map<String, Object> data,
		Instant receivedAt) {

	public EventAccepted {
		data = data == null ? Map.of() : data;
	}

}
