package io.tidings.journey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
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
 * The abandoned-cart journey with its real steps and outbox, job executor off: three
 * reminders counted from the moment the cart was left, an order for the cart ending it
 * mid-wait, one journey per cart, and event data that is missing or malformed.
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:abandoned-cart-process;DB_CLOSE_DELAY=-1")
class AbandonedCartProcessTest extends JourneyProcessTest {

	static final Instant LEFT_AT = Instant.parse("2026-03-02T08:00:00Z");

	static final Map<String, Object> CART = Map.of("items",
			List.of(Map.of("name", "Linen shirt", "quantity", 2, "price", 119.8),
					Map.of("name", "Canvas tote", "quantity", 1, "price", "15")),
			"total", 134.8, "currency", "EUR", "cartUrl", "https://shop.example/cart/c-1");

	@Override
	Instant startsAt() {
		return LEFT_AT;
	}

	@AfterAll
	static void everyFlowNodeAndSequenceFlowWasCovered(@Autowired HistoryService history,
			@Autowired RepositoryService repository) {
		FlowNodeCoverage.assertEveryFlowNodeAndSequenceFlowCovered("abandoned-cart", history, repository);
	}

	@Test
	void remindsOneHourOneDayAndThreeDaysAfterTheCartWasLeftThenLetsGo() throws Exception {
		ProcessInstance instance = abandon("c-ann", "en", "cart-1", CART);
		String journey = instance.getId();
		assertThat(driver.jobAt(journey, "OneHourLater").getDuedate()).isEqualTo(at(Duration.ofHours(1)));
		assertThat(driver.jobAt(journey, "OneDayLater").getDuedate()).isEqualTo(at(Duration.ofHours(24)));
		assertThat(driver.jobAt(journey, "ThreeDaysLater").getDuedate()).isEqualTo(at(Duration.ofHours(72)));

		moveClock(Duration.ofHours(1));
		driver.run(journey, "OneHourLater");
		driver.send(journey, "SendFirstReminder");
		Map<String, Object> first = driver.lastMail(journey);
		assertThat(first).containsEntry("subject", "Ann, you left something in your cart");
		assertThat((String) first.get("text_body")).contains("2 × Linen shirt €119.80")
			.contains("1 × Canvas tote €15.00")
			.contains("Total €134.80")
			.contains("Back to my cart (https://shop.example/cart/c-1)");

		moveClock(Duration.ofHours(23));
		driver.run(journey, "OneDayLater");
		driver.send(journey, "SendSecondReminder");
		assertThat(driver.lastMail(journey)).containsEntry("subject", "Your cart is still waiting, Ann");

		moveClock(Duration.ofHours(48));
		driver.run(journey, "ThreeDaysLater");
		driver.send(journey, "SendLastReminder");
		Map<String, Object> last = driver.lastMail(journey);
		assertThat(last).containsEntry("subject", "Ann, a little thank-you to finish your order");
		assertThat((String) last.get("text_body")).contains(documentedCodeFor("cart-1"))
			.contains("the discount comes off your order")
			.contains("Total before the discount €134.80");

		moveClock(Duration.ofHours(24));
		assertThat(driver.jobAt(journey, "RemindersOver").getDuedate()).isEqualTo(at(Duration.ofDays(4)));
		driver.run(journey, "RemindersOver");
		org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(instance)
			.isEnded()
			.hasPassed("FirstReminderSent", "SecondReminderSent", "ChooseDiscountCode", "RemindersDone", "CartLeft")
			.hasNotPassed("CartOrdered");
		assertThat(driver.mails(journey)).extracting(mail -> mail.get("template_key"))
			.containsExactly("cart-reminder", "cart-reminder-second", "cart-last-chance");
	}

