package io.tidings.journey.internal;

import io.tidings.delivery.SendingStep;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;

/**
 * A failed delivery was queued again: its incident job goes, and the incident is resolved
 * with it. The job that is running this very retry (Cockpit's "Retry") is left to the job
 * executor, which removes it when it completes.
 */
record ClearDeliveryIncident(SendingStep step, String deliveryId) implements Command<Void> {

	@Override
	public Void execute(CommandContext context) {
		JobEntity running = context.getCurrentJob();
		for (JobEntity job : context.getJobManager().findJobsByExecutionId(step.executionId())) {
			if (RedeliveryJobHandler.TYPE.equals(job.getJobHandlerType())
					&& deliveryId.equals(job.getJobHandlerConfigurationRaw()) && !job.equals(running)) {
				job.delete(true);
			}
		}
		return null;
	}

}
