package io.tidings.journey.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.jobexecutor.AsyncContinuationJobHandler;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * What a "Goal reached" step learns from its diagram and the journey's history: the event
 * sub-process it sits in (whose message start event is the goal event, interrupting or
 * not), where the contact was when the event came, and which send step queued the last
 * mail before it.
 */
final class GoalSteps {

	private static final Set<String> SCOPES = Set.of("subProcess", "multiInstanceBody");

	private GoalSteps() {
	}

	/** The goal's event: the message start event of the enclosing event sub-process. */
	static StartEvent goalEvent(DelegateExecution execution) {
		SubProcess scope = eventSubProcess(execution.getBpmnModelElementInstance())
			.orElseThrow(() -> new IllegalStateException("Step '" + execution.getCurrentActivityId()
					+ "' must sit in an event sub-process whose start event is the goal's message"));
		return scope.getChildElementsByType(StartEvent.class)
			.stream()
			.filter(start -> start.getEventDefinitions()
				.stream()
				.anyMatch(definition -> definition instanceof MessageEventDefinition message
						&& message.getMessage() != null))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("Step '" + execution.getCurrentActivityId()
					+ "': the event sub-process it sits in does not start with a message"));
	}

	static String messageName(StartEvent event) {
		return event.getEventDefinitions()
			.stream()
			.filter(MessageEventDefinition.class::isInstance)
			.map(definition -> ((MessageEventDefinition) definition).getMessage().getName())
			.findFirst()
			.orElseThrow();
	}

	/**
	 * The step the contact was in when the goal's event came: the latest-started step of
	 * the journey outside the goal's own sub-process. Its cancellation by an interrupting
	 * goal is not written yet when this step runs, so the history still shows it open.
	 */
	static String atStep(DelegateExecution execution, SubProcess goalScope) {
		Set<String> own = goalScope.getFlowElements().stream().map(FlowElement::getId).collect(Collectors.toSet());
		own.add(goalScope.getId());
		return history(execution).stream()
			.filter(step -> step.getEndTime() == null || step.isCanceled())
			.filter(step -> !SCOPES.contains(step.getActivityType()) && !own.contains(step.getActivityId()))
			.max(Comparator.comparing(HistoricActivityInstance::getStartTime))
			.map(HistoricActivityInstance::getActivityId)
			.orElseGet(() -> asyncStepAhead(execution, own));
	}

	/**
	 * A step marked Asynchronous before that the contact waits to enter (a send step
	 * whose job has not run yet) has no history; its job names it.
	 */
	private static String asyncStepAhead(DelegateExecution execution, Set<String> own) {
		return execution.getProcessEngineServices()
			.getManagementService()
			.createJobQuery()
			.processInstanceId(execution.getProcessInstanceId())
			.list()
			.stream()
			.filter(JobEntity.class::isInstance)
			.map(JobEntity.class::cast)
			.filter(job -> AsyncContinuationJobHandler.TYPE.equals(job.getJobHandlerType()))
			.map(JobEntity::getActivityId)
			.filter(activity -> activity != null && !own.contains(activity))
			.findFirst()
			.orElse(null);
	}

	/** The send step ({@code ${sendEmail}}) the journey entered last, if any. */
	static String lastMailStep(DelegateExecution execution) {
		Set<String> sendSteps = execution.getBpmnModelInstance()
			.getModelElementsByType(ServiceTask.class)
			.stream()
			.filter(task -> "${sendEmail}".equals(task.getCamundaDelegateExpression()))
			.map(ServiceTask::getId)
			.collect(Collectors.toSet());
		return history(execution).stream()
			.filter(step -> sendSteps.contains(step.getActivityId()))
			.max(Comparator.comparing(HistoricActivityInstance::getStartTime))
			.map(HistoricActivityInstance::getActivityId)
			.orElse(null);
	}

	static SubProcess scopeOf(StartEvent goalEvent) {
		return (SubProcess) goalEvent.getParentElement();
	}

	private static List<HistoricActivityInstance> history(DelegateExecution execution) {
		return execution.getProcessEngineServices()
			.getHistoryService()
			.createHistoricActivityInstanceQuery()
			.processInstanceId(execution.getProcessInstanceId())
			.list();
	}

	private static Optional<SubProcess> eventSubProcess(ModelElementInstance element) {
		for (ModelElementInstance parent = element == null ? null
				: element.getParentElement(); parent != null; parent = parent.getParentElement()) {
			if (parent instanceof SubProcess sub && sub.triggeredByEvent()) {
				return Optional.of(sub);
			}
		}
		return Optional.empty();
	}

}
