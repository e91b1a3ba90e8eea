package io.tidings.event;

/**
 * @param replayed true when the id was seen before: this is the first answer again, and
 * nothing ran
 */
public record EventReceipt(String eventId, int startedJourneys, int continuedJourneys, boolean replayed) {

	EventReceipt asReplay() {
		return new EventReceipt(eventId, startedJourneys, continuedJourneys, true);
	}

}
