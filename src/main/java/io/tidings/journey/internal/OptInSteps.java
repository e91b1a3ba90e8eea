package io.tidings.journey.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.tidings.consent.TopicConsents;
import io.tidings.consent.TopicConsents.Origin;
import io.tidings.consent.Topics;
import io.tidings.consent.UnsubscribeLinks;
import org.camunda.bpm.engine.delegate.DelegateExecution;

import org.springframework.stereotype.Component;

/**
 * The steps of a double opt-in journey (bpmn/double-opt-in.bpmn):
 * {@code ${optIn.request(execution)}} marks the topics in the variable {@code topics} (a
 * list or a comma-separated text; the default topic when absent) pending and puts the
 * signed confirmation link in {@code confirmUrl} for the mail;
 * {@code ${optIn.expire(execution)}} records that no confirmation came. The click itself
 * (POST /confirm/{token}) subscribes, and the journey hears it as {@code OptInConfirmed}.
 */
@Component("optIn")
public class OptInSteps {

	private final TopicConsents consents;

	private final Topics topics;

	private final UnsubscribeLinks links;

	OptInSteps(TopicConsents consents, Topics topics, UnsubscribeLinks links) {
		this.consents = consents;
		this.topics = topics;
		this.links = links;
	}

	/**
	 * @throws IllegalArgumentException for an unknown topic, which shows as an incident
	 * naming it
	 */
	public void request(DelegateExecution execution) {
		String contactId = execution.getProcessBusinessKey();
		List<String> requested = requested(execution.getVariable("topics"));
		List<String> pending = consents.requestOptIn(contactId, requested,
				new Origin("DOUBLE_OPT_IN", "journey " + execution.getProcessInstanceId(), null, null));
		execution.setVariable("pendingTopics", pending);
		execution.setVariable("confirmUrl", links.confirmUrlFor(contactId));
	}

	public void expire(DelegateExecution execution) {
		consents.expireOptIn(execution.getProcessBusinessKey());
	}

	private List<String> requested(Object value) {
		List<String> requested = new ArrayList<>();
		if (value instanceof Collection<?> many) {
			many.forEach(topic -> requested.add(String.valueOf(topic).strip()));
		}
		else if (value instanceof String text && !text.isBlank()) {
			for (String topic : text.split(",")) {
				requested.add(topic.strip());
			}
		}
		return requested.isEmpty() ? List.of(topics.defaultTopic()) : requested;
	}

}
