package io.tidings.delivery;

/**
 * Lets another module instrument a mail's bodies (an open pixel, tracked links) as the
 * outbox records it, in the same transaction, once the delivery has its id. The delivery
 * module knows nothing of tracking; the tracking module implements this.
 */
public interface MailTracking {

	/**
	 * @return the bodies to store and send instead of the rendered ones
	 */
	TrackedBodies instrument(String deliveryId, OutgoingEmail email);

	/** The HTML body and its plain-text alternative, as they go out. */
	record TrackedBodies(String html, String text) {
	}

}
