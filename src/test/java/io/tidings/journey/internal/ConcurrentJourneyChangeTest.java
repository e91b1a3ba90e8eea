package io.tidings.journey.internal;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.errorcode.BuiltinExceptionCode;
import org.junit.jupiter.api.Test;

import org.springframework.dao.OptimisticLockingFailureException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConcurrentJourneyChangeTest {

	@Test
	void anOptimisticLockingConflictBecomesSpringsSoCallersRetry() {
		assertThatThrownBy(() -> ConcurrentJourneyChange.translated(() -> {
			throw new OptimisticLockingException("instance changed");
		})).isInstanceOf(OptimisticLockingFailureException.class).hasCauseInstanceOf(OptimisticLockingException.class);
	}

	@Test
	void aDeadlockOrAForeignKeyRaceIsAConcurrentChangeToo() {
		for (BuiltinExceptionCode code : new BuiltinExceptionCode[] { BuiltinExceptionCode.DEADLOCK,
				BuiltinExceptionCode.FOREIGN_KEY_CONSTRAINT_VIOLATION }) {
			assertThatThrownBy(() -> ConcurrentJourneyChange.translated(() -> {
				throw new ProcessEngineException("flush failed", code.getCode());
			})).as(code.name()).isInstanceOf(OptimisticLockingFailureException.class);
		}
	}

	@Test
	void otherEngineErrorsPassUnchanged() {
		ProcessEngineException failure = new ProcessEngineException("no such message");
		assertThatThrownBy(() -> ConcurrentJourneyChange.translated(() -> {
			throw failure;
		})).isSameAs(failure);
		assertThat(ConcurrentJourneyChange.translated(() -> "done")).isEqualTo("done");
	}

}
