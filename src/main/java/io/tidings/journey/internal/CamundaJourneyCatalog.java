package io.tidings.journey.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.tidings.journey.JourneyCatalog;
import io.tidings.journey.UnknownJourney;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
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
			.desc()
			.list();
		if (versions.isEmpty()) {
			throw new UnknownJourney(journeyKey);
		}
		Map<String, String> names = new LinkedHashMap<>();
		for (ProcessDefinition version : versions) {
			for (FlowNode node : FlowOrder.of(repository.getBpmnModelInstance(version.getId()))) {
				if (node.getName() != null) {
					names.putIfAbsent(node.getId(), node.getName());
				}
			}
		}
		return names;
	}

	@Override
	public long entered(String journeyKey, Instant from, Instant to, Integer version) {
		HistoricProcessInstanceQuery started = history.createHistoricProcessInstanceQuery()
			.processDefinitionKey(journeyKey);
		if (from != null) {
			started.startedAfter(Date.from(from));
		}
		if (to != null) {
			started.startedBefore(Date.from(to.minusMillis(1)));
		}
		if (version != null) {
			ProcessDefinition definition = repository.createProcessDefinitionQuery()
				.processDefinitionKey(journeyKey)
				.processDefinitionVersion(version)
				.singleResult();
			if (definition == null) {
				return 0;
			}
			started.processDefinitionId(definition.getId());
		}
		return started.count();
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
