package io.tidings.journey.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import io.tidings.contact.Contact;
import io.tidings.contact.Contacts;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * "Webhook call" step: {@code camunda:delegateExpression="${webhook}"} with the input
 * parameter {@code event} (what happened, e.g. {@code lead.interested}). Posts the event,
 * the journey and the contact as JSON to {@code TIDINGS_WEBHOOK_URL} and records the
 * outcome in {@code webhookStatus} ({@code SKIPPED: ...} when no URL is set). Tick
 * Asynchronous before and give it a retry time cycle: a failed call is tried again, then
 * becomes an incident in Cockpit.
 */
@Component("webhook")
class WebhookStep implements JavaDelegate {

	private final Contacts contacts;

	private final WebhookCalls calls;

	WebhookStep(Contacts contacts, WebhookCalls calls) {
		this.contacts = contacts;
		this.calls = calls;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String event = StepInputs.requiredString(execution, "event");
		Contact contact = contacts.find(execution.getProcessBusinessKey())
			.orElseThrow(() -> new IllegalStateException("Journey instance has no known contact (business key '"
					+ execution.getProcessBusinessKey() + "')"));
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("event", event);
		payload.put("journey", Map.of("key", JourneyKeys.of(execution), "instanceId", execution.getProcessInstanceId(),
				"step", execution.getCurrentActivityId()));
		payload.put("contact", contact.asTemplateModel());
		String idempotencyKey = execution.getProcessInstanceId() + "/" + execution.getCurrentActivityId();
		execution.setVariable("webhookStatus", calls.post(idempotencyKey, payload).status());
	}

}
