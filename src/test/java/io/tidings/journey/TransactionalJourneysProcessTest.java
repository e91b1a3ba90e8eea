package io.tidings.journey;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The password-changed notice and the payment receipt: one transactional mail each,
 * without an unsubscribe link, that still reads well when the event's data is missing or
 * malformed.
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:transactional-process;DB_CLOSE_DELAY=-1")
class TransactionalJourneysProcessTest extends JourneyProcessTest {

	@AfterAll
	static void everyFlowNodeAndSequenceFlowWasCovered(@Autowired HistoryService history,
			@Autowired RepositoryService repository) {
		FlowNodeCoverage.assertEveryFlowNodeAndSequenceFlowCovered("password-changed", history, repository);
		FlowNodeCoverage.assertEveryFlowNodeAndSequenceFlowCovered("payment-received", history, repository);
	}

	@Test
	void aChangedPasswordSaysWhenInTheContactsZoneAndWhatToDoIfItWasNotThem() {
		ProcessInstance journey = post("c-ann", "ru", "PasswordChanged", Map.of("changedAt", "2026-03-02T07:55:00Z",
				"device", "Firefox, Windows", "resetUrl", "https://shop.example/account/security"));
		driver.send(journey.getId(), "SendPasswordChangedMail");

		Map<String, Object> mail = driver.lastMail(journey.getId());
		assertThat(mail).containsEntry("subject", "Пароль вашей учётной записи изменён");
		assertThat((String) mail.get("text_body")).contains("Здравствуйте, Ann!")
			.contains("был изменён 2 марта 2026 г., 08:55 (GMT+1)")
			.contains("Устройство: Firefox, Windows")
			.contains("Защитить учётную запись (https://shop.example/account/security)")
			.doesNotContain("Unsubscribe");
		org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(journey)
			.isEnded()
			.hasPassedInOrder("PasswordChanged", "SendPasswordChangedMail", "Notified");
	}

	@Test
	void withoutATimeOrALinkThePasswordNoticeStillSaysWhatToDo() {
		ProcessInstance journey = post("c-bob", "en", "PasswordChanged",
				Map.of("changedAt", "yesterday", "resetUrl", "javascript:steal()"));
		driver.send(journey.getId(), "SendPasswordChangedMail");

		String text = (String) driver.lastMail(journey.getId()).get("text_body");
		assertThat(text).contains("Hi Bob, the password of your account was just changed.")
			.contains("Reply to this email right away and we will lock your account")
			.doesNotContain("javascript")
			.doesNotContain("yesterday");
	}

	@Test
	void theReceiptShowsAmountCurrencyAndInvoiceNumber() {
		ProcessInstance journey = post("c-cy", "fr", "PaymentReceived",
				Map.of("amount", 1249.5, "currency", "EUR", "invoiceNumber", "F-2026-0042", "paidAt",
						"2026-03-02T07:59:00Z", "paymentMethod", "Visa •••• 4242", "invoiceUrl",
						"https://shop.example/invoices/F-2026-0042.pdf"));
		driver.send(journey.getId(), "SendReceipt");

		Map<String, Object> mail = driver.lastMail(journey.getId());
		assertThat(mail).containsEntry("subject", "Reçu pour la facture F-2026-0042");
		assertThat((String) mail.get("text_body")).contains("nous avons bien reçu votre paiement de 1\u202F249,50 €.")
			.contains("Numéro de facture : F-2026-0042")
			.contains("Payé le : 2 mars 2026")
			.contains("Moyen de paiement : Visa •••• 4242")
			.contains("Télécharger la facture (https://shop.example/invoices/F-2026-0042.pdf)")
			.doesNotContain("désinscri");
		org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(journey)
			.isEnded()
			.hasPassedInOrder("PaymentReceived", "SendReceipt", "ReceiptSent");
	}

	@Test
	void aReceiptWithoutDataThanksForThePaymentAndSaysNothingWrong() {
		ProcessInstance journey = post("c-dee", "zh", "PaymentReceived", Map.of("amount", "n/a", "currency", "XYZ"));
		driver.send(journey.getId(), "SendReceipt");

		Map<String, Object> mail = driver.lastMail(journey.getId());
		assertThat(mail).containsEntry("subject", "您的付款收据");
		assertThat((String) mail.get("text_body")).contains("Dee您好，我们已收到您的付款。")
			.doesNotContain("n/a")
			.doesNotContain("发票号");
	}

	private ProcessInstance post(String contactId, String locale, String event, Map<String, Object> data) {
		contacts.upsert(ContactChange.of(contactId, contactId + "@example.com",
				contactId.substring(2, 3).toUpperCase() + contactId.substring(3), null, locale, "Europe/Amsterdam",
				Map.of()));
		assertThat(journeys.dispatch(new JourneyMessage(event, contactId, null, data), true).started()).isEqualTo(1);
		return runtime.createProcessInstanceQuery().processInstanceBusinessKey(contactId).singleResult();
	}

}
