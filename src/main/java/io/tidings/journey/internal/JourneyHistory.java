package io.tidings.journey.internal;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import io.tidings.contact.ContactHistory;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;

import org.springframework.stereotype.Component;

/**
 * A contact's journeys from the engine's history (business key = contact id), with the
 * steps a running one waits in.
 */
@Component
class JourneyHistory implements ContactHistory {

	private final HistoryService history;

	private final RuntimeService runtime;

	JourneyHistory(HistoryService history, RuntimeService runtime) {
		this.history = history;
		this.runtime = runtime;
	}

	@Override
	public List<JourneyVisit> journeys(String contactId, int limit) {
		return history.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(contactId)
			.orderByProcessInstanceStartTime()
			.desc()
			.listPage(0, limit)
			.stream()
			.map(this::visit)
			.toList();
	}

	private JourneyVisit visit(HistoricProcessInstance instance) {
		boolean running = instance.getEndTime() == null;
		List<String> waitingAt = running ? activeSteps(instance.getId()) : List.of();
		return new JourneyVisit(instance.getId(), instance.getProcessDefinitionKey(),
				instance.getProcessDefinitionVersion(), instance.getState(), instant(instance.getStartTime()),
				instant(instance.getEndTime()), waitingAt);
	}

	private List<String> activeSteps(String instanceId) {
		try {
			return runtime.getActiveActivityIds(instanceId);
		}
		catch (ProcessEngineException endedMeanwhile) {
			return List.of();
		}
	}

	private static Instant instant(Date date) {
		return date == null ? null : date.toInstant();
	}

}
