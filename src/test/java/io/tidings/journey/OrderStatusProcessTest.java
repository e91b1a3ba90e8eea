package io.tidings.journey;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.tidings.contact.ContactChange;
import io.tidings.support.FlowNodeCoverage;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static io.tidings.support.JourneyDriver.moveClock;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order-status journey with its real steps and outbox, job executor off: each status
 * mails once, in whatever order the shop reports it; stale and repeated statuses are
 * noted without a mail; delivery or cancellation ends it, and silence does after 90 days.
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:order-status-process;DB_CLOSE_DELAY=-1")
class OrderStatusProcessTest extends JourneyProcessTest {

	@AfterAll
	static void everyFlowNodeAndSequenceFlowWasCovered(@Autowired HistoryService history,
			@Autowired RepositoryService repository) {
		FlowNodeCoverage.assertEveryFlowNodeAndSequenceFlowCovered("order-status", history, repository);
	}

	@Test
	void eachStatusMailsOnceAndDeliveryEndsTheJourney() {
		ProcessInstance order = place("c-ann", "en", "1001",
				Map.of("items", List.of(Map.of("name", "Linen shirt", "quantity", 1, "price", 59.9)), "total", 59.9,
						"currency", "EUR", "orderUrl", "https://shop.example/orders/1001"));
		driver.send(order.getId(), "SendOrderConfirmation");
		Map<String, Object> confirmation = driver.lastMail(order.getId());
		assertThat(confirmation).containsEntry("subject", "Thank you for your order 1001");
		assertThat((String) confirmation.get("text_body")).contains("Thank you, Ann!")
			.contains("1 × Linen shirt €59.90")
			.contains("View my order (https://shop.example/orders/1001)")
			.doesNotContain("Unsubscribe");

		report("c-ann", "OrderPacked", "1001", Map.of());
		driver.send(order.getId(), "SendPackedMail");
		assertThat(driver.lastMail(order.getId())).containsEntry("subject", "Your order 1001 is packed");

		report("c-ann", "OrderShipped", "1001", Map.of("carrier", "PostNL", "trackingNumber", "3SABCD1234567",
				"trackingUrl", "https://postnl.example/track/3SABCD1234567"));
		driver.send(order.getId(), "SendShippedMail");
		Map<String, Object> shipped = driver.lastMail(order.getId());
		assertThat(shipped).containsEntry("subject", "Your order 1001 is on its way");
		assertThat((String) shipped.get("text_body"))
			.contains("It is travelling with PostNL, tracking number 3SABCD1234567.")
			.contains("Track my parcel (https://postnl.example/track/3SABCD1234567)");

		report("c-ann", "OrderDelivered", "1001", Map.of());
		driver.send(order.getId(), "SendDeliveredMail");

		org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(order)
			.isEnded()
			.hasPassed("PackedMailSent", "ShippedMailSent", "Delivered");
		assertThat(driver.mails(order.getId())).extracting(mail -> mail.get("template_key"))
			.containsExactly("order-confirmation", "order-packed", "order-shipped", "order-delivered");
	}

