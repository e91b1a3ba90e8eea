package io.tidings.delivery;

public class DeliveryNotRetryable extends RuntimeException {

	public DeliveryNotRetryable(String id, DeliveryStatus status) {
		super("Delivery '" + id + "' is " + status + "; only a FAILED delivery can be retried");
	}

}
