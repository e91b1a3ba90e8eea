package io.tidings.contact;

public class UnknownContact extends RuntimeException {

	public UnknownContact(String id) {
		super("No contact with id '" + id + "'");
	}

}
