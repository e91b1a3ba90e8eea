package io.tidings.journey.internal;

import io.tidings.consent.ContactOptedIn;
import org.camunda.bpm.engine.RuntimeService;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the contact's double opt-in journey, in the transaction that records the click,
 * that the subscription is confirmed: BPMN message {@code OptInConfirmed}, with the
 * confirmed topics in {@code confirmedTopics}.
 */
@Component
class OptInListener {

	static final String OPT_IN_CONFIRMED = "OptInConfirmed";

	private final RuntimeService runtime;

	OptInListener(RuntimeService runtime) {
		this.runtime = runtime;
	}

	@EventListener
	void on(ContactOptedIn optedIn) {
		ConcurrentJourneyChange.translated(() -> runtime.createMessageCorrelation(OPT_IN_CONFIRMED)
			.processInstanceBusinessKey(optedIn.contactId())
			.setVariable("confirmedTopics", optedIn.topics())
			.correlateAllWithResult());
	}

}
