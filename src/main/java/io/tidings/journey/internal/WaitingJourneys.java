package io.tidings.journey.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import io.tidings.journey.JourneyMessage;
import io.tidings.journey.Journeys;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.MessageCorrelationBuilderImpl;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.ProcessInstance;

import org.springframework.stereotype.Component;

/**
 * Hands a message to the contact's running journeys that wait for it. A journey started
 * with a correlation key (one cart, one order) hears only messages with the same key, or
 * with none; a journey started without one hears every message of its contact, whatever
 * its key: the welcome series ends on any order. A journey whose process property
 * {@value #CORRELATION_FIELD} names a data field is matched by that field instead, when
 * the message has it: the cart journey says {@code cartId}, so an {@code OrderPlaced}
 * whose correlation key is the order id ends the reminders of the cart in its
 * {@code data.cartId}.
 */
@Component
class WaitingJourneys {

	static final String CORRELATION_FIELD = "tidings.correlationField";

	private final RuntimeService runtime;

	private final ProcessProperties properties;

	WaitingJourneys(RuntimeService runtime, ProcessProperties properties) {
		this.runtime = runtime;
		this.properties = properties;
	}

	/**
	 * @return how many waiting executions the message continued
	 */
	int continueWith(JourneyMessage message) {
		Set<String> instanceIds = runtime.createExecutionQuery()
			.messageEventSubscriptionName(message.name())
			.processInstanceBusinessKey(message.contactId())
			.list()
			.stream()
			.map(Execution::getProcessInstanceId)
			.collect(Collectors.toSet());
		if (instanceIds.isEmpty()) {
			return 0;
		}
		Map<String, String> waiting = new LinkedHashMap<>();
		for (ProcessInstance instance : runtime.createProcessInstanceQuery().processInstanceIds(instanceIds).list()) {
			waiting.put(instance.getId(), instance.getProcessDefinitionId());
		}
		int continued = 0;
		for (Map.Entry<String, String> journey : waiting.entrySet()) {
			String wanted = keyFor(message, journey.getValue());
			Object startedWith = runtime.getVariable(journey.getKey(), Journeys.CORRELATION_KEY);
			if (wanted == null || startedWith == null || wanted.equals(startedWith)) {
				// executionsOnly() is on the builder class, not on its interface.
				continued += ((MessageCorrelationBuilderImpl) runtime.createMessageCorrelation(message.name()))
					.executionsOnly()
					.processInstanceId(journey.getKey())
					.setVariables(message.variables())
					.correlateAllWithResult()
					.size();
			}
		}
		return continued;
	}

	/** The correlation key the journey must have been started with, or null for any. */
	private String keyFor(JourneyMessage message, String definitionId) {
		String field = properties.of(definitionId).get(CORRELATION_FIELD);
		if (field != null && !field.isBlank()) {
			Object value = message.variables().get(field.strip());
			if (value instanceof String || value instanceof Number) {
				return Objects.toString(value);
			}
		}
		return message.correlationKey();
	}

}
