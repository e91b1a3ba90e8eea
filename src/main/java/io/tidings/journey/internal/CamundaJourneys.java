package io.tidings.journey.internal;

import java.util.HashMap;
import java.util.Map;

import io.tidings.journey.JourneyDispatch;
import io.tidings.journey.JourneyMessage;
import io.tidings.journey.Journeys;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.MessageCorrelationBuilderImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;

import org.springframework.stereotype.Service;

@Service
class CamundaJourneys implements Journeys {

	private final RuntimeService runtime;

	private final RepositoryService repository;

	CamundaJourneys(RuntimeService runtime, RepositoryService repository) {
		this.runtime = runtime;
		this.repository = repository;
	}

	@Override
	public JourneyDispatch dispatch(JourneyMessage message) {
		// Continue first, so a journey this message starts is not also handed the message
		// it started with.
		int continued = continueWaiting(message);
		int started = 0;
		for (ProcessDefinition journey : repository.createProcessDefinitionQuery()
			.messageEventSubscriptionName(message.name())
			.active()
			.list()) {
			runtime.createMessageCorrelation(message.name())
				.processDefinitionId(journey.getId())
				.processInstanceBusinessKey(message.contactId())
				.setVariables(startVariables(message))
				.correlateStartMessage();
			started++;
		}
		return new JourneyDispatch(started, continued);
	}

	private int continueWaiting(JourneyMessage message) {
		// Only waiting journeys here: dispatch starts new ones itself.
		// executionsOnly() is on the builder class, not on its interface.
		MessageCorrelationBuilder correlation = ((MessageCorrelationBuilderImpl) runtime
			.createMessageCorrelation(message.name())).executionsOnly()
			.processInstanceBusinessKey(message.contactId())
			.setVariables(message.variables());
		if (message.correlationKey() != null) {
			correlation.processInstanceVariableEquals(CORRELATION_KEY, message.correlationKey());
		}
		return correlation.correlateAllWithResult().size();
	}

	private static Map<String, Object> startVariables(JourneyMessage message) {
		Map<String, Object> variables = new HashMap<>(message.variables());
		if (message.correlationKey() != null) {
			variables.put(CORRELATION_KEY, message.correlationKey());
		}
		return variables;
	}

}
