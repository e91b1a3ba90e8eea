package io.tidings.journey.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tidings.journey.JourneySimulations.ScriptedEvent;
import io.tidings.journey.Journeys;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.MessageCorrelationBuilderImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * Runs a script through the simulation engine in the order of a moved clock, without
 * touching the engine's clock (it is shared with the real engine): jobs that continue a
 * journey run at once, and each timer runs when the simulated clock reaches it. A timer
 * given as a duration is due that long after the simulated moment it was set; one given
 * as a date is due then.
 */
final class SimulationDriver {

	private static final int MAX_STEPS = 5_000;

	private final RuntimeService runtime;

	private final ManagementService management;

	private final BpmnModelInstance model;

	private final SimulationRun run;

	private final Map<String, Instant> timers = new HashMap<>();

	SimulationDriver(ProcessEngine engine, SimulationRun run, String journeyKey) {
		this.runtime = engine.getRuntimeService();
		this.management = engine.getManagementService();
		this.run = run;
		String definitionId = engine.getRepositoryService()
			.createProcessDefinitionQuery()
			.processDefinitionKey(journeyKey)
			.latestVersion()
			.singleResult()
			.getId();
		this.model = engine.getRepositoryService().getBpmnModelInstance(definitionId);
	}

	/**
	 * @return whether every instance had ended by {@code until}
	 */
	boolean run(List<ScriptedEvent> script, Instant until) {
		Deque<ScriptedEvent> events = new ArrayDeque<>(script.stream()
			.sorted(Comparator.comparing(event -> event.after() == null ? Duration.ZERO : event.after()))
			.toList());
		for (int step = 0; step < MAX_STEPS; step++) {
			continueJourneys();
			Optional<Map.Entry<String, Instant>> timer = timers.entrySet().stream().min(Map.Entry.comparingByValue());
			Instant eventAt = events.isEmpty() ? null : at(events.peek());
			if (eventAt != null && !eventAt.isAfter(until)
					&& (timer.isEmpty() || !timer.get().getValue().isBefore(eventAt))) {
				run.advanceTo(eventAt);
				whileTracking(() -> deliver(events.poll()));
			}
			else if (timer.isPresent() && !timer.get().getValue().isAfter(until)) {
				run.advanceTo(timer.get().getValue());
				timers.remove(timer.get().getKey());
				whileTracking(() -> execute(timer.get().getKey()));
			}
			else {
				return runtime.createProcessInstanceQuery().count() == 0;
			}
		}
		run.record("STOPPED", null, null, "stopped after " + MAX_STEPS + " steps: does the journey loop?");
		return false;
	}

	private Instant at(ScriptedEvent event) {
		return run.from().plus(event.after() == null ? Duration.ZERO : event.after());
	}

	/**
	 * Runs the jobs that continue a journey now (asynchronous steps), until none is left.
	 */
	private void continueJourneys() {
		for (int round = 0; round < MAX_STEPS; round++) {
			List<Job> ready = management.createJobQuery().messages().withRetriesLeft().listPage(0, 1);
			if (ready.isEmpty()) {
				return;
			}
			whileTracking(() -> execute(ready.get(0).getId()));
		}
	}

	private void execute(String jobId) {
		try {
			management.executeJob(jobId);
		}
		catch (RuntimeException ex) {
			Job job = management.createJobQuery().jobId(jobId).singleResult();
			if (job != null) {
				management.setJobRetries(jobId, 0);
			}
			String stepId = job == null ? null : activityOf(job);
			run.record("FAILED", stepId, nameOf(stepId), rootMessage(ex));
		}
	}

