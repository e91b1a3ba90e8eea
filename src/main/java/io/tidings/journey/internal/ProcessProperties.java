package io.tidings.journey.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

import org.springframework.stereotype.Component;

/**
 * The extension properties an analyst set on a journey's process in Modeler, per deployed
 * definition (a definition never changes, so they are read once).
 */
@Component
class ProcessProperties {

	private final RepositoryService repository;

	private final Map<String, Map<String, String>> byDefinition = new ConcurrentHashMap<>();

	ProcessProperties(RepositoryService repository) {
		this.repository = repository;
	}

	Map<String, String> of(String definitionId) {
		return byDefinition.computeIfAbsent(definitionId, this::read);
	}

	private Map<String, String> read(String definitionId) {
		Map<String, String> properties = new LinkedHashMap<>();
		for (Process process : repository.getBpmnModelInstance(definitionId).getModelElementsByType(Process.class)) {
			ExtensionElements extensions = process.getExtensionElements();
			if (extensions == null) {
				continue;
			}
			for (CamundaProperties group : extensions.getChildElementsByType(CamundaProperties.class)) {
				for (CamundaProperty property : group.getCamundaProperties()) {
					if (property.getCamundaName() != null) {
						String value = property.getCamundaValue();
						properties.put(property.getCamundaName(), value == null ? "" : value);
					}
				}
			}
		}
		return Map.copyOf(properties);
	}

}
