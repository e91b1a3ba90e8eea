package io.tidings.journey.internal;

import io.tidings.delivery.SendingStep;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;

/**
 * Whether the execution still waits in the very visit of the step that queued the mail:
 * not cancelled, not moved on, and not a later visit of the same step in a loop.
 */
record WaitingSendStep(SendingStep step) implements Command<Boolean> {

	@Override
	public Boolean execute(CommandContext context) {
		ExecutionEntity execution = context.getExecutionManager().findExecutionById(step.executionId());
		return execution != null && step.stepId().equals(execution.getActivityId())
				&& step.activityInstanceId().equals(execution.getActivityInstanceId());
	}

}
