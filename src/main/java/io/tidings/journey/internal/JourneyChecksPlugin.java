package io.tidings.journey.internal;

import java.util.ArrayList;
import java.util.List;

import io.tidings.template.EmailTemplates;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** Registers {@link JourneyChecks} for every deployment, at start and over REST alike. */
@Component
class JourneyChecksPlugin extends AbstractProcessEnginePlugin {

	private final BeanFactory beans;

	private final EmailTemplates templates;

	JourneyChecksPlugin(BeanFactory beans, @Lazy EmailTemplates templates) {
		this.beans = beans;
		this.templates = templates;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<BpmnParseListener> listeners = new ArrayList<>();
		if (configuration.getCustomPreBPMNParseListeners() != null) {
			listeners.addAll(configuration.getCustomPreBPMNParseListeners());
		}
		listeners.add(new JourneyChecks(beans, templates));
		configuration.setCustomPreBPMNParseListeners(listeners);
	}

}
