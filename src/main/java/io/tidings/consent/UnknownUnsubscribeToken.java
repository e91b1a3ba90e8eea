package io.tidings.consent;

/** Deliberately says nothing about why: a probe learns nothing. */
public class UnknownUnsubscribeToken extends RuntimeException {

	public UnknownUnsubscribeToken() {
		super("Unknown or invalid link");
	}

}
