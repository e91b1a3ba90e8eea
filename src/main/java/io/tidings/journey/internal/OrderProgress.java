package io.tidings.journey.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import org.springframework.stereotype.Component;

/**
 * The order-status journey's "Note ..." steps ({@code ${orderProgress.note(execution,
 * 'SHIPPED')}}): remembers how far the order got and sets {@code statusIsNews} for the
 * gateway after it. Shops send status events late, twice, or out of order; the customer
 * only hears what tells them something new. Packed is news until the order was packed or
 * shipped; shipped is news the first time, and again when it brings another tracking
 * number (a second parcel, a corrected number).
 */
@Component("orderProgress")
public class OrderProgress {

	static final String STAGE = "orderStage";

	static final String TOLD_TRACKING_NUMBER = "toldTrackingNumber";

	static final String IS_NEWS = "statusIsNews";

	private static final int PACKED = 1;

	private static final int SHIPPED = 2;

	public void note(DelegateExecution execution, String status) {
		int stage = switch (status) {
			case "PACKED" -> PACKED;
			case "SHIPPED" -> SHIPPED;
			default -> throw new IllegalArgumentException(
					"Step '" + execution.getCurrentActivityId() + "': unknown order status '" + status + "'");
		};
		int reached = execution.getVariable(STAGE) instanceof Integer known ? known : 0;
		boolean news = reached < stage;
		if (stage == SHIPPED) {
			String tracking = text(execution.getVariable("trackingNumber"));
			news = news || (tracking != null && !tracking.equals(execution.getVariable(TOLD_TRACKING_NUMBER)));
			if (news) {
				execution.setVariable(TOLD_TRACKING_NUMBER, tracking);
			}
		}
		execution.setVariable(STAGE, Math.max(reached, stage));
		execution.setVariableLocal(IS_NEWS, news);
	}

	private static String text(Object value) {
		return value instanceof String || value instanceof Number ? value.toString().strip() : null;
	}

}
