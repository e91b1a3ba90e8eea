package io.tidings.journey.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;

final class JourneyKeys {

	private JourneyKeys() {
	}

	/**
	 * The process definition key of the running journey (from the engine's deployment
	 * cache).
	 */
	static String of(DelegateExecution execution) {
		return execution.getProcessEngineServices()
			.getRepositoryService()
			.getProcessDefinition(execution.getProcessDefinitionId())
			.getKey();
	}

	/** The version of the running journey's diagram. */
	static int versionOf(DelegateExecution execution) {
		return execution.getProcessEngineServices()
			.getRepositoryService()
			.getProcessDefinition(execution.getProcessDefinitionId())
			.getVersion();
	}

}
