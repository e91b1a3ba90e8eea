package io.tidings.delivery;

/**
 * The journey step that asked for a mail and waits to hear how it went.
 *
 * @param executionId the execution waiting in the step
 * @param activityInstanceId this visit of the step: a step that runs again (a loop) is a
 * new visit with a mail of its own
 */
public record SendingStep(String journeyKey, String instanceId, String executionId, String activityInstanceId,
		String stepId, Integer journeyVersion) {

	/** A step whose journey version does not matter to the caller. */
	public SendingStep(String journeyKey, String instanceId, String executionId, String activityInstanceId,
			String stepId) {
		this(journeyKey, instanceId, executionId, activityInstanceId, stepId, null);
	}

}
