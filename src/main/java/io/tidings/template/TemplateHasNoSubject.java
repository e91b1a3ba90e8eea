package io.tidings.template;

public class TemplateHasNoSubject extends RuntimeException {

	public TemplateHasNoSubject(String templateName) {
		super("Email template '" + templateName + "' rendered no subject: give it a non-empty <title>");
	}

}
