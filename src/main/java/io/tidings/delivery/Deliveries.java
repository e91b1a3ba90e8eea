package io.tidings.delivery;

import java.util.Optional;

/**
 * Looking up deliveries and repairing failed ones.
 */
public interface Deliveries {

	Optional<DeliveryView> find(String id);

	/**
	 * Puts a failed delivery back in the queue with a fresh set of attempts, and
	 * publishes {@link DeliveryRequeued} in the same transaction.
	 * @throws UnknownDelivery when there is no such delivery
	 * @throws DeliveryNotRetryable when it is not failed
	 */
	DeliveryView retry(String id);

}
