package io.tidings.consent;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMailUtil;
import io.tidings.support.ApiClient;
import io.tidings.support.Eventually;
import io.tidings.support.PostgresApiTest;
import io.tidings.support.SmtpRelay;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The double opt-in journey over real HTTP and SMTP on PostgreSQL, with opt-in required:
 * the confirmation mail goes out in the contact's language while marketing mail of the
 * topic is held back; following the link only shows a button; pressing it subscribes,
 * records the proof and ends the journey; a second press changes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "tidings.dev-mailbox.enabled=false", "tidings.delivery.poll-interval=200ms",
				"tidings.consent.require-opt-in=true" })
class DoubleOptInIT extends PostgresApiTest {

	static final Pattern CONFIRM_LINK = Pattern.compile("href=\"(https?://[^\"]+/confirm/[^\"]+)\"");

	@RegisterExtension
	static SmtpRelay smtp = SmtpRelay.onFreePort();

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		smtp.register(registry);
	}

	@Autowired
	HistoryService history;

	@Autowired
	RuntimeService runtime;

	@Test
	void onlyTheClickOnTheConfirmationSubscribes() throws Exception {
		smtp.purgeEmailFromAllMailboxes();
		HttpResponse<String> requested = api.postJson("/api/events", """
				{"name": "SubscriptionRequested",
				 "contact": {"id": "doi-ann", "email": "ann.doi@example.com", "firstName": "Anne", "locale": "fr-FR"},
				 "data": {"topics": ["promotions"]}}""");
		assertThat(requested.statusCode()).as(requested.body()).isEqualTo(202);
		MimeMessage confirmation = mailTo("ann.doi@example.com");
		assertThat(confirmation.getSubject()).isEqualTo("Confirmez votre inscription");
		assertThat(confirmation.getHeader("List-Unsubscribe")).as("transactional").isNull();
		Matcher link = CONFIRM_LINK
			.matcher(GreenMailUtil.getBody(confirmation).replace("=\r\n", "").replace("=3D", "="));
		assertThat(link.find()).as("confirmation link in the mail").isTrue();
		String path = URI.create(link.group(1)).getPath();
		assertThat(topicStatus("doi-ann", "promotions")).isEqualTo("PENDING");

		// Marketing of the topic waits for the confirmation; opt-in is required here.
		api.postJson("/api/events", """
				{"name": "DeliveryProbeStarted", "contact": {"id": "doi-ann"},
				 "data": {"category": "promotions", "sendAgain": false}}""");
		Eventually.within(Duration.ofSeconds(10),
				() -> jdbc.queryForList(
						"SELECT status_reason FROM deliveries WHERE contact_id = 'doi-ann' AND status = 'SKIPPED'",
						String.class),
				reasons -> reasons.equals(List.of("double opt-in for promotions not confirmed")));

		ApiClient browser = ApiClient.anonymous(port);
		HttpResponse<String> page = browser.get(path);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("lang=\"fr\"").contains("Oui, je m’inscris").contains("a••@example.com");
		assertThat(topicStatus("doi-ann", "promotions")).as("a GET alone confirms nothing").isEqualTo("PENDING");

		HttpResponse<String> confirmed = browser.send(browser.request(path)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("User-Agent", "Firefox/140")
			.POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(confirmed.statusCode()).isEqualTo(200);
		assertThat(confirmed.body()).contains("Merci, vous êtes inscrit").contains("Offres et promotions");
		assertThat(topicStatus("doi-ann", "promotions")).isEqualTo("SUBSCRIBED");
		Map<String, Object> proof = jdbc
			.queryForMap("SELECT * FROM consent_records WHERE contact_id = 'doi-ann' AND action = 'OPT_IN_CONFIRMED'");
		assertThat(proof).containsEntry("topic", "promotions")
			.containsEntry("source", "DOUBLE_OPT_IN")
			.containsEntry("user_agent", "Firefox/140");
		assertThat((String) proof.get("ip")).isNotBlank();
		var journey = history.createHistoricProcessInstanceQuery()
			.processDefinitionKey("double-opt-in")
			.processInstanceBusinessKey("doi-ann")
			.singleResult();
		assertThat(journey.getEndTime()).isNotNull();
		assertThat(journey.getEndActivityId()).isEqualTo("Subscribed");

		HttpResponse<String> again = browser.send(browser.request(path)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(again.body()).contains("Votre inscription est déjà confirmée");
		assertThat(jdbc.queryForObject(
				"SELECT count(*) FROM consent_records WHERE contact_id = 'doi-ann' AND action = 'OPT_IN_CONFIRMED'",
				Integer.class))
			.isEqualTo(1);

		// Now promotions reach Anne; the newsletter, never asked for, does not.
		smtp.purgeEmailFromAllMailboxes();
		api.postJson("/api/events", """
				{"name": "DeliveryProbeStarted", "contact": {"id": "doi-ann"},
				 "data": {"category": "promotions", "sendAgain": false}}""");
		assertThat(mailTo("ann.doi@example.com").getHeader("List-Unsubscribe", null)).contains(".promotions.");
		api.postJson("/api/events", """
				{"name": "DeliveryProbeStarted", "contact": {"id": "doi-ann"},
				 "data": {"category": "newsletter", "sendAgain": false}}""");
		Eventually.within(Duration.ofSeconds(10),
				() -> jdbc.queryForList(
						"SELECT status_reason FROM deliveries WHERE contact_id = 'doi-ann' AND topic = 'newsletter'",
						String.class),
				reasons -> reasons.equals(List.of("no consent for newsletter")));
	}

	@Test
	void linksOfOneKindDoNotOpenTheOther() throws Exception {
		api.postJson("/api/events", """
				{"name": "SubscriptionRequested", "contact": {"id": "doi-bob", "email": "bob.doi@example.com"},
				 "data": {"topics": "newsletter, product-updates"}}""");
		Eventually.within(Duration.ofSeconds(10), () -> topicStatus("doi-bob", "product-updates"),
				status -> "PENDING".equals(status));
		ApiClient stranger = ApiClient.anonymous(port);
		int before = jdbc.queryForObject("SELECT count(*) FROM consent_records", Integer.class);
		for (String path : List.of("/confirm/nonsense", "/confirm/ZG9pLWJvYg._optin.k1.AAAAAAAAAAAAAAAAAAAAAA",
				"/confirm/ZG9pLWJvYg.newsletter.k1.AAAAAAAAAAAAAAAAAAAAAA")) {
			HttpResponse<String> post = stranger.send(stranger.request(path)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.noBody()));
			assertThat(post.statusCode()).as(path).isEqualTo(404);
			assertThat(post.body()).contains("This link does not work").doesNotContain("bob.doi");
		}
		assertThat(jdbc.queryForObject("SELECT count(*) FROM consent_records", Integer.class)).isEqualTo(before);
		assertThat(topicStatus("doi-bob", "newsletter")).isEqualTo("PENDING");
	}

	@Test
	void anUnknownTopicBecomesAnIncidentNamingIt() {
		HttpResponse<String> accepted = api.postJson("/api/events", """
				{"name": "SubscriptionRequested", "contact": {"id": "doi-cy", "email": "cy.doi@example.com"},
				 "data": {"topics": ["weekly-digest"]}}""");
		assertThat(accepted.statusCode()).isEqualTo(202);
		Eventually.within(Duration.ofSeconds(30),
				() -> runtime.createIncidentQuery()
					.activityId("HoldTopicsPending")
					.list()
					.stream()
					.map(incident -> incident.getIncidentMessage())
					.toList(),
				messages -> messages.stream().anyMatch(message -> message.contains("weekly-digest")));
		assertThat(
				jdbc.queryForObject("SELECT count(*) FROM topic_consents WHERE contact_id = 'doi-cy'", Integer.class))
			.isZero();
		assertThat(
				jdbc.queryForObject("SELECT count(*) FROM consent_records WHERE contact_id = 'doi-cy'", Integer.class))
			.isZero();
	}

	/** The first mail to the address, waiting for it up to ten seconds. */
	private static MimeMessage mailTo(String address) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (System.nanoTime() < deadline) {
			for (MimeMessage message : smtp.getReceivedMessages()) {
				if (java.util.Arrays.stream(message.getAllRecipients())
					.anyMatch(recipient -> recipient.toString().contains(address))) {
					return message;
				}
			}
			Thread.sleep(50);
		}
		throw new AssertionError("no mail to " + address);
	}

	private String topicStatus(String contactId, String topic) {
		return jdbc
			.queryForList("SELECT status FROM topic_consents WHERE contact_id = ? AND topic = ?", String.class,
					contactId, topic)
			.stream()
			.findFirst()
			.orElse("NOT_SET");
	}

}
