package io.tidings.delivery;

/**
 * Published in the transaction that puts a failed delivery back in the queue, so whatever
 * showed the failure (a Camunda incident) can be cleared with it.
 */
public record DeliveryRequeued(String deliveryId, SendingStep step) {
}
