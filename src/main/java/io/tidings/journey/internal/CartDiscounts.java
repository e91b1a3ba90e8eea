package io.tidings.journey.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

import io.tidings.journey.Journeys;
import org.camunda.bpm.engine.delegate.DelegateExecution;

import org.springframework.stereotype.Component;

/**
 * The abandoned-cart journey's "Choose discount code" step
 * ({@code ${cartDiscounts.chooseCode(execution)}}): keeps the {@code discountCode} the
 * shop sent in the event's data, and otherwise sets one the shop can recompute from the
 * cart id alone, {@code COMEBACK-} and the first 8 hex digits of the SHA-256 of the cart
 * id, upper case. The same cart always gets the same code, so a retried step or a second
 * look at the mail never shows another one.
 */
@Component("cartDiscounts")
public class CartDiscounts {

	static final String VARIABLE = "discountCode";

	static final String PREFIX = "COMEBACK-";

	public void chooseCode(DelegateExecution execution) {
		Object given = execution.getVariable(VARIABLE);
		if (given instanceof String code && !code.isBlank()) {
			return;
		}
		execution.setVariable(VARIABLE, codeFor(cartOf(execution)));
	}

	static String codeFor(String cartId) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(cartId.getBytes(StandardCharsets.UTF_8));
			return PREFIX + HexFormat.of().formatHex(digest, 0, 4).toUpperCase(Locale.ROOT);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

	/** The cart id: the journey's correlation key, else data.cartId, else the journey. */
	private static String cartOf(DelegateExecution execution) {
		for (String name : new String[] { Journeys.CORRELATION_KEY, "cartId" }) {
			Object value = execution.getVariable(name);
			if ((value instanceof String || value instanceof Number) && !value.toString().isBlank()) {
				return value.toString();
			}
		}
		return execution.getProcessInstanceId();
	}

}
