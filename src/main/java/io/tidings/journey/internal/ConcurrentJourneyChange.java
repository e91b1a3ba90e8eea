package io.tidings.journey.internal;

import java.util.function.Supplier;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.errorcode.BuiltinExceptionCode;

import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Camunda reports a journey changed by two transactions at once (an event correlating
 * while a delivery outcome moves the same instance) as its own exception. Callers outside
 * the journey module see Spring's, and retry their whole transaction.
 *
 * <p>
 * On PostgreSQL the same race can also surface as a deadlock, or as a foreign key
 * violation when the engine deletes an instance whose job just added an execution; the
 * engine gives those an error code instead of an {@link OptimisticLockingException}.
 */
final class ConcurrentJourneyChange {

	private ConcurrentJourneyChange() {
	}

	static <T> T translated(Supplier<T> work) {
		try {
			return work.get();
		}
		catch (OptimisticLockingException ex) {
			throw concurrentChange(ex);
		}
		catch (ProcessEngineException ex) {
			if (isConcurrentChange(ex)) {
				throw concurrentChange(ex);
			}
			throw ex;
		}
	}

	static void translated(Runnable work) {
		translated(() -> {
			work.run();
			return null;
		});
	}

	static boolean isConcurrentChange(ProcessEngineException ex) {
		return ex instanceof OptimisticLockingException || ex.getCode() == BuiltinExceptionCode.DEADLOCK.getCode()
				|| ex.getCode() == BuiltinExceptionCode.FOREIGN_KEY_CONSTRAINT_VIOLATION.getCode();
	}

	private static OptimisticLockingFailureException concurrentChange(ProcessEngineException ex) {
		return new OptimisticLockingFailureException("The journey was changed at the same moment; try again", ex);
	}

}
