package io.tidings.journey.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidings.platform.DataSubject;
import io.tidings.platform.PersonalData;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

import org.springframework.stereotype.Component;

/**
 * The contact's journeys in the engine: every instance whose business key is the contact
 * id (and the instances they called), with its steps and variables, which hold the
 * contact's event data. Erasure ends the running ones (their send steps withdraw queued
 * mail on the way out) and then deletes their history, and with it the variables,
 * variable details, steps, incidents, job logs, comments, operation log entries and byte
 * arrays the engine keeps for them. Both go through the engine's services, in the
 * caller's transaction.
 */
@Component
class JourneyPersonalData implements PersonalData {

	static final String DELETE_REASON = "Personal data erased on request";

	private final RuntimeService runtime;

	private final HistoryService history;

	private final ObjectMapper json;

	JourneyPersonalData(RuntimeService runtime, HistoryService history, ObjectMapper json) {
		this.runtime = runtime;
		this.history = history;
		this.json = json;
	}

	@Override
	public String section() {
		return "journeys";
	}

	@Override
	public Object export(DataSubject subject) {
		List<Map<String, Object>> journeys = new ArrayList<>();
		for (String id : instanceIds(subject.contactId())) {
			HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
				.processInstanceId(id)
				.singleResult();
			Map<String, Object> journey = new LinkedHashMap<>();
			journey.put("instanceId", id);
			journey.put("journeyKey", instance.getProcessDefinitionKey());
			journey.put("version", instance.getProcessDefinitionVersion());
			journey.put("state", instance.getState());
			journey.put("startedAt", instant(instance.getStartTime()));
			journey.put("endedAt", instant(instance.getEndTime()));
			journey.put("endReason", instance.getDeleteReason());
			journey.put("calledBy", instance.getSuperProcessInstanceId());
			journey.put("steps", steps(id));
			journey.put("variables", variables(id));
			journeys.add(journey);
		}
		return journeys;
	}

	@Override
	public void erase(DataSubject subject) {
		ConcurrentJourneyChange.translated(() -> {
			List<String> running = runtime.createProcessInstanceQuery()
				.processInstanceBusinessKey(subject.contactId())
				.rootProcessInstances()
				.list()
				.stream()
				.map(ProcessInstance::getId)
				.toList();
			if (!running.isEmpty()) {
				// Listeners run (a send step withdraws its queued mail); called instances
				// go
				// too.
				runtime.deleteProcessInstancesIfExists(running, DELETE_REASON, false, true, false);
			}
			List<String> ended = List.copyOf(instanceIds(subject.contactId()));
			if (!ended.isEmpty()) {
				history.deleteHistoricProcessInstancesIfExists(ended);
			}
		});
	}

	/**
	 * The contact's instances, oldest first, each followed by the instances it called
	 * (which carry no business key of their own).
	 */
	private Set<String> instanceIds(String contactId) {
		Set<String> ids = new LinkedHashSet<>();
		for (HistoricProcessInstance root : history.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(contactId)
			.orderByProcessInstanceStartTime()
			.asc()
			.list()) {
			ids.add(root.getId());
			history.createHistoricProcessInstanceQuery()
				.rootProcessInstanceId(root.getRootProcessInstanceId())
				.orderByProcessInstanceStartTime()
				.asc()
				.list()
				.forEach(called -> ids.add(called.getId()));
		}
		return ids;
	}

	private List<Map<String, Object>> steps(String instanceId) {
		List<Map<String, Object>> steps = new ArrayList<>();
		for (HistoricActivityInstance step : history.createHistoricActivityInstanceQuery()
			.processInstanceId(instanceId)
			.orderByHistoricActivityInstanceStartTime()
			.asc()
			.orderPartiallyByOccurrence()
			.asc()
			.list()) {
			Map<String, Object> visit = new LinkedHashMap<>();
			visit.put("stepId", step.getActivityId());
			visit.put("name", step.getActivityName());
			visit.put("type", step.getActivityType());
			visit.put("startedAt", instant(step.getStartTime()));
			visit.put("endedAt", instant(step.getEndTime()));
			visit.put("cancelled", step.isCanceled());
			steps.add(visit);
		}
		return steps;
	}

	/**
	 * The variables' last values, each with the step it was local to, if any;
	 * JSON-serialized objects as the JSON they are.
	 */
	private List<Map<String, Object>> variables(String instanceId) {
		List<Map<String, Object>> variables = new ArrayList<>();
		for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
			.processInstanceIdIn(instanceId)
			.disableCustomObjectDeserialization()
			.orderByVariableName()
			.asc()
			.list()) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("name", variable.getName());
			entry.put("type", variable.getTypeName());
			entry.put("value", value(variable.getTypedValue()));
			if (!instanceId.equals(variable.getActivityInstanceId())) {
				entry.put("stepInstanceId", variable.getActivityInstanceId());
			}
			variables.add(entry);
		}
		return variables;
	}

	private Object value(TypedValue typed) {
		if (typed instanceof ObjectValue object && !object.isDeserialized()) {
			String serialized = object.getValueSerialized();
			if ("application/json".equals(object.getSerializationDataFormat()) && serialized != null) {
				try {
					return json.readTree(serialized);
				}
				catch (JsonProcessingException ex) {
					return serialized;
				}
			}
			return serialized;
		}
		return typed == null ? null : typed.getValue();
	}

	private static Instant instant(Date date) {
		return date == null ? null : date.toInstant();
	}

}
