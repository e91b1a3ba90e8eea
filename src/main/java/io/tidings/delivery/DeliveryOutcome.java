package io.tidings.delivery;

/**
 * Published, in the reporter's transaction, once per outcome a journey step has to hear
 * about: a listener that throws rolls the report back, and it is reported again later.
 *
 * @param detail the SMTP reply, or why the mail was not sent
 */
public record DeliveryOutcome(String deliveryId, String messageId, DeliveryStatus status, String detail,
		SendingStep step) {
}
