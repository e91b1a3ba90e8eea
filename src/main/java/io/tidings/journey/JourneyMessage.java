package io.tidings.journey;

import java.util.Map;
import java.util.Objects;

/**
 * An event as the journey module sees it: a BPMN message for one contact.
 *
 * @param correlationKey when set, only the contact's journeys started with the same key
 * are continued (one cart, one order), and journeys it starts remember it
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
