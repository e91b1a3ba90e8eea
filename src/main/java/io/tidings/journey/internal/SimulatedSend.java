package io.tidings.journey.internal;

import java.util.HashMap;
import java.util.Map;

import io.tidings.consent.EmailCategory;
import io.tidings.consent.EmailPurpose;
import io.tidings.consent.Topics;
import io.tidings.contact.Contact;
import io.tidings.delivery.SendSchedule;
import io.tidings.experiment.Experiment;
import io.tidings.experiment.Variant;
import io.tidings.experiment.Variants;
import io.tidings.journey.JourneySimulations.Mail;
import io.tidings.template.EmailTemplates;
import io.tidings.template.RenderedEmail;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * The send step of a simulation: renders the mail as the real step would (with links that
 * lead nowhere), works out when the sending rules would let it go, and moves the
 * simulation's clock there, as the real step waits for its mail to go out.
 */
class SimulatedSend implements JavaDelegate {

	static final String INERT_LINK = "https://simulation.invalid/";

	private final EmailTemplates templates;

	private final Topics topics;

	private final SendSchedule schedule;

	SimulatedSend(EmailTemplates templates, Topics topics, SendSchedule schedule) {
		this.templates = templates;
		this.topics = topics;
		this.schedule = schedule;
	}

	/** The A/B variant the contact would get, by the real step's pick, not recorded. */
	private static Variant variantOf(DelegateExecution execution, String contactId) {
		String variants = StepInputs.optionalString(execution, "variants");
		if (variants == null || variants.isBlank()) {
			return null;
		}
		return Variants.ofContent(variants)
			.pick(Experiment.idOf(JourneyKeys.of(execution), execution.getCurrentActivityId()), contactId);
	}

	@Override
	public void execute(DelegateExecution execution) {
		SimulationRun run = SimulationRun.current();
		Contact contact = run.contact();
		Variant variant = variantOf(execution, contact.id());
		String stepTemplate = StepInputs.requiredString(execution, "template");
		String templateKey = variant == null || variant.template() == null ? stepTemplate : variant.template();
		EmailPurpose purpose = topics.purposeOf(StepInputs.optionalString(execution, "category"));
		Map<String, Object> model = new HashMap<>(Map.of("contact", contact.asTemplateModel(), "data",
				execution.getVariables(), "journey", Map.of("key", JourneyKeys.of(execution), "step",
						execution.getCurrentActivityId(), "instanceId", execution.getProcessInstanceId())));
		model.put("unsubscribeUrl", purpose.isMarketing() ? INERT_LINK + "unsubscribe" : null);
		model.put("preferencesUrl", purpose.isMarketing() ? INERT_LINK + "preferences" : null);
		model.put("topic", purpose.topic());
		model.put("variant", variant == null ? null : variant.name());
		RenderedEmail email = templates.render(templateKey, contact.preferredLocale().orElse(null), model);
		SendSchedule.Scheduled sent = schedule.schedule(purpose.category(), contact.timeZone(), run.now(),
				run.marketingSends());
		run.advanceTo(sent.at());
		if (purpose.category() == EmailCategory.MARKETING) {
			run.marketingSends().add(sent.at());
		}
		run.recordAt(sent.at(), "MAIL", execution.getCurrentActivityId(), execution.getCurrentActivityName(),
				variant == null ? null : "A/B variant " + variant.name(),
				new Mail(templateKey,
						variant == null || variant.subject() == null ? email.subject() : variant.subject(),
						purpose.category().name().toLowerCase(java.util.Locale.ROOT), purpose.topic(),
						email.locale() == null ? null : email.locale().toLanguageTag(), sent.heldBackBecause()));
		execution.setVariable("lastDeliveryStatus", "SENT");
	}

}
