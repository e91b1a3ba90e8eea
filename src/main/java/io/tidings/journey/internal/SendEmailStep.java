package io.tidings.journey.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.tidings.consent.EmailPurpose;
import io.tidings.consent.Topics;
import io.tidings.consent.UnsubscribeLinks;
import io.tidings.contact.Contact;
import io.tidings.contact.Contacts;
import io.tidings.delivery.Outbox;
import io.tidings.delivery.OutgoingEmail;
import io.tidings.delivery.SendingStep;
import io.tidings.experiment.Variant;
import io.tidings.template.EmailTemplates;
import io.tidings.template.RenderedEmail;
import org.camunda.bpm.engine.impl.bpmn.behavior.AbstractBpmnActivityBehavior;
import org.camunda.bpm.engine.impl.pvm.delegate.ActivityExecution;

import org.springframework.stereotype.Component;

/**
 * "Send email" step: {@code camunda:delegateExpression="${sendEmail}"} with input
 * parameters {@code template} (a key under templates/mail/) and {@code category}:
 * {@code transactional} or a marketing topic ({@code marketing}, or nothing, means the
 * default topic). Renders for the contact's locale and records the mail in the outbox in
 * the engine's transaction; nothing goes over SMTP here. An optional {@code variants}
 * input makes the step an A/B test (see {@link StepExperiments}): the contact's variant
 * may replace the template and the subject, is in the model as {@code variant}, and is
 * recorded on the delivery. The step then waits until the delivery's outcome is reported
 * (sent, skipped, bounced), so the next timer counts from the moment the mail really went
 * out, and a mail that keeps failing shows as an incident on this step. A missing contact
 * or template is a technical failure: the job retries and then becomes an incident in
 * Cockpit.
 */
@Component("sendEmail")
class SendEmailStep extends AbstractBpmnActivityBehavior {

	private final Contacts contacts;

	private final EmailTemplates templates;

	private final Outbox outbox;

	private final UnsubscribeLinks unsubscribeLinks;

	private final Topics topics;

	private final StepExperiments experiments;

	SendEmailStep(Contacts contacts, EmailTemplates templates, Outbox outbox, UnsubscribeLinks unsubscribeLinks,
			Topics topics, StepExperiments experiments) {
		this.topics = topics;
		this.experiments = experiments;
		this.contacts = contacts;
		this.templates = templates;
		this.outbox = outbox;
		this.unsubscribeLinks = unsubscribeLinks;
	}

	@Override
	public void execute(ActivityExecution execution) {
		String stepTemplate = StepInputs.requiredString(execution, "template");
		EmailPurpose purpose = topics.purposeOf(StepInputs.optionalString(execution, "category"));
		Contact contact = contacts.find(execution.getProcessBusinessKey())
			.orElseThrow(() -> new IllegalStateException("Journey instance has no known contact (business key '"
					+ execution.getProcessBusinessKey() + "')"));
		Optional<Variant> variant = experiments.contentVariant(execution, contact.id());
		String templateKey = variant.map(Variant::template).orElse(stepTemplate);
		SendingStep step = new SendingStep(JourneyKeys.of(execution), execution.getProcessInstanceId(),
				execution.getId(), execution.getActivityInstanceId(), execution.getCurrentActivityId(),
				JourneyKeys.versionOf(execution));
		String unsubscribeUrl = purpose.isMarketing() ? unsubscribeLinks.urlFor(contact.id(), purpose.topic()) : null;
		Map<String, Object> model = new HashMap<>(
				Map.of("contact", contact.asTemplateModel(), "data", execution.getVariables(), "journey",
						Map.of("key", step.journeyKey(), "step", step.stepId(), "instanceId", step.instanceId())));
		model.put("unsubscribeUrl", unsubscribeUrl);
		model.put("preferencesUrl",
				purpose.isMarketing() ? unsubscribeLinks.preferencesUrlFor(contact.id(), purpose.topic()) : null);
		model.put("topic", purpose.topic());
		model.put("variant", variant.map(Variant::name).orElse(null));
		RenderedEmail email = templates.render(templateKey, contact.preferredLocale().orElse(null), model);
		outbox.enqueue(new OutgoingEmail(step.instanceId() + "/" + step.activityInstanceId(), contact.id(), step,
				templateKey, purpose.category(), purpose.topic(), contact.email(), contact.displayName(),
				contact.timeZone(), variant.map(Variant::subject).orElse(email.subject()), email.html(), email.text(),
				unsubscribeUrl, variant.map(Variant::name).orElse(null)));
	}

	/** The delivery's outcome was reported (see {@link DeliveryOutcomeListener}). */
	@Override
	public void signal(ActivityExecution execution, String signalName, Object signalData) {
		leave(execution);
	}

}
