package io.tidings.event;

/**
 * @param skippedJourneys journeys the event would have started but did not, because the
 * contact's address is invalid
 * @param skipReason why, or null
 * @param replayed true when the id was seen before: this is the first answer again, and
 * nothing ran
 */
public record EventReceipt(String eventId, int startedJourneys, int continuedJourneys, int skippedJourneys,
		String skipReason, boolean replayed) {

	EventReceipt asReplay() {
		return new EventReceipt(eventId, startedJourneys, continuedJourneys, skippedJourneys, skipReason, true);
	}

}
