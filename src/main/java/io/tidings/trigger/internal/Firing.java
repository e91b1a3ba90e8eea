package io.tidings.trigger.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.tidings.journey.JourneyTrigger;
import io.tidings.journey.Journeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fires one trigger for one contact: records the firing and starts the journeys, in one
 * transaction, so either both happen or neither.
 */
@Component
class Firing {

	private static final Logger log = LoggerFactory.getLogger(Firing.class);

	private final FiringLog firings;

	private final Journeys journeys;

	private final TransactionTemplate transaction;

	Firing(FiringLog firings, Journeys journeys, TransactionTemplate transaction) {
		this.firings = firings;
		this.journeys = journeys;
		this.transaction = transaction;
	}

	/**
	 * @return whether it fired now (false: it had fired already, or failed)
	 */
	boolean fire(String triggerKey, String contactId, String period, List<JourneyTrigger> starts,
			Map<String, Object> variables, Instant now) {
		try {
			return Boolean.TRUE.equals(transaction.execute(status -> {
				if (!firings.record(triggerKey, contactId, period, now)) {
					return false;
				}
				starts.forEach(start -> journeys.start(start, contactId, variables));
				return true;
			}));
		}
		catch (DuplicateKeyException anotherNodeWasFaster) {
			return false;
		}
		catch (RuntimeException ex) {
			log.warn("Trigger {} for contact {} failed; it is tried again at the next look: {}", triggerKey, contactId,
					ex.getMessage());
			return false;
		}
	}

}