	@Test
	void staleAndRepeatedStatusesAreNotedWithoutAMail() {
		ProcessInstance order = place("c-bob", "nl", "2002", Map.of());
		driver.send(order.getId(), "SendOrderConfirmation");
		report("c-bob", "OrderShipped", "2002", Map.of("carrier", "DHL", "trackingNumber", "JVGL111"));
		driver.send(order.getId(), "SendShippedMail");

		report("c-bob", "OrderPacked", "2002", Map.of());
		report("c-bob", "OrderShipped", "2002", Map.of("carrier", "DHL", "trackingNumber", "JVGL111"));
		assertThat(management.createJobQuery().processInstanceId(order.getId()).activityId("SendPackedMail").count())
			.as("packed after shipped is old news")
			.isZero();
		assertThat(driver.mails(order.getId())).hasSize(2);

		report("c-bob", "OrderShipped", "2002", Map.of("trackingNumber", "JVGL222"));
		driver.send(order.getId(), "SendShippedMail");
		assertThat((String) driver.lastMail(order.getId()).get("text_body"))
			.as("a second parcel, or a corrected number")
			.contains("Hij wordt bezorgd door DHL, met trackingnummer JVGL222.");

		report("c-bob", "OrderCancelled", "2002",
				Map.of("reason", "niet op voorraad", "refundAmount", "24.5", "currency", "EUR"));
		driver.send(order.getId(), "SendCancellationMail");
		Map<String, Object> cancelled = driver.lastMail(order.getId());
		assertThat(cancelled).containsEntry("subject", "Je bestelling 2002 is geannuleerd");
		assertThat((String) cancelled.get("text_body")).contains("Reden: niet op voorraad")
			.contains("We storten € 24,50 terug");
		org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(order)
			.isEnded()
			.hasPassed("PackingAlreadyKnown", "ShipmentAlreadyKnown", "Cancelled");
	}

	@Test
	void anotherOrdersStatusLeavesThisOneAlone() {
		ProcessInstance order = place("c-cy", "en", "3003", Map.of());

		JourneyDispatch other = report("c-cy", "OrderDelivered", "3004", Map.of());

		assertThat(other.continued()).isZero();
		org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(order).isActive();
	}

	@Test
	void statusesWithoutDataStillReadWellInTheContactsLanguage() {
		ProcessInstance order = place("c-dee", "fr-CA", "4004", Map.of());
		driver.send(order.getId(), "SendOrderConfirmation");
		report("c-dee", "OrderShipped", "4004", Map.of("trackingUrl", "ftp://nope", "carrier", List.of("?")));
		driver.send(order.getId(), "SendShippedMail");
		report("c-dee", "OrderCancelled", "4004", Map.of("refundAmount", Map.of("value", 3)));
		driver.send(order.getId(), "SendCancellationMail");

		List<Map<String, Object>> mails = driver.mails(order.getId());
		assertThat(mails).extracting(mail -> mail.get("subject"))
			.containsExactly("Merci pour votre commande 4004", "Votre commande 4004 est en route",
					"Votre commande 4004 a été annulée");
		assertThat((String) mails.get(1).get("text_body")).contains("Le transporteur vous indiquera quand l’attendre.")
			.doesNotContain("ftp://")
			.doesNotContain("Suivre mon colis");
		assertThat((String) mails.get(2).get("text_body")).contains("Si vous aviez déjà payé, vous serez remboursé");
	}

	@Test
	void ninetyDaysWithoutDeliveryOrCancellationStopsFollowingTheOrder() {
		ProcessInstance order = place("c-eve", "zh-CN", "5005", Map.of());
		driver.send(order.getId(), "SendOrderConfirmation");
		assertThat(driver.lastMail(order.getId())).containsEntry("subject", "感谢您的订购，订单号 5005");

		moveClock(Duration.ofDays(90));
		driver.run(order.getId(), "NinetyDaysLater");

		org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(order)
			.isEnded()
			.hasPassed("StoppedFollowing");
	}

	private ProcessInstance place(String contactId, String locale, String orderId, Map<String, Object> data) {
		contacts.upsert(ContactChange.of(contactId, contactId + "@example.com",
				contactId.substring(2, 3).toUpperCase() + contactId.substring(3), null, locale, "Europe/Paris",
				Map.of()));
		assertThat(journeys.dispatch(new JourneyMessage("OrderPlaced", contactId, orderId, data), true).started())
			.isEqualTo(1);
		return runtime.createProcessInstanceQuery()
			.processDefinitionKey("order-status")
			.processInstanceBusinessKey(contactId)
			.variableValueEquals(Journeys.CORRELATION_KEY, orderId)
			.singleResult();
	}

	private JourneyDispatch report(String contactId, String status, String orderId, Map<String, Object> data) {
		return journeys.dispatch(new JourneyMessage(status, contactId, orderId, data), true);
	}

}
