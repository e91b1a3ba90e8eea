package io.tidings.support;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;

import static org.assertj.core.api.Assertions.assertThat;

/** What a journey's process tests owe: every flow node of its latest version visited. */
public final class FlowNodeCoverage {

	private FlowNodeCoverage() {
	}

	public static void assertEveryFlowNodeVisited(String processKey, HistoryService history,
			RepositoryService repository) {
		var definition = repository.createProcessDefinitionQuery()
			.processDefinitionKey(processKey)
			.latestVersion()
			.singleResult();
		Set<String> nodes = repository.getBpmnModelInstance(definition.getId())
			.getModelElementsByType(FlowNode.class)
			.stream()
			.map(FlowNode::getId)
			.collect(Collectors.toCollection(TreeSet::new));
		Set<String> visited = history.createHistoricActivityInstanceQuery()
			.processDefinitionId(definition.getId())
			.list()
			.stream()
			.map(HistoricActivityInstance::getActivityId)
			.collect(Collectors.toCollection(TreeSet::new));
		System.out.printf("Flow-node coverage of %s: %d/%d%n", processKey, visited.size(), nodes.size());
		assertThat(visited).containsAll(nodes);
	}

}
