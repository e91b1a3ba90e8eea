package io.tidings.journey;

public class UnknownJourneyVersion extends RuntimeException {

	public UnknownJourneyVersion(String journeyKey, int version, int latest) {
		super("Journey '" + journeyKey + "' has no version " + version + "; its versions are 1 to " + latest);
	}

}
