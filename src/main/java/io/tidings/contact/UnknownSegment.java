package io.tidings.contact;

public class UnknownSegment extends RuntimeException {

	public UnknownSegment(String key) {
		super("No segment with key '" + key + "'");
	}

}
