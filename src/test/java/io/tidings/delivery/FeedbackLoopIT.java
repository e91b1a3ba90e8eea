package io.tidings.delivery;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.tidings.support.ApiClient;
import io.tidings.support.PostgresApiTest;
import io.tidings.support.SmtpRelay;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spam complaints from a feedback loop over real HTTP and SMTP on PostgreSQL: a marketing
 * mail goes out through a journey, the provider reports it as an ARF report that carries
 * the mail back, and the address ends up suppressed as a complaint, the contact
 * unsubscribed (source FEEDBACK_LOOP) and its journey ended. Whatever is no such report
 * gets a problem and leaves nothing behind.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "tidings.dev-mailbox.enabled=false", "tidings.delivery.poll-interval=200ms",
				"tidings.consent.public-url=https://mail.shop.example" })
@DirtiesContext
class FeedbackLoopIT extends PostgresApiTest {

	static final String PATH = "/api/feedback-loop";

	@RegisterExtension
	static SmtpRelay smtp = SmtpRelay.onFreePort();

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		smtp.register(registry);
	}

	@Autowired
	RuntimeService runtime;

	@Autowired
	HistoryService history;

	@BeforeEach
	void emptyMailbox() throws Exception {
		smtp.purgeEmailFromAllMailboxes();
	}

	@Test
	void anAbuseReportSuppressesTheAddressUnsubscribesTheContactAndEndsItsJourney() throws Exception {
		MimeMessage welcome = signUpAndReceiveWelcome("fbl-ann", "ann.fbl@example.com");
		assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("fbl-ann").count()).isEqualTo(1);
		String deliveryId = jdbc.queryForObject("SELECT id FROM deliveries WHERE contact_id = 'fbl-ann'", String.class);

		HttpResponse<String> response = post(
				arf("abuse", "Original-Rcpt-To: ann.fbl@example.com\n", GreenMailUtil.getWholeMessage(welcome)),
				"message/rfc822");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		JsonNode receipt = json.readTree(response.body());
		assertThat(receipt.get("feedbackType").asText()).isEqualTo("abuse");
		assertThat(receipt.get("matched").asBoolean()).isTrue();
		assertThat(receipt.get("matchedBy").asText()).isEqualTo("message-id");
		assertThat(receipt.get("deliveryId").asText()).isEqualTo(deliveryId);
		assertThat(receipt.get("addressSuppressed").asBoolean()).isTrue();
		assertThat(receipt.get("contactUnsubscribed").asBoolean()).isTrue();
		assertThat(receipt.get("outcome").asText()).isEqualTo("complaint-recorded");

		Map<String, Object> suppression = jdbc
			.queryForMap("SELECT reason, detail FROM suppressions WHERE email = 'ann.fbl@example.com'");
		assertThat(suppression.get("reason")).isEqualTo("COMPLAINT");
		assertThat((String) suppression.get("detail")).contains("abuse").contains("Yahoo!-Mail-Feedback/2.0");
		Map<String, Object> record = jdbc.queryForMap("SELECT * FROM consent_records WHERE contact_id = 'fbl-ann'");
		assertThat(record).containsEntry("action", "UNSUBSCRIBED")
			.containsEntry("source", "FEEDBACK_LOOP")
			.containsEntry("user_agent", "Yahoo!-Mail-Feedback/2.0");
		assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("fbl-ann").count()).isZero();
		assertThat(history.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey("fbl-ann")
			.singleResult()
			.getDeleteReason()).isEqualTo("Contact unsubscribed from all marketing mail (FEEDBACK_LOOP)");
		assertThat(jdbc.queryForObject("SELECT complained_at FROM deliveries WHERE id = ?", Object.class, deliveryId))
			.isNotNull();
		var consent = json.readTree(api.get("/api/contacts/fbl-ann/consent").body());
		assertThat(consent.get("marketing").asBoolean()).isFalse();
		assertThat(consent.get("history").get(0).get("source").asText()).isEqualTo("FEEDBACK_LOOP");

		// The provider sends the same report again: nothing more happens.
		HttpResponse<String> again = post(arf("abuse", "", GreenMailUtil.getWholeMessage(welcome)), "message/rfc822");
		assertThat(again.statusCode()).isEqualTo(202);
		assertThat(json.readTree(again.body()).get("outcome").asText()).isEqualTo("already-recorded");
		assertThat(
				jdbc.queryForObject("SELECT count(*) FROM consent_records WHERE contact_id = 'fbl-ann'", Integer.class))
			.isEqualTo(1);
	}

	@Test
	void aRedactedReportWithoutOurMessageIdIsTiedByItsUnsubscribeLink() throws Exception {
		MimeMessage welcome = signUpAndReceiveWelcome("fbl-bo", "bo.fbl@example.com");
		String original = GreenMailUtil.getWholeMessage(welcome)
			.replaceAll("(?im)^Message-ID:.*$", "Message-ID: <rewritten.1234@mx.provider.example>")
			.replaceAll("(?im)^To:.*$", "To: redacted@provider.example");

		// Posted as the report's own multipart/report body, without the report's headers.
		String reportBody = arf("abuse", "", original).split("\n\n", 2)[1];
		HttpResponse<String> response = post(reportBody,
				"multipart/report; report-type=feedback-report; boundary=\"arf\"");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		JsonNode receipt = json.readTree(response.body());
		assertThat(receipt.get("matchedBy").asText()).isEqualTo("unsubscribe-link");
		assertThat(receipt.get("outcome").asText()).isEqualTo("complaint-recorded");
		assertThat(
				jdbc.queryForObject("SELECT reason FROM suppressions WHERE email = 'bo.fbl@example.com'", String.class))
			.isEqualTo("COMPLAINT");
		assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("fbl-bo").count()).isZero();
	}

	@Test
	void notSpamAndReportsAboutOtherMailChangeNothing() throws Exception {
		MimeMessage welcome = signUpAndReceiveWelcome("fbl-cy", "cy.fbl@example.com");
		int records = count("consent_records");

		HttpResponse<String> notSpam = post(arf("not-spam", "", GreenMailUtil.getWholeMessage(welcome)),
				"message/rfc822");
		HttpResponse<String> unknown = post(arf("abuse", "Original-Rcpt-To: someone@elsewhere.example\n", """
				From: Someone Else <news@elsewhere.example>
				To: someone@elsewhere.example
				Subject: Not ours
				Message-ID: <not-ours-42@elsewhere.example>

				Hello
				"""), "text/plain");

		assertThat(notSpam.statusCode()).isEqualTo(202);
		assertThat(json.readTree(notSpam.body()).get("outcome").asText()).isEqualTo("ignored");
		assertThat(json.readTree(notSpam.body()).get("matched").asBoolean()).isTrue();
		assertThat(unknown.statusCode()).isEqualTo(202);
		assertThat(json.readTree(unknown.body()).get("matched").asBoolean()).isFalse();
		assertThat(json.readTree(unknown.body()).get("outcome").asText()).isEqualTo("unmatched");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM suppressions WHERE email = 'cy.fbl@example.com'",
				Integer.class))
			.isZero();
		assertThat(count("consent_records")).isEqualTo(records);
		assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("fbl-cy").count()).isEqualTo(1);
	}

	@Test
	void whatIsNoReportGetsAProblemAndStoresNothing() throws Exception {
		MimeMessage welcome = signUpAndReceiveWelcome("fbl-di", "di.fbl@example.com");
		String complaint = arf("abuse", "", GreenMailUtil.getWholeMessage(welcome));
		int suppressions = count("suppressions");
		int records = count("consent_records");
		byte[] huge = (complaint + "\n" + "x".repeat(1024 * 1024)).getBytes(StandardCharsets.US_ASCII);

		record Bad(String what, HttpResponse<String> response, int status, String detail) {
		}
		List<Bad> bad = List.of(new Bad("empty", post("", "message/rfc822"), 400, "empty"),
				new Bad("garbage", post("\u0000\u0001 not mail at all, no headers", "text/plain"), 400,
						"not a MIME message"),
				new Bad("a plain mail", post(GreenMailUtil.getWholeMessage(welcome), "message/rfc822"), 400,
						"expected multipart/report; report-type=feedback-report"),
				new Bad("no feedback part",
						post(complaint.replace("message/feedback-report", "text/plain"), "message/rfc822"), 400,
						"no message/feedback-report part"),
				new Bad("oversize", send(api, huge, "message/rfc822"), 413, "larger than 1048576 bytes"),
				new Bad("json", post("{}", "application/json"), 415, "got application/json"),
				new Bad("anonymous", send(ApiClient.anonymous(port), complaint.getBytes(StandardCharsets.US_ASCII),
						"message/rfc822"), 401, null));

		for (Bad input : bad) {
			assertThat(input.response().statusCode()).as(input.what() + ": " + input.response().body())
				.isEqualTo(input.status());
			assertThat(input.response().headers().firstValue("Content-Type")).as(input.what())
				.hasValue("application/problem+json");
			if (input.detail() != null) {
				assertThat(json.readTree(input.response().body()).get("detail").asText()).as(input.what())
					.contains(input.detail());
			}
		}
		assertThat(count("suppressions")).isEqualTo(suppressions);
		assertThat(count("consent_records")).isEqualTo(records);
		assertThat(jdbc.queryForObject(
				"SELECT count(*) FROM deliveries WHERE complained_at IS NOT NULL" + " AND contact_id = 'fbl-di'",
				Integer.class))
			.isZero();
		assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("fbl-di").count()).isEqualTo(1);
	}

	private MimeMessage signUpAndReceiveWelcome(String contactId, String email) {
		HttpResponse<String> response = api.postJson("/api/events", "{\"name\": \"SignupReceived\", \"contact\": "
				+ "{\"id\": \"" + contactId + "\", \"email\": \"" + email + "\"}}");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
		MimeMessage welcome = smtp.getReceivedMessages()[0];
		assertThat(GreenMailUtil.getWholeMessage(welcome)).contains("List-Unsubscribe:");
		return welcome;
	}

	/** An ARF report as Yahoo's feedback loop sends it, around the original mail. */
	private static String arf(String feedbackType, String extraFields, String original) {
		return """
				From: Yahoo! Mail AntiSpam Feedback <feedback@arf.mail.yahoo.com>
				To: fbl@tidings.localhost
				Subject: FW: complaint
				MIME-Version: 1.0
				Content-Type: multipart/report; report-type=feedback-report; boundary="arf"

				--arf
				Content-Type: text/plain

				This is an email abuse report.

				--arf
				Content-Type: message/feedback-report

				Feedback-Type: %s
				User-Agent: Yahoo!-Mail-Feedback/2.0
				Version: 0.1
				%s
				--arf
				Content-Type: message/rfc822

				%s
				--arf--
				""".formatted(feedbackType, extraFields, original);
	}

	private HttpResponse<String> post(String body, String contentType) {
		return send(api, body.getBytes(StandardCharsets.UTF_8), contentType);
	}

	private static HttpResponse<String> send(ApiClient client, byte[] body, String contentType) {
		return client
			.send(client.request(PATH).header("Content-Type", contentType).POST(BodyPublishers.ofByteArray(body)));
	}

	private int count(String table) {
		return jdbc.queryForObject("SELECT count(*) FROM " + table, Integer.class);
	}

}
