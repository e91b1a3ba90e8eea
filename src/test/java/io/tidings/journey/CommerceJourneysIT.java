package io.tidings.journey;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidings.support.Eventually;
import io.tidings.support.PostgresApiTest;
import io.tidings.support.SmtpRelay;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shop's journeys over real HTTP and SMTP on PostgreSQL: a cart left, its first
 * reminder, then one OrderPlaced that ends the reminders and starts the order's status
 * mails; the transactional receipt and password notice. Timers are made due by running
 * their jobs instead of waiting an hour.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "tidings.dev-mailbox.enabled=false", "tidings.delivery.poll-interval=200ms" })
class CommerceJourneysIT extends PostgresApiTest {

	@RegisterExtension
	static SmtpRelay smtp = SmtpRelay.onFreePort();

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		smtp.register(registry);
	}

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	@Autowired
	HistoryService history;

	@Test
	void anOrderEndsTheCartRemindersAndStartsTheOrdersStatusMails() throws Exception {
		String contact = """
				"contact": {"id": "shop-anna", "email": "anna.shop@example.com", "firstName": "Анна", "locale": "ru-RU",
				            "timeZone": "Europe/Moscow"}""";
		assertThat(post("""
				{"name": "CartAbandoned", %s, "correlationKey": "cart-77",
				 "data": {"items": [{"name": "Льняная рубашка", "quantity": 2, "price": 5980}], "total": 5980,
				          "currency": "RUB", "cartUrl": "https://shop.example/cart/77"}}""".formatted(contact))
			.get("startedJourneys")
			.asInt()).isEqualTo(1);
		String cart = journeyOf("abandoned-cart", "shop-anna");

		dueNow(cart, "OneHourLater");
		MimeMessage reminder = mailsTo("anna.shop@example.com", 1).get(0);
		assertThat(reminder.getSubject()).isEqualTo("Анна, вы кое-что оставили в корзине");
		assertThat(reminder.getHeader("List-Unsubscribe", null)).as("promotions are marketing")
			.contains(".promotions.");
		assertThat(textOf(reminder)).contains("2 × Льняная рубашка").contains("Вернуться в корзину");

		JsonNode ordered = post("""
				{"name": "OrderPlaced", %s, "correlationKey": "order-5",
				 "data": {"cartId": "cart-77", "total": 5980, "currency": "RUB"}}""".formatted(contact));
		assertThat(ordered.get("continuedJourneys").asInt()).as("the cart's journey").isEqualTo(1);
		assertThat(ordered.get("startedJourneys").asInt()).as("the order's journey").isEqualTo(1);
		assertThat(
				history.createHistoricProcessInstanceQuery().processInstanceId(cart).singleResult().getEndActivityId())
			.isEqualTo("StopReminders");
		MimeMessage confirmation = mailsTo("anna.shop@example.com", 2).get(1);
		assertThat(confirmation.getSubject()).isEqualTo("Спасибо за заказ order-5");
		assertThat(confirmation.getHeader("List-Unsubscribe")).as("transactional").isNull();

		post("""
				{"name": "OrderShipped", %s, "correlationKey": "order-5",
				 "data": {"carrier": "СДЭК", "trackingNumber": "1234567890", "trackingUrl": "https://cdek.example/track/1234567890"}}"""
			.formatted(contact));
		MimeMessage shipped = mailsTo("anna.shop@example.com", 3).get(2);
		assertThat(shipped.getSubject()).isEqualTo("Заказ order-5 уже в пути");
		assertThat(textOf(shipped)).contains("Его доставляет СДЭК, трек-номер: 1234567890.")
			.contains("https://cdek.example/track/1234567890");

		assertThat(management.createJobQuery().processInstanceId(cart).count()).as("no reminder left to fire").isZero();
		Thread.sleep(1000);
		assertThat(mailsTo("anna.shop@example.com", 3)).extracting(MimeMessage::getSubject)
			.filteredOn(subject -> subject.contains("корзин"))
			.hasSize(1);
	}

	@Test
	void receiptsAndPasswordNoticesGoOutInTheContactsLanguage() throws Exception {
		post("""
				{"name": "PaymentReceived",
				 "contact": {"id": "shop-li", "email": "li.shop@example.com", "firstName": "Li", "locale": "zh-CN"},
				 "data": {"amount": "199.00", "currency": "CNY", "invoiceNumber": "INV-9"}}""");
		MimeMessage receipt = mailsTo("li.shop@example.com", 1).get(0);
		assertThat(receipt.getSubject()).isEqualTo("付款收据 - 发票号 INV-9");
		assertThat(textOf(receipt)).contains("发票号：INV-9").contains("199.00");
		assertThat(receipt.getHeader("List-Unsubscribe")).isNull();

		post("""
				{"name": "PasswordChanged",
				 "contact": {"id": "shop-luc", "email": "luc.shop@example.com", "firstName": "Luc", "locale": "fr-BE"},
				 "data": {"changedAt": "not a time"}}""");
		MimeMessage notice = mailsTo("luc.shop@example.com", 1).get(0);
		assertThat(notice.getSubject()).isEqualTo("Votre mot de passe a été modifié");
		assertThat(textOf(notice)).contains("le mot de passe de votre compte vient d’être modifié.");
	}

	private JsonNode post(String body) throws Exception {
		var response = api.postJson("/api/events", body);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		return json.readTree(response.body());
	}

	private String journeyOf(String key, String contactId) {
		return runtime.createProcessInstanceQuery()
			.processDefinitionKey(key)
			.processInstanceBusinessKey(contactId)
			.singleResult()
			.getId();
	}

	/** Runs the timer now instead of waiting for it; the job executor does the rest. */
	private void dueNow(String instanceId, String timerId) {
		management.executeJob(
				management.createJobQuery().processInstanceId(instanceId).activityId(timerId).singleResult().getId());
	}

	/** The mails to the address, waiting up to 15 seconds until there are that many. */
	private static List<MimeMessage> mailsTo(String address, int count) {
		return Eventually.within(Duration.ofSeconds(15),
				() -> Arrays.stream(smtp.getReceivedMessages())
					.filter(message -> recipient(message).contains(address))
					.toList(),
				mails -> mails.size() >= count);
	}

	private static String recipient(MimeMessage message) {
		try {
			return Arrays.toString(message.getAllRecipients());
		}
		catch (Exception ex) {
			throw new AssertionError(ex);
		}
	}

	/** The text/plain part, decoded. */
	private static String textOf(Part part) throws Exception {
		if (part.isMimeType("text/plain")) {
			return (String) part.getContent();
		}
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				String text = textOf(child);
				if (text != null) {
					return text;
				}
			}
		}
		return null;
	}

}
