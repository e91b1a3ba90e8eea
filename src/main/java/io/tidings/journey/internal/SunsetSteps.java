package io.tidings.journey.internal;

import io.tidings.consent.Unsubscribes;
import org.camunda.bpm.engine.delegate.DelegateExecution;

import org.springframework.stereotype.Component;

/**
 * {@code ${sunset.unsubscribe(execution)}}: the sunset policy of the re-engagement
 * journey. A contact who ignored the offer and the last call is unsubscribed from all
 * marketing mail, recorded with the source {@code SUNSET}, so a list of silent addresses
 * does not wear down the sender's reputation. The contact's other marketing journeys end
 * with it; the journey that took this step goes on to its own end.
 */
@Component("sunset")
public class SunsetSteps {

	static final String SOURCE = "SUNSET";

	private final Unsubscribes unsubscribes;

	SunsetSteps(Unsubscribes unsubscribes) {
		this.unsubscribes = unsubscribes;
	}

	public void unsubscribe(DelegateExecution execution) {
		unsubscribes.unsubscribeContact(execution.getProcessBusinessKey(), SOURCE, null, null);
	}

}
