package io.tidings.journey;

public class UnknownJourney extends RuntimeException {

	public UnknownJourney(String journeyKey) {
		super("No journey has the key '" + journeyKey + "'");
	}

}
