package io.tidings.support;

import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.pvm.process.TransitionImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a journey's process tests owe: every flow node of its latest version visited, and,
 * for tests that {@code @Import(FlowNodeCoverage.Recording.class)}, every sequence flow
 * taken. The engine keeps no history of sequence flows, so {@link Recording} adds a
 * {@code take} listener to each one while the diagrams are parsed.
 */
public final class FlowNodeCoverage {

	/** Sequence flow ids taken, per process definition id. */
	private static final Map<String, Set<String>> taken = new ConcurrentHashMap<>();

	private static final ExecutionListener RECORD_TAKEN = execution -> taken
		.computeIfAbsent(execution.getProcessDefinitionId(), id -> ConcurrentHashMap.newKeySet())
		.add(execution.getCurrentTransitionId());

	private FlowNodeCoverage() {
	}

	public static void assertEveryFlowNodeVisited(String processKey, HistoryService history,
			RepositoryService repository) {
		ProcessDefinition definition = latest(processKey, repository);
		Set<String> nodes = elementIds(definition, repository, FlowNode.class);
		Set<String> visited = visited(definition, history);
		System.out.printf("Flow-node coverage of %s: %d/%d%n", processKey, visited.size(), nodes.size());
		assertThat(visited).containsAll(nodes);
	}

	/**
	 * Every flow node visited and every sequence flow taken; needs {@link Recording} in
	 * the test's application context.
	 */
	public static void assertEveryFlowNodeAndSequenceFlowCovered(String processKey, HistoryService history,
			RepositoryService repository) {
		ProcessDefinition definition = latest(processKey, repository);
		Set<String> flows = elementIds(definition, repository, SequenceFlow.class);
		Set<String> takenFlows = new TreeSet<>(taken.getOrDefault(definition.getId(), Set.of()));
		takenFlows.addAll(afterEventBasedGateways(definition, history, repository));
		takenFlows.retainAll(flows);
		System.out.printf("Sequence-flow coverage of %s: %d/%d%n", processKey, takenFlows.size(), flows.size());
		assertEveryFlowNodeVisited(processKey, history, repository);
		Set<String> missing = new TreeSet<>(flows);
		missing.removeAll(takenFlows);
		assertThat(missing).as("sequence flows of %s never taken", processKey).isEmpty();
	}

	/**
	 * The engine moves from an event-based gateway straight to the event that occurred,
	 * without taking the flow between them: such a flow counts as taken when its event
	 * occurred.
	 */
	private static Set<String> afterEventBasedGateways(ProcessDefinition definition, HistoryService history,
			RepositoryService repository) {
		Set<String> visited = visited(definition, history);
		return repository.getBpmnModelInstance(definition.getId())
			.getModelElementsByType(SequenceFlow.class)
			.stream()
			.filter(flow -> flow.getSource() instanceof EventBasedGateway)
			.filter(flow -> visited.contains(flow.getTarget().getId()))
			.map(SequenceFlow::getId)
			.collect(Collectors.toSet());
	}

	private static Set<String> visited(ProcessDefinition definition, HistoryService history) {
		return history.createHistoricActivityInstanceQuery()
			.processDefinitionId(definition.getId())
			.list()
			.stream()
			.map(HistoricActivityInstance::getActivityId)
			.collect(Collectors.toCollection(TreeSet::new));
	}

	private static ProcessDefinition latest(String processKey, RepositoryService repository) {
		return repository.createProcessDefinitionQuery()
			.processDefinitionKey(processKey)
			.latestVersion()
			.singleResult();
	}

	private static Set<String> elementIds(ProcessDefinition definition, RepositoryService repository,
			Class<? extends org.camunda.bpm.model.bpmn.instance.FlowElement> type) {
		return repository.getBpmnModelInstance(definition.getId())
			.getModelElementsByType(type)
			.stream()
			.map(element -> element.getId())
			.collect(Collectors.toCollection(TreeSet::new));
	}

	/** Records every sequence flow the engine takes, per process definition. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Recording {

		@Bean
		AbstractProcessEnginePlugin sequenceFlowRecorder() {
			return new AbstractProcessEnginePlugin() {
				@Override
				public void preInit(ProcessEngineConfigurationImpl configuration) {
					if (configuration.getCustomPostBPMNParseListeners() == null) {
						configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
					}
					configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
						@Override
						public void parseSequenceFlow(Element element, ScopeImpl scope, TransitionImpl transition) {
							transition.addListener(ExecutionListener.EVENTNAME_TAKE, RECORD_TAKEN);
						}
					});
				}
			};
		}

	}

}
