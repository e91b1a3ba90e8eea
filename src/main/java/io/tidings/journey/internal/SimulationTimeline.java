package io.tidings.journey.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.pvm.process.TransitionImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;

/**
 * Writes the simulation's timeline from the engine's own events: a start, each branch a
 * gateway takes, each wait for an event, each end. Mails, other steps and timers are
 * written by the simulated steps and by the run, which know their times.
 */
class SimulationTimeline extends AbstractBpmnParseListener {

	private static final ExecutionListener ON_START = SimulationTimeline::started;

	private static final ExecutionListener ON_TAKE = SimulationTimeline::taken;

	@Override
	public void parseStartEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
		activity.addListener(ExecutionListener.EVENTNAME_START, ON_START);
	}

	@Override
	public void parseIntermediateCatchEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
		activity.addListener(ExecutionListener.EVENTNAME_START, ON_START);
	}

	@Override
	public void parseBoundaryEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
		activity.addListener(ExecutionListener.EVENTNAME_START, ON_START);
	}

	@Override
	public void parseEndEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
		activity.addListener(ExecutionListener.EVENTNAME_START, ON_START);
	}

	@Override
	public void parseSequenceFlow(Element element, ScopeImpl scope, TransitionImpl transition) {
		transition.addListener(ExecutionListener.EVENTNAME_TAKE, ON_TAKE);
	}

	private static void started(DelegateExecution execution) {
		FlowElement element = execution.getBpmnModelElementInstance();
		String type = element.getElementType().getTypeName();
		SimulationRun run = SimulationRun.current();
		switch (type) {
			case "startEvent" -> run.record("START", element.getId(), element.getName(), null);
			case "endEvent" -> run.record("END", element.getId(), element.getName(), null);
			case "intermediateCatchEvent", "boundaryEvent" -> {
				String message = messageOf(element);
				if (message != null && type.equals("intermediateCatchEvent")) {
					run.record("WAIT_FOR_EVENT", element.getId(), element.getName(), "waits for " + message);
				}
				else if (type.equals("boundaryEvent")) {
					run.record("EVENT", element.getId(), element.getName(), "a boundary event fired on the step");
				}
			}
			default -> {
			}
		}
	}

	private static void taken(DelegateExecution execution) {
		if (execution.getBpmnModelElementInstance() instanceof SequenceFlow flow
				&& flow.getSource() instanceof Gateway gateway) {
			SimulationRun.current()
				.record("BRANCH", gateway.getId(), gateway.getName(), "took "
						+ (flow.getName() == null ? flow.getId() : "'" + flow.getName() + "'") + " to "
						+ (flow.getTarget().getName() == null ? flow.getTarget().getId() : flow.getTarget().getName()));
		}
	}

	private static String messageOf(FlowElement element) {
		if (element instanceof CatchEvent event) {
			for (var definition : event.getEventDefinitions()) {
				if (definition instanceof MessageEventDefinition message && message.getMessage() != null) {
					return message.getMessage().getName();
				}
			}
		}
		return null;
	}

}
