package io.tidings.journey.internal;

import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Tells {@link StartingJourneys} when a deployment that parsed a process has committed,
 * so the next event sees the new journey.
 */
class StartingJourneysReset extends AbstractBpmnParseListener {

	@Override
	public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
		CommandContext command = Context.getCommandContext();
		if (command == null) {
			StartingJourneys.deployed();
			return;
		}
		command.getTransactionContext()
			.addTransactionListener(TransactionState.COMMITTED, committed -> StartingJourneys.deployed());
	}

}