	private void deliver(ScriptedEvent event) {
		Map<String, Object> variables = new HashMap<>(event.data() == null ? Map.of() : event.data());
		String contactId = run.contact().id();
		int continued = 0;
		String wanted = wantedKey(event);
		for (ProcessInstance instance : runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(contactId)
			.list()) {
			Object key = runtime.getVariable(instance.getId(), Journeys.CORRELATION_KEY);
			if (wanted == null || key == null || wanted.equals(key)) {
				continued += ((MessageCorrelationBuilderImpl) runtime.createMessageCorrelation(event.name()))
					.executionsOnly()
					.processInstanceId(instance.getId())
					.setVariables(variables)
					.correlateAllWithResult()
					.size();
			}
		}
		String startName = startMessageFor(event.name());
		if (startName != null) {
			if (event.correlationKey() != null) {
				variables.put(Journeys.CORRELATION_KEY, event.correlationKey());
			}
			run.record("EVENT", null, event.name(),
					continued > 0 ? "continued the journey and started another" : "started the journey");
			try {
				runtime.createMessageCorrelation(startName)
					.processInstanceBusinessKey(contactId)
					.setVariables(variables)
					.correlateStartMessage();
			}
			catch (RuntimeException ex) {
				run.record("FAILED", null, event.name(), rootMessage(ex));
			}
		}
		else {
			run.record(continued > 0 ? "EVENT" : "IGNORED", null, event.name(),
					continued > 0 ? "continued the journey" : "no step of the journey waited for it");
		}
	}

	/** The rule of {@link WaitingJourneys}: a journey may be matched by a data field. */
	private String wantedKey(ScriptedEvent event) {
		String field = model.getModelElementsByType(CamundaProperty.class)
			.stream()
			.filter(property -> WaitingJourneys.CORRELATION_FIELD.equals(property.getCamundaName()))
			.map(CamundaProperty::getCamundaValue)
			.findFirst()
			.orElse(null);
		Object value = field == null || event.data() == null ? null : event.data().get(field.strip());
		return value instanceof String || value instanceof Number ? value.toString() : event.correlationKey();
	}

	/** Runs a command and notes the timers it set, with their simulated due dates. */
	private void whileTracking(Runnable command) {
		Instant realBefore = ClockUtil.getCurrentTime().toInstant();
		command.run();
		for (Job job : management.createJobQuery().timers().list()) {
			if (timers.containsKey(job.getId())) {
				continue;
			}
			String stepId = activityOf(job);
			// The engine set a duration's due date from the real clock; a send step may
			// have
			// moved the simulated one meanwhile, as the real step waits for its mail.
			Instant due = isDate(stepId) ? job.getDuedate().toInstant()
					: run.now().plus(Duration.between(realBefore, job.getDuedate().toInstant()));
			timers.put(job.getId(), due);
			run.record("WAIT", stepId, nameOf(stepId), "until " + due + " ("
					+ Duration.between(run.now(), due).withNanos(0).toString().substring(2).toLowerCase() + ")");
		}
		timers.keySet().removeIf(id -> management.createJobQuery().jobId(id).count() == 0);
	}

	private String activityOf(Job job) {
		return management.createJobDefinitionQuery()
			.jobDefinitionId(job.getJobDefinitionId())
			.singleResult()
			.getActivityId();
	}

	private boolean isDate(String stepId) {
		FlowElement element = stepId == null ? null : model.getModelElementById(stepId);
		if (element == null) {
			return false;
		}
		return element.getChildElementsByType(TimerEventDefinition.class)
			.stream()
			.anyMatch(timer -> timer.getTimeDate() != null);
	}

	private String nameOf(String stepId) {
		return stepId != null && model.getModelElementById(stepId) instanceof FlowElement element ? element.getName()
				: null;
	}

	/**
	 * The message start name the event starts the journey at: its own, or with a suffix.
	 */
	private String startMessageFor(String eventName) {
		for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
			if (!(start.getParentElement() instanceof org.camunda.bpm.model.bpmn.instance.Process)) {
				continue;
			}
			for (MessageEventDefinition definition : start.getChildElementsByType(MessageEventDefinition.class)) {
				String name = definition.getMessage() == null ? null : definition.getMessage().getName();
				if (name != null && (name.equals(eventName) || name.startsWith(eventName + "."))) {
					return name;
				}
			}
		}
		return null;
	}

	private static String rootMessage(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getMessage();
	}

}
