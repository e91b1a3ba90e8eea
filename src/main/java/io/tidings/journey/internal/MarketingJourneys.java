package io.tidings.journey.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;

import org.springframework.stereotype.Component;

/**
 * Whether a journey sends marketing mail, and so ends when its contact unsubscribes: it
 * does unless every send step is marked {@code transactional}, or the process property
 * {@code tidings.category} says {@code transactional}.
 */
@Component
class MarketingJourneys {

	static final String CATEGORY_PROPERTY = "tidings.category";

	private final RepositoryService repository;

	private final ProcessProperties properties;

	private final Map<String, Boolean> byDefinition = new ConcurrentHashMap<>();

	MarketingJourneys(RepositoryService repository, ProcessProperties properties) {
		this.repository = repository;
		this.properties = properties;
	}

	boolean sendsMarketing(String definitionId) {
		return byDefinition.computeIfAbsent(definitionId, this::read);
	}

	private boolean read(String definitionId) {
		String declared = properties.of(definitionId).get(CATEGORY_PROPERTY);
		if (declared != null && !declared.isBlank()) {
			return !"transactional".equalsIgnoreCase(declared.strip());
		}
		return repository.getBpmnModelInstance(definitionId)
			.getModelElementsByType(ServiceTask.class)
			.stream()
			.filter(task -> SendStepCancellation.SEND_EMAIL_EXPRESSION.equals(task.getCamundaDelegateExpression()))
			.anyMatch(task -> !"transactional".equalsIgnoreCase(category(task)));
	}

	private static String category(ServiceTask task) {
		return task.getModelInstance()
			.getModelElementsByType(CamundaInputParameter.class)
			.stream()
			.filter(parameter -> parameter.getParentElement().getParentElement().getParentElement() == task)
			.filter(parameter -> "category".equals(parameter.getCamundaName()))
			.map(parameter -> parameter.getTextContent().strip())
			.findFirst()
			.orElse("marketing");
	}

}
