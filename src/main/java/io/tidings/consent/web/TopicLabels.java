package io.tidings.consent.web;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What a topic is called on the recipients' pages, in their language: message
 * {@code topic.<name>.label} and {@code .description}, the topic's own name when a
 * configured topic has no text yet.
 */
@Component
class TopicLabels {

	private final MessageSource messages;

	TopicLabels(MessageSource messages) {
		this.messages = messages;
	}

	String label(String topic, Locale locale) {
		return messages.getMessage("topic." + topic + ".label", null, topic, locale);
	}

	String description(String topic, Locale locale) {
		return messages.getMessage("topic." + topic + ".description", null, "", locale);
	}

	String labels(List<String> topics, Locale locale) {
		return String.join(", ", topics.stream().map(topic -> label(topic, locale)).toList());
	}

}
