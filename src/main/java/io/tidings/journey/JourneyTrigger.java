package io.tidings.journey;

import java.util.Map;

/**
 * A deployed journey (its latest version) that starts at a message start event of a name
 * Tidings itself sends, such as {@code BirthdayReached}.
 *
 * @param properties the process's extension properties (Modeler: General → Extension
 * properties), e.g. {@code tidings.inactiveDays = 60}
 */
public record JourneyTrigger(String journeyKey, String definitionId, String messageName,
		Map<String, String> properties) {

	public String property(String name) {
		return properties.get(name);
	}

}
