package io.tidings.journey.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.tidings.journey.JourneyDispatch;
import io.tidings.journey.JourneyMessage;
import io.tidings.journey.JourneyTrigger;
import io.tidings.journey.Journeys;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.MessageCorrelationBuilderImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Execution;

import org.springframework.stereotype.Service;

@Service
class CamundaJourneys implements Journeys {

	private final RuntimeService runtime;

	private final RepositoryService repository;

	private final ProcessProperties properties;

	private final MarketingJourneys marketing;

	private final StartMessages startMessages;

	CamundaJourneys(RuntimeService runtime, RepositoryService repository, ProcessProperties properties,
			MarketingJourneys marketing, StartMessages startMessages) {
		this.startMessages = startMessages;
		this.runtime = runtime;
		this.repository = repository;
		this.properties = properties;
		this.marketing = marketing;
	}

	@Override
	public JourneyDispatch dispatch(JourneyMessage message, boolean mayStart) {
		return ConcurrentJourneyChange.translated(() -> dispatchNow(message, mayStart));
	}

	private JourneyDispatch dispatchNow(JourneyMessage message, boolean mayStart) {
		// Continue first, so a journey this message starts is not also handed the message
		// it started with.
		int continued = continueWaiting(message);
		int started = 0;
		int skipped = 0;
		for (ProcessDefinition journey : repository.createProcessDefinitionQuery()
			.messageEventSubscriptionName(message.name())
			.active()
			.list()) {
			if (!mayStart) {
				skipped++;
				continue;
			}
			runtime.createMessageCorrelation(message.name())
				.processDefinitionId(journey.getId())
				.processInstanceBusinessKey(message.contactId())
				.setVariables(startVariables(message))
				.correlateStartMessage();
			started++;
		}
		return new JourneyDispatch(started, continued, skipped);
	}

	/**
	 * Camunda allows a message start name in one process only, so journeys of the same
	 * kind add a suffix: {@code BirthdayReached}, {@code BirthdayReached.coupon}.
	 */
	@Override
	public List<JourneyTrigger> triggeredBy(String trigger) {
		return repository.createProcessDefinitionQuery()
			.latestVersion()
			.active()
			.list()
			.stream()
			.flatMap(definition -> startMessages.of(definition.getId())
				.stream()
				.filter(name -> name.equals(trigger) || name.startsWith(trigger + "."))
				.map(name -> new JourneyTrigger(definition.getKey(), definition.getId(), name,
						properties.of(definition.getId()))))
			.toList();
	}

	@Override
	public void start(JourneyTrigger trigger, String contactId, Map<String, Object> variables) {
		runtime.createMessageCorrelation(trigger.messageName())
			.processDefinitionId(trigger.definitionId())
			.processInstanceBusinessKey(contactId)
			.setVariables(variables)
			.correlateStartMessage();
	}

	@Override
	public boolean isRunning(String journeyKey, String contactId) {
		return runtime.createProcessInstanceQuery()
			.processDefinitionKey(journeyKey)
			.processInstanceBusinessKey(contactId)
			.count() > 0;
	}

	@Override
	public boolean sendsMarketing(String journeyKey) {
		ProcessDefinition latest = repository.createProcessDefinitionQuery()
			.processDefinitionKey(journeyKey)
			.latestVersion()
			.singleResult();
		return latest != null && marketing.sendsMarketing(latest.getId());
	}

	private int continueWaiting(JourneyMessage message) {
		int continued = 0;
		for (String instanceId : waitingInstances(message)) {
			// Only waiting journeys here: dispatch starts new ones itself.
			// executionsOnly() is on the builder class, not on its interface.
			continued += ((MessageCorrelationBuilderImpl) runtime.createMessageCorrelation(message.name()))
				.executionsOnly()
				.processInstanceId(instanceId)
				.setVariables(message.variables())
				.correlateAllWithResult()
				.size();
		}
		return continued;
	}

	private List<String> waitingInstances(JourneyMessage message) {
		return runtime.createExecutionQuery()
			.messageEventSubscriptionName(message.name())
			.processInstanceBusinessKey(message.contactId())
			.list()
			.stream()
			.map(Execution::getProcessInstanceId)
			.distinct()
			.filter(instanceId -> hears(instanceId, message.correlationKey()))
			.toList();
	}

	/**
	 * A journey started with a correlation key (one cart, one order) hears only events
	 * with that key, or with none; a journey started without one hears every event of its
	 * contact, whatever its key: the welcome series ends on any order.
	 */
	private boolean hears(String instanceId, String eventKey) {
		if (eventKey == null) {
			return true;
		}
		Object journeyKey = runtime.getVariable(instanceId, CORRELATION_KEY);
		return journeyKey == null || eventKey.equals(journeyKey);
	}

	private static Map<String, Object> startVariables(JourneyMessage message) {
		Map<String, Object> variables = new HashMap<>(message.variables());
		if (message.correlationKey() != null) {
			variables.put(CORRELATION_KEY, message.correlationKey());
		}
		return variables;
	}

}
