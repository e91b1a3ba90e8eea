package io.tidings.journey.internal;

import java.util.ArrayList;
import java.util.List;

import io.tidings.delivery.Outbox;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;

import org.springframework.stereotype.Component;

/**
 * Teaches the engine about delivery: the job behind failed-delivery incidents, and the
 * listener that withdraws a cancelled send step's mail. Also tells the cache of starting
 * journeys about deployments.
 */
@Component
class DeliveryEnginePlugin extends AbstractProcessEnginePlugin {

	private final RedeliveryJobHandler redelivery;

	private final Outbox outbox;

	DeliveryEnginePlugin(RedeliveryJobHandler redelivery, Outbox outbox) {
		this.redelivery = redelivery;
		this.outbox = outbox;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<JobHandler> handlers = new ArrayList<>();
		if (configuration.getCustomJobHandlers() != null) {
			handlers.addAll(configuration.getCustomJobHandlers());
		}
		handlers.add(redelivery);
		configuration.setCustomJobHandlers(handlers);

		List<BpmnParseListener> listeners = new ArrayList<>();
		if (configuration.getCustomPostBPMNParseListeners() != null) {
			listeners.addAll(configuration.getCustomPostBPMNParseListeners());
		}
		listeners.add(new SendStepCancellation(outbox));
		listeners.add(new StartingJourneysReset());
		configuration.setCustomPostBPMNParseListeners(listeners);
	}

}
