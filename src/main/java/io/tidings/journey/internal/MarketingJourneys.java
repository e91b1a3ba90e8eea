package io.tidings.journey.internal;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.tidings.consent.EmailPurpose;
import io.tidings.consent.Topics;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;

import org.springframework.stereotype.Component;

/**
 * The marketing topics a journey sends, and so which unsubscribes end it: the topics of
 * its send steps, or what the process property {@code tidings.category} says
 * ({@code transactional}, {@code marketing} for the default topic, or a topic). A journey
 * with no topic is transactional; one whose category is an expression counts as every
 * topic.
 */
@Component
class MarketingJourneys {

	static final String CATEGORY_PROPERTY = "tidings.category";

	private final RepositoryService repository;

	private final ProcessProperties properties;

	private final Topics topics;

	private final Map<String, Set<String>> byDefinition = new ConcurrentHashMap<>();

	MarketingJourneys(RepositoryService repository, ProcessProperties properties, Topics topics) {
		this.repository = repository;
		this.properties = properties;
		this.topics = topics;
	}

	boolean sendsMarketing(String definitionId) {
		return !topicsOf(definitionId).isEmpty();
	}

	Set<String> topicsOf(String definitionId) {
		return byDefinition.computeIfAbsent(definitionId, this::read);
	}

	private Set<String> read(String definitionId) {
		Set<String> sent = new LinkedHashSet<>();
		String declared = properties.of(definitionId).get(CATEGORY_PROPERTY);
		if (declared != null && !declared.isBlank()) {
			add(sent, declared);
			return Set.copyOf(sent);
		}
		repository.getBpmnModelInstance(definitionId)
			.getModelElementsByType(ServiceTask.class)
			.stream()
			.filter(task -> SendStepCancellation.SEND_EMAIL_EXPRESSION.equals(task.getCamundaDelegateExpression()))
			.forEach(task -> add(sent, category(task)));
		return Set.copyOf(sent);
	}

	/**
	 * A category given by an expression may be any topic at run time, and one this node
	 * does not know counts as the default topic: better ended than left running.
	 */
	private void add(Set<String> sent, String category) {
		if (category != null && (category.contains("${") || category.contains("#{"))) {
			sent.addAll(topics.all());
			return;
		}
		EmailPurpose purpose;
		try {
			purpose = topics.purposeOf(category);
		}
		catch (IllegalArgumentException unknown) {
			purpose = EmailPurpose.marketing(topics.defaultTopic());
		}
		if (purpose.isMarketing()) {
			sent.add(purpose.topic());
		}
	}

	static String category(ServiceTask task) {
		ExtensionElements extensions = task.getExtensionElements();
		if (extensions == null) {
			return null;
		}
		return extensions.getElementsQuery()
			.filterByType(CamundaInputOutput.class)
			.list()
			.stream()
			.flatMap(inputOutput -> inputOutput.getCamundaInputParameters().stream())
			.filter(parameter -> "category".equals(parameter.getCamundaName()))
			.map(parameter -> parameter.getTextContent().strip())
			.findFirst()
			.orElse(null);
	}

}
