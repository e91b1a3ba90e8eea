package io.tidings.journey.internal;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.tidings.journey.JourneyCatalog;
import io.tidings.journey.UnknownJourney;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowNode;

import org.springframework.stereotype.Service;

@Service
class CamundaJourneyCatalog implements JourneyCatalog {

	private final RepositoryService repository;

	private final RuntimeService runtime;

	private final HistoryService history;

	private final MarketingJourneys marketing;

	private final StartMessages startMessages;

	CamundaJourneyCatalog(RepositoryService repository, RuntimeService runtime, HistoryService history,
			MarketingJourneys marketing, StartMessages startMessages) {
		this.repository = repository;
		this.runtime = runtime;
		this.history = history;
		this.marketing = marketing;
		this.startMessages = startMessages;
	}

	@Override
	public List<JourneySummary> all() {
		return repository.createProcessDefinitionQuery()
			.latestVersion()
			.list()
			.stream()
			.sorted(Comparator.comparing(ProcessDefinition::getKey))
			.map(this::summary)
			.toList();
	}

	@Override
	public Map<String, String> stepNames(String journeyKey) {
		List<ProcessDefinition> versions = repository.createProcessDefinitionQuery()
			.processDefinitionKey(journeyKey)
			.orderByProcessDefinitionVersion()
			.asc()
			.list();
		if (versions.isEmpty()) {
			throw new UnknownJourney(journeyKey);
		}
		Map<String, String> names = new LinkedHashMap<>();
		for (ProcessDefinition version : versions) {
			for (FlowNode node : repository.getBpmnModelInstance(version.getId())
				.getModelElementsByType(FlowNode.class)) {
				if (node.getName() != null) {
					names.put(node.getId(), node.getName());
				}
			}
		}
		return names;
	}

	private JourneySummary summary(ProcessDefinition latest) {
		String key = latest.getKey();
		return new JourneySummary(key, latest.getName(), latest.getVersion(),
				(int) repository.createProcessDefinitionQuery().processDefinitionKey(key).count(),
				runtime.createProcessInstanceQuery().processDefinitionKey(key).count(),
				history.createHistoricProcessInstanceQuery().processDefinitionKey(key).finished().count(),
				new TreeSet<>(marketing.topicsOf(latest.getId())), startMessages.of(latest.getId()));
	}

}
