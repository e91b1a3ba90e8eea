package io.tidings.journey.internal;

import java.util.Map;

import io.tidings.contact.Contact;
import io.tidings.contact.Contacts;
import io.tidings.delivery.EmailCategory;
import io.tidings.delivery.Outbox;
import io.tidings.delivery.OutgoingEmail;
import io.tidings.template.EmailTemplates;
import io.tidings.template.RenderedEmail;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * "Send email" step: {@code camunda:delegateExpression="${sendEmail}"} with input
 * parameters {@code template} (a key under templates/mail/) and {@code category}
 * (marketing by default). Renders for the contact's locale and records the mail in the
 * outbox in the engine's transaction; nothing goes over SMTP here. A missing contact or
 * template is a technical failure: the job retries and then becomes an incident in
 * Cockpit.
 */
@Component("sendEmail")
class SendEmailDelegate implements JavaDelegate {

	private final Contacts contacts;

	private final EmailTemplates templates;

	private final Outbox outbox;

	SendEmailDelegate(Contacts contacts, EmailTemplates templates, Outbox outbox) {
		this.contacts = contacts;
		this.templates = templates;
		this.outbox = outbox;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String templateKey = StepInputs.requiredString(execution, "template");
		EmailCategory category = EmailCategory.parse(StepInputs.optionalString(execution, "category"));
		Contact contact = contacts.find(execution.getProcessBusinessKey())
			.orElseThrow(() -> new IllegalStateException("Journey instance has no known contact (business key '"
					+ execution.getProcessBusinessKey() + "')"));
		String journeyKey = JourneyKeys.of(execution);
		Map<String, Object> model = Map.of("contact", contact.asTemplateModel(), "data", execution.getVariables(),
				"journey", Map.of("key", journeyKey, "step", execution.getCurrentActivityId(), "instanceId",
						execution.getProcessInstanceId()));
		RenderedEmail email = templates.render(templateKey, contact.preferredLocale().orElse(null), model);
		outbox.enqueue(new OutgoingEmail(execution.getProcessInstanceId() + "/" + execution.getCurrentActivityId(),
				contact.id(), journeyKey, execution.getProcessInstanceId(), execution.getCurrentActivityId(),
				templateKey, category, contact.email(), contact.displayName(), email.subject(), email.html(),
				email.text()));
	}

}
