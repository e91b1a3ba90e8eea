package io.tidings.journey.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.tidings.journey.MigrationPlan;
import io.tidings.journey.MigrationPlan.BlockedInstance;
import io.tidings.journey.MigrationPlan.BlockedStep;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.management.ActivityStatistics;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.SignalEventDefinition;

import org.springframework.stereotype.Component;

/**
 * Works out, for one source version, which steps map to the target (same id, same kind,
 * same place: what Camunda's {@code mapEqualActivities} maps) and which of its running
 * instances wait in a step that does not, and so cannot move.
 */
@Component
class MigrationPlanner {

	private static final String MULTI_INSTANCE_BODY = "#multiInstanceBody";

	private final RuntimeService runtime;

	private final RepositoryService repository;

	private final ManagementService management;

	MigrationPlanner(RuntimeService runtime, RepositoryService repository, ManagementService management) {
		this.runtime = runtime;
		this.repository = repository;
		this.management = management;
	}

	record Planned(MigrationPlan.Source source, org.camunda.bpm.engine.migration.MigrationPlan enginePlan,
			List<String> migratableIds) {
	}

	Planned plan(ProcessDefinition from, ProcessDefinition to) {
		BpmnModelInstance target = repository.getBpmnModelInstance(to.getId());
		BpmnModelInstance source = repository.getBpmnModelInstance(from.getId());
		var enginePlan = keepingTimers(from, to, source, target);
		Set<String> mapped = new TreeSet<>();
		enginePlan.getInstructions().stream().map(MigrationInstruction::getSourceActivityId).forEach(mapped::add);
		List<BlockedStep> blockedSteps = new ArrayList<>();
		for (ActivityStatistics statistics : management.createActivityStatisticsQuery(from.getId()).list()) {
			String stepId = statistics.getId().replace(MULTI_INSTANCE_BODY, "");
			if (statistics.getInstances() > 0 && !mapped.contains(stepId)) {
				blockedSteps.add(new BlockedStep(stepId, nameOf(source, stepId), statistics.getInstances(),
						reason(target, stepId, to.getVersion())));
			}
		}
		String[] blockedIds = blockedSteps.stream().map(BlockedStep::stepId).distinct().toArray(String[]::new);
		Set<String> blocked = new HashSet<>();
		List<BlockedInstance> listed = new ArrayList<>();
		if (blockedIds.length > 0) {
			for (ProcessInstance instance : runtime.createProcessInstanceQuery()
				.processDefinitionId(from.getId())
				.activityIdIn(blockedIds)
				.list()) {
				blocked.add(instance.getId());
				if (listed.size() < MigrationPlan.LISTED_BLOCKED_INSTANCES) {
					listed.add(new BlockedInstance(instance.getId(), instance.getBusinessKey(),
							waitingIn(instance.getId(), blockedIds)));
				}
			}
		}
		List<String> migratable = runtime.createProcessInstanceQuery()
			.processDefinitionId(from.getId())
			.list()
			.stream()
			.map(ProcessInstance::getId)
			.filter(id -> !blocked.contains(id))
			.toList();
		var summary = new MigrationPlan.Source(from.getVersion(), migratable.size() + blocked.size(), migratable.size(),
				blocked.size(), List.copyOf(mapped), blockedSteps, listed, null);
		return new Planned(summary, enginePlan, migratable);
	}

	/**
	 * Steps of equal id map to each other. A timer a contact already waits on keeps its
	 * due date (updating the trigger would start the wait again from now); a message or
	 * signal catch whose name changed waits for the new name.
	 */
	private org.camunda.bpm.engine.migration.MigrationPlan keepingTimers(ProcessDefinition from, ProcessDefinition to,
			BpmnModelInstance source, BpmnModelInstance target) {
		var equal = runtime.createMigrationPlan(from.getId(), to.getId()).mapEqualActivities().build();
		MigrationPlanBuilder builder = runtime.createMigrationPlan(from.getId(), to.getId());
		for (MigrationInstruction instruction : equal.getInstructions()) {
			var mapping = builder.mapActivities(instruction.getSourceActivityId(), instruction.getTargetActivityId());
			if (!triggerOf(source, instruction.getSourceActivityId())
				.equals(triggerOf(target, instruction.getTargetActivityId()))) {
				mapping.updateEventTrigger();
			}
			builder = mapping;
		}
		return builder.build();
	}

	/** The message or signal a step waits for, or "" for any other step (timers too). */
	private static String triggerOf(BpmnModelInstance model, String stepId) {
		var element = model.getModelElementById(stepId);
		if (element instanceof ReceiveTask task) {
			return task.getMessage() == null ? "" : "message:" + task.getMessage().getName();
		}
		if (element instanceof CatchEvent event) {
			for (EventDefinition definition : event.getEventDefinitions()) {
				if (definition instanceof MessageEventDefinition message && message.getMessage() != null) {
					return "message:" + message.getMessage().getName();
				}
				if (definition instanceof SignalEventDefinition signal && signal.getSignal() != null) {
					return "signal:" + signal.getSignal().getName();
				}
			}
		}
		return "";
	}

	private List<String> waitingIn(String instanceId, String[] blockedIds) {
		Set<String> blocked = Set.of(blockedIds);
		return runtime.getActiveActivityIds(instanceId)
			.stream()
			.map(id -> id.replace(MULTI_INSTANCE_BODY, ""))
			.filter(blocked::contains)
			.distinct()
			.toList();
	}

	private static String nameOf(BpmnModelInstance model, String stepId) {
		return model.getModelElementById(stepId) instanceof FlowElement element ? element.getName() : null;
	}

	private static String reason(BpmnModelInstance target, String stepId, int version) {
		if (target.getModelElementById(stepId) == null) {
			return "version " + version + " has no step with the id '" + stepId
					+ "' (removed, or renamed in the Modeler's ID field)";
		}
		return "the step '" + stepId + "' changed its kind or moved into another sub-process in version " + version;
	}

}
