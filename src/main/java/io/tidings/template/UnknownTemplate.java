package io.tidings.template;

public class UnknownTemplate extends RuntimeException {

	public UnknownTemplate(String templateKey) {
		super("No email template '" + templateKey + "' (expected templates/mail/" + templateKey + ".html)");
	}

}
