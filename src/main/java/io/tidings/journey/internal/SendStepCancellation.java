package io.tidings.journey.internal;

import io.tidings.delivery.Outbox;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * When a send step is cancelled while its mail still waits in the outbox (a purchase ends
 * the abandoned-cart journey during quiet hours, an operator cancels the instance), the
 * mail is withdrawn: a journey that has ended sends nothing more.
 */
class SendStepCancellation extends AbstractBpmnParseListener implements ExecutionListener {

	static final String SEND_EMAIL_EXPRESSION = "${sendEmail}";

	private final Outbox outbox;

	SendStepCancellation(Outbox outbox) {
		this.outbox = outbox;
	}

	@Override
	public void parseServiceTask(Element serviceTask, ScopeImpl scope, ActivityImpl activity) {
		String expression = serviceTask.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "delegateExpression");
		if (SEND_EMAIL_EXPRESSION.equals(expression)) {
			activity.addListener(ExecutionListener.EVENTNAME_END, this);
		}
	}

	@Override
	public void notify(DelegateExecution execution) {
		if (execution.isCanceled()) {
			outbox.withdraw(execution.getProcessInstanceId(), execution.getActivityInstanceId(),
					"journey step cancelled");
		}
	}

}
