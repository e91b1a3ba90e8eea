package io.tidings.delivery.internal;

/**
 * A queued row a worker has claimed, with everything needed to put it on the wire.
 */
record ClaimedDelivery(String id, String messageId, String recipient, String recipientName, String subject, String html,
		String text, int attempts) {
}
