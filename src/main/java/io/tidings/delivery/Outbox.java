package io.tidings.delivery;

/**
 * The delivery module's public face for senders. Nothing goes over SMTP in the caller's
 * transaction: the email is recorded there, and delivery workers send it after commit.
 */
public interface Outbox {

	/**
	 * Records the email in the caller's transaction.
	 * @return the delivery, new or the one already recorded under the same dedupe key
	 */
	QueuedDelivery enqueue(OutgoingEmail email);

	/**
	 * Cancels the step visit's mail if no worker has taken it yet, in the caller's
	 * transaction: a journey that ends mid-wait sends nothing more.
	 * @return whether a waiting mail was withdrawn
	 */
	boolean withdraw(String journeyInstanceId, String activityInstanceId, String reason);

}
