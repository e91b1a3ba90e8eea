package io.tidings.contact;

public class UnknownImport extends RuntimeException {

	public UnknownImport(String id) {
		super("No contact import with id '" + id + "'");
	}

}
