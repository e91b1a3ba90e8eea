package io.tidings.journey;

import java.util.Map;
import java.util.Objects;

/**
 * An event as the journey module sees it: a BPMN message for one contact.
 *
 * @param correlationKey when set, of the contact's journeys started with a key only those
 * started with this one are continued (one cart, one order); journeys started without a
 * key are continued whatever it is. Journeys it starts remember it
 * @param variables become journey variables of every journey the message starts or
 * continues
 */
public record JourneyMessage(String name, String contactId, String correlationKey, Map<String, Object> variables) {

	public JourneyMessage {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(contactId, "contactId");
		variables = variables == null ? Map.of() : variables;
	}

}
