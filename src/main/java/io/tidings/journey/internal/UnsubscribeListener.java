package io.tidings.journey.internal;

import io.tidings.consent.ContactUnsubscribed;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.context.BpmnExecutionContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.runtime.ProcessInstance;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Ends the contact's running journeys of the topic it unsubscribed from (of any topic,
 * for an unsubscribe from all marketing mail) the moment it unsubscribes, in the same
 * transaction. A journey that waits for the BPMN message {@code Unsubscribed} gets it,
 * with {@code unsubscribeSource} and {@code unsubscribeTopic}, and decides for itself;
 * the others are cancelled, with the reason in their history (Cockpit shows it as the
 * delete reason). Transactional journeys go on, and so does a journey whose own step
 * unsubscribed the contact (the re-engagement journey's sunset step): it ends by its own
 * diagram, and deleting it under the running step would fail the step.
 */
@Component
class UnsubscribeListener {

	static final String UNSUBSCRIBED = "Unsubscribed";

	private final RuntimeService runtime;

	private final MarketingJourneys marketing;

	UnsubscribeListener(RuntimeService runtime, MarketingJourneys marketing) {
		this.runtime = runtime;
		this.marketing = marketing;
	}

	@EventListener
	void on(ContactUnsubscribed unsubscribed) {
		ConcurrentJourneyChange.translated(() -> endJourneysOfTopic(unsubscribed));
	}

	private void endJourneysOfTopic(ContactUnsubscribed unsubscribed) {
		String asking = journeyTakingAStep();
		for (ProcessInstance journey : runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(unsubscribed.contactId())
			.list()) {
			if (journey.getId().equals(asking)) {
				continue;
			}
			if (!unsubscribed.fromAllMarketing()
					&& !marketing.topicsOf(journey.getProcessDefinitionId()).contains(unsubscribed.topic())) {
				continue;
			}
			boolean handled = !runtime.createMessageCorrelation(UNSUBSCRIBED)
				.processInstanceId(journey.getId())
				.setVariable("unsubscribeSource", unsubscribed.source())
				.setVariable("unsubscribeTopic", unsubscribed.fromAllMarketing() ? "all" : unsubscribed.topic())
				.correlateAllWithResult()
				.isEmpty();
			if (!handled && marketing.sendsMarketing(journey.getProcessDefinitionId())) {
				runtime.deleteProcessInstance(journey.getId(),
						"Contact unsubscribed from "
								+ (unsubscribed.fromAllMarketing() ? "all marketing mail" : unsubscribed.topic()) + " ("
								+ unsubscribed.source() + ")");
			}
		}
	}

	/** The journey instance whose step runs in this thread, if any. */
	private static String journeyTakingAStep() {
		BpmnExecutionContext context = Context.getBpmnExecutionContext();
		return context == null ? null : context.getProcessInstance().getId();
	}

}
