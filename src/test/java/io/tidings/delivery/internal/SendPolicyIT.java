package io.tidings.delivery.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tidings.consent.EmailCategory;
import io.tidings.consent.SuppressionReason;
import io.tidings.consent.Suppressions;
import io.tidings.consent.TopicConsents;
import io.tidings.contact.ContactChange;
import io.tidings.contact.Contacts;
import io.tidings.contact.ErasedAddresses;
import io.tidings.support.PostgresApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The last-moment checks asked for a whole batch of mails at once, on PostgreSQL, give
 * each mail the answer it gets when asked alone: suppressions of every kind (with the
 * address in another case), erased addresses, and topic consent of every state, the
 * default topic included.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "tidings.dev-mailbox.enabled=false", "tidings.delivery.workers=0" })
@DirtiesContext
class SendPolicyIT extends PostgresApiTest {

	@Autowired
	SendPolicy policy;

	@Autowired
	Suppressions suppressions;

	@Autowired
	TopicConsents consents;

	@Autowired
	ErasedAddresses erased;

	@Autowired
	Contacts contacts;

	@Test
	void aBatchIsAnsweredAsEachOfItsMailsAlone() {
		for (String id : List.of("sp-ok", "sp-bounce", "sp-complaint", "sp-unsub", "sp-erased", "sp-topic",
				"sp-pending", "sp-all")) {
			contacts.upsert(ContactChange.of(id, id + "@example.com", null, null, null, null, Map.of()));
		}
		suppressions.suppress("SP-Bounce@Example.com", SuppressionReason.HARD_BOUNCE, "550 no such user");
		suppressions.suppress("sp-complaint@example.com", SuppressionReason.COMPLAINT, "ARF");
		suppressions.suppress("sp-unsub@example.com", SuppressionReason.UNSUBSCRIBED, "one click");
		erased.remember("sp-erased@example.com");
		consents.change("sp-topic", Map.of("promotions", false, "newsletter", true), TopicConsents.Origin.of("API"));
		consents.requestOptIn("sp-pending", List.of("product-updates"), TopicConsents.Origin.of("API"));
		consents.change("sp-all", Map.of("newsletter", false), TopicConsents.Origin.of("API"));

		List<ClaimedDelivery> batch = new ArrayList<>();
		for (String contact : List.of("sp-ok", "sp-bounce", "sp-complaint", "sp-unsub", "sp-erased", "sp-topic",
				"sp-pending", "sp-all")) {
			String address = contact.equals("sp-bounce") ? "sp-bounce@EXAMPLE.com" : contact + "@example.com";
			for (EmailCategory category : EmailCategory.values()) {
				for (String topic : new String[] { null, "newsletter", "promotions", "product-updates" }) {
					batch.add(mail(contact, address, category, topic));
				}
			}
		}

		SendPolicy.Checks checks = policy.check(batch);

		for (ClaimedDelivery mail : batch) {
			assertThat(Optional.ofNullable(checks.blocked().get(mail.id()))).as(mail.id())
				.isEqualTo(alone(mail))
				.isEqualTo(Optional.ofNullable(policy.decide(mail).reason()));
		}
		assertThat(checks.blocked()).doesNotContainKey("sp-ok/TRANSACTIONAL/-")
			.doesNotContainKey("sp-ok/MARKETING/-")
			.containsEntry("sp-bounce/TRANSACTIONAL/-", "suppressed: hard_bounce")
			.doesNotContainKey("sp-complaint/TRANSACTIONAL/-")
			.containsEntry("sp-complaint/MARKETING/newsletter", "suppressed: complaint")
			.containsEntry("sp-erased/MARKETING/-", "suppressed: erased")
			.doesNotContainKey("sp-erased/TRANSACTIONAL/-")
			.containsEntry("sp-topic/MARKETING/promotions", "unsubscribed from promotions")
			.doesNotContainKey("sp-topic/MARKETING/-")
			.containsEntry("sp-pending/MARKETING/product-updates", "double opt-in for product-updates not confirmed")
			.containsEntry("sp-all/MARKETING/-", "unsubscribed from newsletter");
	}

	@Test
	void anEmptyBatchAsksNothing() {
		assertThat(policy.check(List.of()).blocked()).isEmpty();
	}

	private Optional<String> alone(ClaimedDelivery mail) {
		Optional<String> suppressed = suppressions.blockReason(mail.recipient(), mail.category());
		if (suppressed.isPresent() || mail.category() != EmailCategory.MARKETING) {
			return suppressed;
		}
		return consents.blockReason(mail.contactId(), mail.topic());
	}

	private static ClaimedDelivery mail(String contact, String address, EmailCategory category, String topic) {
		String id = contact + "/" + category + "/" + (topic == null ? "-" : topic);
		return new ClaimedDelivery(id, "<" + id + "@test>", contact, category, topic, address, null, null, "Hello",
				"<p>Hello</p>", "Hello", 1, Instant.now(), null);
	}

}
