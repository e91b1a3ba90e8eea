package io.tidings.journey.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;

/**
 * A diagram's flow nodes in the order a reader follows the flow: from the process's start
 * events along the sequence flows, each node after every node that leads to it (loops
 * aside), branches side by side; a boundary event after its activity, a subprocess's
 * content after the subprocess, and what no start event reaches (event subprocesses)
 * after the main flow. Ties keep the order in which the nodes were reached.
 */
final class FlowOrder {

	private FlowOrder() {
	}

	static List<FlowNode> of(BpmnModelInstance model) {
		List<FlowNode> nodes = new ArrayList<>(model.getModelElementsByType(FlowNode.class));
		Map<FlowNode, List<FlowNode>> next = successors(model, nodes);
		List<FlowNode> roots = roots(nodes, next);
		Map<FlowNode, List<FlowNode>> forward = withoutLoops(roots, nodes, next);
		Map<FlowNode, Integer> incoming = new HashMap<>();
		forward.values().forEach(targets -> targets.forEach(target -> incoming.merge(target, 1, Integer::sum)));
		List<FlowNode> ordered = new ArrayList<>();
		Deque<FlowNode> ready = new ArrayDeque<>();
		Deque<FlowNode> pendingRoots = new ArrayDeque<>(roots);
		while (ordered.size() < nodes.size()) {
			if (ready.isEmpty()) {
				FlowNode root = pendingRoots.poll();
				if (root == null) {
					break;
				}
				if (!ordered.contains(root) && incoming.getOrDefault(root, 0) == 0) {
					ready.add(root);
				}
				continue;
			}
			FlowNode node = ready.poll();
			ordered.add(node);
			for (FlowNode target : forward.getOrDefault(node, List.of())) {
				if (incoming.merge(target, -1, Integer::sum) == 0) {
					ready.add(target);
				}
			}
		}
		nodes.stream().filter(node -> !ordered.contains(node)).forEach(ordered::add);
		return ordered;
	}

	private static Map<FlowNode, List<FlowNode>> successors(BpmnModelInstance model, List<FlowNode> nodes) {
		Map<FlowNode, List<FlowNode>> next = new LinkedHashMap<>();
		for (FlowNode node : nodes) {
			List<FlowNode> targets = new ArrayList<>();
			for (SequenceFlow flow : node.getOutgoing()) {
				targets.add(flow.getTarget());
			}
			if (node instanceof SubProcess subProcess) {
				subProcess.getChildElementsByType(StartEvent.class).forEach(targets::add);
			}
			next.put(node, targets);
		}
		for (BoundaryEvent boundary : model.getModelElementsByType(BoundaryEvent.class)) {
			if (boundary.getAttachedTo() != null) {
				next.computeIfAbsent(boundary.getAttachedTo(), node -> new ArrayList<>()).add(boundary);
			}
		}
		return next;
	}

	/**
	 * The nodes nothing leads to: the process's own start events first, then the others
	 * (event subprocesses) in document order.
	 */
	private static List<FlowNode> roots(List<FlowNode> nodes, Map<FlowNode, List<FlowNode>> next) {
		Set<FlowNode> targets = new HashSet<>();
		next.values().forEach(targets::addAll);
		List<FlowNode> roots = new ArrayList<>();
		nodes.stream()
			.filter(node -> !targets.contains(node) && node instanceof StartEvent
					&& node.getParentElement() instanceof Process)
			.forEach(roots::add);
		nodes.stream().filter(node -> !targets.contains(node) && !roots.contains(node)).forEach(roots::add);
		// Nodes only reachable through a loop: entered at their first node in document
		// order.
		nodes.stream().filter(node -> !roots.contains(node)).forEach(roots::add);
		return roots;
	}

	/** The successor graph without the edges that close a loop (found depth first). */
	private static Map<FlowNode, List<FlowNode>> withoutLoops(List<FlowNode> roots, List<FlowNode> nodes,
			Map<FlowNode, List<FlowNode>> next) {
		Map<FlowNode, List<FlowNode>> forward = new HashMap<>();
		Set<FlowNode> done = new HashSet<>();
		Set<FlowNode> onPath = new HashSet<>();
		for (FlowNode root : roots) {
			if (done.contains(root)) {
				continue;
			}
			Deque<Visit> path = new ArrayDeque<>();
			path.push(new Visit(root));
			onPath.add(root);
			while (!path.isEmpty()) {
				Visit visit = path.peek();
				List<FlowNode> targets = next.getOrDefault(visit.node, List.of());
				if (visit.index < targets.size()) {
					FlowNode target = targets.get(visit.index++);
					if (onPath.contains(target)) {
						continue;
					}
					forward.computeIfAbsent(visit.node, node -> new ArrayList<>()).add(target);
					if (!done.contains(target)) {
						onPath.add(target);
						path.push(new Visit(target));
					}
				}
				else {
					path.pop();
					onPath.remove(visit.node);
					done.add(visit.node);
				}
			}
		}
		return forward;
	}

	private static final class Visit {

		private final FlowNode node;

		private int index;

		private Visit(FlowNode node) {
			this.node = node;
		}

	}

}
