package io.tidings.delivery.web;

import io.tidings.delivery.Deliveries;
import io.tidings.delivery.DeliveryView;
import io.tidings.delivery.UnknownDelivery;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators look up a delivery and retry one that failed, once the cause is fixed; a
 * retry also clears the Camunda incident that showed the failure.
 */
@RestController
@RequestMapping("/api/deliveries")
class DeliveryController {

	private final Deliveries deliveries;

	DeliveryController(Deliveries deliveries) {
		this.deliveries = deliveries;
	}

	@GetMapping("/{id}")
	DeliveryView find(@PathVariable String id) {
		return deliveries.find(id).orElseThrow(() -> new UnknownDelivery(id));
	}

	@PostMapping("/{id}/retry")
	DeliveryView retry(@PathVariable String id) {
		return deliveries.retry(id);
	}

}
