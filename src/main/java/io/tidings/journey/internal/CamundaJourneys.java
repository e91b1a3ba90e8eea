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
import org.camunda.bpm.engine.repository.ProcessDefinition;

import org.springframework.stereotype.Service;

@Service
class CamundaJourneys implements Journeys {

	private final RuntimeService runtime;

	private final RepositoryService repository;

	private final ProcessProperties properties;

	private final MarketingJourneys marketing;

	private final StartMessages startMessages;

	private final WaitingJourneys waiting;

	private final StartingJourneys starting;

	CamundaJourneys(RuntimeService runtime, RepositoryService repository, ProcessProperties properties,
			MarketingJourneys marketing, StartMessages startMessages, WaitingJourneys waiting,
			StartingJourneys starting) {
		this.waiting = waiting;
		this.starting = starting;
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
		int continued = waiting.continueWith(message);
		int started = 0;
		int skipped = 0;
		for (String journey : starting.definitionIds(message.name())) {
			if (!mayStart) {
				skipped++;
				continue;
			}
			runtime.createMessageCorrelation(message.name())
				.processDefinitionId(journey)
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

	@Override
	public boolean notifyInstance(String journeyInstanceId, String messageName, Map<String, Object> variables) {
		return ConcurrentJourneyChange.translated(() -> !runtime.createMessageCorrelation(messageName)
			.processInstanceId(journeyInstanceId)
			.setVariables(variables)
			.correlateAllWithResult()
			.isEmpty());
	}

	private static Map<String, Object> startVariables(JourneyMessage message) {
		Map<String, Object> variables = new HashMap<>(message.variables());
		if (message.correlationKey() != null) {
			variables.put(CORRELATION_KEY, message.correlationKey());
		}
		return variables;
	}

}
