package io.tidings.journey.internal;

import io.tidings.contact.Contact;
import io.tidings.contact.Contacts;
import org.camunda.bpm.engine.delegate.DelegateExecution;

import org.springframework.stereotype.Component;

/**
 * What gateways and expressions may ask about the journey's contact, read fresh at the
 * moment the diagram asks: {@code ${contacts.attribute(execution, 'plan') == 'free'}}.
 */
@Component("contacts")
public class ContactExpressions {

	private final Contacts contacts;

	ContactExpressions(Contacts contacts) {
		this.contacts = contacts;
	}

	/**
	 * The attribute's value, or null when the contact or the attribute does not exist.
	 */
	public Object attribute(DelegateExecution execution, String name) {
		return contacts.find(execution.getProcessBusinessKey())
			.map(Contact::attributes)
			.map(attributes -> attributes.get(name))
			.orElse(null);
	}

}
