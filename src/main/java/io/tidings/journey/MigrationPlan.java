package io.tidings.journey;

import java.util.List;

/**
 * A migration of a journey's running instances to one version, per source version.
 *
 * @param instances running instances on the source versions
 * @param migratable those that can move
 * @param blocked those that cannot, because they wait in a step the target lacks
 */
public record MigrationPlan(String journeyKey, int toVersion, long instances, long migratable, long blocked,
		List<Source> sources) {

	/** At most this many blocked instances are listed per source version. */
	public static final int LISTED_BLOCKED_INSTANCES = 100;

	public static MigrationPlan of(String journeyKey, int toVersion, List<Source> sources) {
		return new MigrationPlan(journeyKey, toVersion, sources.stream().mapToLong(Source::instances).sum(),
				sources.stream().mapToLong(Source::migratable).sum(), sources.stream().mapToLong(Source::blocked).sum(),
				sources);
	}

	/**
	 * @param mappedSteps steps of this version that have a counterpart in the target
	 * @param blockedSteps steps with contacts in them that have none
	 * @param blockedInstances some of the instances that cannot move (at most
	 * {@link #LISTED_BLOCKED_INSTANCES})
	 * @param batchId the engine batch moving the others, once started
	 */
	public record Source(int version, long instances, long migratable, long blocked, List<String> mappedSteps,
			List<BlockedStep> blockedSteps, List<BlockedInstance> blockedInstances, String batchId) {

		public Source withBatch(String batchId) {
			return new Source(version, instances, migratable, blocked, mappedSteps, blockedSteps, blockedInstances,
					batchId);
		}

	}

	/** A step that holds contacts and has no counterpart in the target, and why. */
	public record BlockedStep(String stepId, String name, long instances, String reason) {
	}

	public record BlockedInstance(String instanceId, String contactId, List<String> waitingIn) {
	}

}
