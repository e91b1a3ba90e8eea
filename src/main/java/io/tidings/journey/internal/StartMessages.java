package io.tidings.journey.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;

import org.springframework.stereotype.Component;

/**
 * The message names a deployed journey starts at (its top-level message start events),
 * per definition (read once: a deployed definition never changes).
 */
@Component
class StartMessages {

	private final RepositoryService repository;

	private final Map<String, List<String>> byDefinition = new ConcurrentHashMap<>();

	StartMessages(RepositoryService repository) {
		this.repository = repository;
	}

	List<String> of(String definitionId) {
		return byDefinition.computeIfAbsent(definitionId,
				id -> repository.getBpmnModelInstance(id)
					.getModelElementsByType(StartEvent.class)
					.stream()
					// An event sub-process's start (OrderPlaced ending the welcome
					// series) starts nothing.
					.filter(start -> start.getParentElement() instanceof Process)
					.flatMap(start -> start.getEventDefinitions().stream())
					.filter(MessageEventDefinition.class::isInstance)
					.map(definition -> ((MessageEventDefinition) definition).getMessage())
					.filter(message -> message != null && message.getName() != null)
					.map(message -> message.getName())
					.toList());
	}

}
