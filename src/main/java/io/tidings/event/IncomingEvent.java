package io.tidings.event;

import java.util.Map;

import io.tidings.contact.ContactChange;

/**
 * An event as accepted by the API.
 *
 * @param id the caller's idempotency key, or null to have one made up
 */
public record IncomingEvent(String id, String name, ContactChange contact, String correlationKey,
		Map<String, Object> data) {

	public IncomingEvent {
		data = data == null ? Map.of() : data;
	}

}
