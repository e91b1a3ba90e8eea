package io.tidings.consent.internal;

import java.util.function.Supplier;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A consent change ends or moves the contact's journeys in its own transaction. When a
 * journey of the contact moved at the same moment (a mail just went out), the change is
 * tried again: an unsubscribe must not fail for that. Inside a caller's transaction (a
 * journey step) it joins it, and the caller's own retry applies.
 */
@Component
class ConsentTransactions {

	private static final int ATTEMPTS = 5;

	private final TransactionTemplate transaction;

	ConsentTransactions(TransactionTemplate transaction) {
		this.transaction = transaction;
	}

	<T> T retried(Supplier<T> change) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			return change.get();
		}
		for (int attempt = 1;; attempt++) {
			try {
				return transaction.execute(status -> change.get());
			}
			catch (ConcurrencyFailureException ex) {
				if (attempt == ATTEMPTS) {
					throw ex;
				}
			}
		}
	}

	void retried(Runnable change) {
		retried(() -> {
			change.run();
			return null;
		});
	}

}
