package io.tidings.journey.internal;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;

import org.springframework.stereotype.Component;

/**
 * {@code tidings.journeys.started}: journey instances started, by process key, however
 * they start (an event, a broadcast, a trigger, Camunda's REST API). Counted when the
 * starting transaction commits, so a start that rolls back and is retried counts once.
 * Process keys are the deployed diagrams, so the tag stays bounded.
 */
@Component
class JourneyMetricsPlugin extends AbstractProcessEnginePlugin {

	private final MeterRegistry registry;

	JourneyMetricsPlugin(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<BpmnParseListener> listeners = new ArrayList<>();
		if (configuration.getCustomPostBPMNParseListeners() != null) {
			listeners.addAll(configuration.getCustomPostBPMNParseListeners());
		}
		listeners.add(new AbstractBpmnParseListener() {
			@Override
			public void parseProcess(Element process, ProcessDefinitionEntity definition) {
				definition.addBuiltInListener(ExecutionListener.EVENTNAME_START, countStart(definition.getKey()));
			}
		});
		configuration.setCustomPostBPMNParseListeners(listeners);
	}

	private ExecutionListener countStart(String processKey) {
		Counter started = Counter.builder("tidings.journeys.started")
			.description("Journey instances started, by process key")
			.tag("journey", processKey)
			.register(registry);
		return execution -> Context.getCommandContext()
			.getTransactionContext()
			.addTransactionListener(TransactionState.COMMITTED, context -> started.increment());
	}

}
