package io.tidings.consent;

import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * The configured marketing topics, and what a send step's {@code category} input means:
 * {@code transactional}, a topic name, or {@code marketing} (or nothing) for the default
 * topic.
 */
@Component
public class Topics {

	private final ConsentProperties properties;

	public Topics(ConsentProperties properties) {
		this.properties = properties;
	}

	public List<String> all() {
		return properties.topics();
	}

	public boolean exists(String topic) {
		return topic != null && properties.topics().contains(topic);
	}

	public String defaultTopic() {
		return properties.defaultTopic();
	}

	/**
	 * @throws IllegalArgumentException naming the accepted values
	 */
	public EmailPurpose purposeOf(String category) {
		if (category == null || category.isBlank()) {
			return EmailPurpose.marketing(defaultTopic());
		}
		String value = category.strip().toLowerCase(Locale.ROOT);
		if (value.equals("transactional")) {
			return EmailPurpose.transactional();
		}
		if (value.equals("marketing")) {
			return EmailPurpose.marketing(defaultTopic());
		}
		if (exists(value)) {
			return EmailPurpose.marketing(value);
		}
		throw new IllegalArgumentException("Unknown email category '" + category
				+ "': use 'transactional', 'marketing' or a topic of " + String.join(", ", all()));
	}

}
