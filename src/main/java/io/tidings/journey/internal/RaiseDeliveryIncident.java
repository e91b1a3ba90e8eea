package io.tidings.journey.internal;

import io.tidings.delivery.SendingStep;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;

/**
 * Shows a delivery that failed for good as a failed-job incident on its send step, with
 * the SMTP reply as the message. The job behind it re-queues the delivery when an
 * operator retries it in Cockpit.
 */
record RaiseDeliveryIncident(SendingStep step, String deliveryId, String reply) implements Command<Void> {

	@Override
	public Void execute(CommandContext context) {
		ExecutionEntity execution = context.getExecutionManager().findExecutionById(step.executionId());
		MessageEntity job = new MessageEntity();
		job.setJobHandlerType(RedeliveryJobHandler.TYPE);
		job.setJobHandlerConfigurationRaw(deliveryId);
		job.setExecution(execution);
		job.setProcessDefinitionId(execution.getProcessDefinitionId());
		job.setProcessDefinitionKey(step.journeyKey());
		job.setActivityId(step.stepId());
		job.setFailedActivityId(step.stepId());
		job.setExceptionMessage("Email not delivered: " + reply);
		job.insert();
		job.setExceptionStacktrace("Delivery " + deliveryId + " failed after its last attempt.\nSMTP: " + reply
				+ "\nRetry this incident (or POST /api/deliveries/" + deliveryId
				+ "/retry) once the cause is fixed to send it again.");
		job.setRetries(0);
		return null;
	}

}
