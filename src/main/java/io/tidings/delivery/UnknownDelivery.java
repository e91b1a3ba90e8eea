package io.tidings.delivery;

public class UnknownDelivery extends RuntimeException {

	public UnknownDelivery(String id) {
		super("No delivery with id '" + id + "'");
	}

}
