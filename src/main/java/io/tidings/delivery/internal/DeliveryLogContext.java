package io.tidings.delivery.internal;

import io.tidings.delivery.DeliveryOutcome;
import io.tidings.delivery.SendingStep;
import org.slf4j.MDC;

/**
 * Puts a delivery's journey instance, contact (the journey's business key), step and id
 * into the logging context of the thread that handles it, under the keys the engine uses
 * for its own lines, so every line of one mail's way out can be found by instance id; and
 * takes them out again on {@link #close()}.
 */
final class DeliveryLogContext implements AutoCloseable {

	static final String INSTANCE = "processInstanceId";

	static final String BUSINESS_KEY = "businessKey";

	static final String ACTIVITY = "activityId";

	static final String DELIVERY = "deliveryId";

	private DeliveryLogContext() {
	}

	static DeliveryLogContext of(ClaimedDelivery delivery) {
		put(INSTANCE, delivery.journeyInstanceId());
		put(BUSINESS_KEY, delivery.contactId());
		put(ACTIVITY, delivery.stepId());
		put(DELIVERY, delivery.id());
		return new DeliveryLogContext();
	}

	static DeliveryLogContext of(DeliveryOutcome outcome) {
		SendingStep step = outcome.step();
		put(INSTANCE, step == null ? null : step.instanceId());
		MDC.remove(BUSINESS_KEY);
		put(ACTIVITY, step == null ? null : step.stepId());
		put(DELIVERY, outcome.deliveryId());
		return new DeliveryLogContext();
	}

	private static void put(String key, String value) {
		if (value == null) {
			MDC.remove(key);
		}
		else {
			MDC.put(key, value);
		}
	}

	@Override
	public void close() {
		MDC.remove(INSTANCE);
		MDC.remove(BUSINESS_KEY);
		MDC.remove(ACTIVITY);
		MDC.remove(DELIVERY);
	}

}
