package io.tidings.journey.internal;

import java.util.function.Supplier;

import org.camunda.bpm.engine.OptimisticLockingException;

import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Camunda reports a journey changed by two transactions at once (an event correlating
 * while a delivery outcome moves the same instance) as its own exception. Callers outside
 * the journey module see Spring's, and retry their whole transaction.
 */
final class ConcurrentJourneyChange {

	private ConcurrentJourneyChange() {
	}

	static <T> T translated(Supplier<T> work) {
		try {
			return work.get();
		}
		catch (OptimisticLockingException ex) {
			throw new OptimisticLockingFailureException("The journey was changed at the same moment; try again", ex);
		}
	}

	static void translated(Runnable work) {
		translated(() -> {
			work.run();
			return null;
		});
	}

}