	@Test
	void anOrderForTheCartEndsItsJourneyMidWaitAndLeavesTheOtherCartAlone() {
		ProcessInstance shirtsCart = abandon("c-bob", "en", "cart-shirts", CART);
		ProcessInstance shoesCart = abandon("c-bob", "en", "cart-shoes", Map.of());
		String shirts = shirtsCart.getId();
		moveClock(Duration.ofHours(1));
		driver.run(shirts, "OneHourLater");
		driver.run(shirts, "SendFirstReminder");
		assertThat(driver.lastMail(shirts)).containsEntry("status", "QUEUED");

		JourneyDispatch ordered = journeys
			.dispatch(new JourneyMessage("OrderPlaced", "c-bob", "order-77", Map.of("cartId", "cart-shirts")), true);

		assertThat(ordered.continued()).isEqualTo(1);
		org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(shirtsCart)
			.isEnded()
			.hasPassed("CartOrdered", "StopReminders");
		assertThat(driver.lastMail(shirts)).as("the reminder still waiting is withdrawn")
			.containsEntry("status", "CANCELLED");
		org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(shoesCart).isActive();
		assertThat(driver.mails(shoesCart.getId())).isEmpty();
	}

	@Test
	void anOrderThatNamesNoCartDoesNotEndACartWhoseIdMerelyEqualsTheOrderId() {
		ProcessInstance cart = abandon("c-cy", "en", "1001", Map.of());

		JourneyDispatch otherCart = journeys
			.dispatch(new JourneyMessage("OrderPlaced", "c-cy", "1001", Map.of("cartId", "2002")), true);

		assertThat(otherCart.continued()).isZero();
		org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(cart).isActive();
	}

	@Test
	void theShopsOwnDiscountCodeAndPercentageAreUsed() {
		Map<String, Object> data = Map.of("discountCode", "SPRING10", "discountPercent", 10, "cartUrl",
				"https://shop.example/cart/c-2");
		ProcessInstance instance = abandon("c-dee", "nl-BE", "cart-2", data);
		String journey = instance.getId();
		moveClock(Duration.ofHours(72));
		driver.run(journey, "ThreeDaysLater");
		driver.send(journey, "SendLastReminder");

		Map<String, Object> last = driver.lastMail(journey);
		assertThat(last).containsEntry("subject", "Dee, een klein bedankje om je bestelling af te ronden");
		assertThat((String) last.get("text_body")).contains("SPRING10")
			.contains("je krijgt 10% korting op je bestelling")
			.doesNotContain("COMEBACK");
	}

	@Test
	void missingOrMalformedCartDataStillGivesAReadableReminder() {
		Map<String, Object> data = Map.of("items", "three socks", "total", "lots", "currency", 42, "cartUrl",
				"javascript:alert(1)");
		ProcessInstance instance = abandon("c-eve", "ru", "cart-3", data);
		String journey = instance.getId();
		moveClock(Duration.ofHours(1));
		driver.run(journey, "OneHourLater");
		driver.send(journey, "SendFirstReminder");

		Map<String, Object> mail = driver.lastMail(journey);
		assertThat(mail).containsEntry("subject", "Eve, вы кое-что оставили в корзине");
		assertThat((String) mail.get("html_body")).doesNotContain("javascript:").doesNotContain("three socks");
		assertThat((String) mail.get("text_body")).contains("Корзина сохранена")
			.doesNotContain("Итого")
			.doesNotContain("Вернуться в корзину");
	}

	private ProcessInstance abandon(String contactId, String locale, String cartId, Map<String, Object> data) {
		contacts.upsert(ContactChange.of(contactId, contactId + "@example.com",
				contactId.substring(2, 3).toUpperCase() + contactId.substring(3), null, locale, "Europe/Amsterdam",
				Map.of()));
		JourneyDispatch started = journeys.dispatch(new JourneyMessage("CartAbandoned", contactId, cartId, data), true);
		assertThat(started.started()).isEqualTo(1);
		return runtime.createProcessInstanceQuery()
			.processDefinitionKey("abandoned-cart")
			.processInstanceBusinessKey(contactId)
			.variableValueEquals(Journeys.CORRELATION_KEY, cartId)
			.singleResult();
	}

	private static Date at(Duration afterLeaving) {
		return Date.from(LEFT_AT.plus(afterLeaving));
	}

	/** The fallback code as the README tells shops to compute it. */
	private static String documentedCodeFor(String cartId) throws Exception {
		byte[] digest = MessageDigest.getInstance("SHA-256").digest(cartId.getBytes(StandardCharsets.UTF_8));
		return "COMEBACK-" + HexFormat.of().formatHex(digest).substring(0, 8).toUpperCase();
	}

}
