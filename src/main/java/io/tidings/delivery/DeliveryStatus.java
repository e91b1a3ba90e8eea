package io.tidings.delivery;

/**
 * Where a delivery stands. QUEUED, DEFERRED and SENDING are on the way; the others are
 * final, though a FAILED delivery can be retried and a SENT one can still bounce later.
 */
public enum DeliveryStatus {

	/** Waiting for a worker. */
	QUEUED,
	/**
	 * Waiting for its time: a 4xx reply, the frequency cap, quiet hours or a rate limit.
	 */
	DEFERRED,
	/** Claimed by a worker, on the wire now. */
	SENDING,
	/** Accepted by the SMTP server. */
	SENT,
	/**
	 * Refused for good (5xx), or reported undeliverable later; the address is suppressed.
	 */
	BOUNCED,
	/** Gave up after the last attempt; an operator can retry it. */
	FAILED,
	/**
	 * Not sent, because the address was suppressed or unsubscribed by the time it was
	 * due.
	 */
	SKIPPED,
	/** Withdrawn before it was sent, because its journey step was cancelled. */
	CANCELLED

}
