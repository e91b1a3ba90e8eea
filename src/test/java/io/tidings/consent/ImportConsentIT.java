package io.tidings.consent;

import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidings.support.PostgresApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A contact import that vouches for consent ({@code consentTopics},
 * {@code consentSource}) on PostgreSQL: the consent is recorded per contact with source
 * IMPORT and where it was given, a contact who decided otherwise keeps that decision, and
 * bad parameters are a problem that reads and stores nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "tidings.dev-mailbox.enabled=false", "tidings.delivery.workers=0" })
class ImportConsentIT extends PostgresApiTest {

	private static final String SOURCE = "Signup sheet, trade fair Berlin 2026";

	@Test
	void recordsTheConsentWithItsSourceAndKeepsWhatContactsDecidedThemselves() throws Exception {
		put("ic-topic-out", "ic-topic-out@example.com");
		consent("ic-topic-out", "{\"topics\": {\"newsletter\": false}}");
		put("ic-all-out", "ic-all-out@example.com");
		consent("ic-all-out", "{\"unsubscribeAll\": true}");
		put("ic-subscribed", "ic-subscribed@example.com");
		consent("ic-subscribed", "{\"topics\": {\"newsletter\": true}}");
		String file = """
				id,email,firstName
				ic-new-1,ic-new-1@example.com,Ann
				ic-new-2,ic-new-2@example.com,Bob
				ic-topic-out,,
				ic-all-out,,
				ic-subscribed,,
				ic-rejected,not-an-address,
				""";

		HttpResponse<String> response = importCsv(file,
				"badRows=skip&consentTopics=newsletter,promotions&consentSource="
						+ URLEncoder.encode(SOURCE, StandardCharsets.UTF_8));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		JsonNode result = json.readTree(response.body());
		assertThat(result.get("rejected").asLong()).isEqualTo(1);
		// New contacts: 2 topics each; ic-topic-out: promotions only; ic-subscribed:
		// promotions only. Kept: ic-topic-out's newsletter, both of ic-all-out's.
		assertThat(result.at("/consent/subscribed").asLong()).isEqualTo(6);
		assertThat(result.at("/consent/kept").asLong()).isEqualTo(3);
		assertThat(result.at("/consent/source").asText()).isEqualTo(SOURCE);
		assertThat(result.at("/consent/topics").toString()).isEqualTo("[\"newsletter\",\"promotions\"]");
		JsonNode summary = json.readTree(api.get("/api/contacts/imports/" + result.get("importId").asText()).body());
		assertThat(summary.get("consent")).isEqualTo(result.get("consent"));

		JsonNode ann = consentOf("ic-new-1");
		assertThat(ann.at("/topics/newsletter/status").asText()).isEqualTo("SUBSCRIBED");
		assertThat(ann.at("/topics/promotions/status").asText()).isEqualTo("SUBSCRIBED");
		assertThat(ann.at("/topics/product-updates/status").asText()).isEqualTo("NOT_SET");
		assertThat(ann.at("/history/0/source").asText()).isEqualTo("IMPORT");
		assertThat(ann.at("/history/0/detail").asText())
			.isEqualTo(SOURCE + " (import " + result.get("importId").asText() + ")");

		JsonNode topicOut = consentOf("ic-topic-out");
		assertThat(topicOut.at("/topics/newsletter/status").asText()).isEqualTo("UNSUBSCRIBED");
		assertThat(topicOut.at("/topics/promotions/status").asText()).isEqualTo("SUBSCRIBED");
		JsonNode allOut = consentOf("ic-all-out");
		assertThat(allOut.get("marketing").asBoolean()).isFalse();
		assertThat(allOut.at("/topics/newsletter/status").asText()).isEqualTo("NOT_SET");
		assertThat(allOut.at("/history/0/action").asText()).isEqualTo("UNSUBSCRIBED");
		JsonNode subscribed = consentOf("ic-subscribed");
		assertThat(subscribed.at("/topics/newsletter/source").asText()).isEqualTo("API");
		assertThat(subscribed.at("/topics/promotions/source").asText()).isEqualTo("IMPORT");

		HttpResponse<String> again = importCsv(file, "consentTopics=newsletter,promotions&consentSource=again");
		assertThat(json.readTree(again.body()).at("/consent/subscribed").asLong()).as("a repeat adds nothing").isZero();
		assertThat(jdbc.queryForObject(
				"SELECT count(*) FROM consent_records WHERE contact_id = 'ic-new-1' AND source = 'IMPORT'",
				Integer.class))
			.isEqualTo(2);
	}

	@Test
	void anImportWithoutConsentRecordsNone() throws Exception {
		HttpResponse<String> response = importCsv("id,email\nic-plain,ic-plain@example.com\n", "");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		assertThat(json.readTree(response.body()).has("consent")).isFalse();
		assertThat(consentOf("ic-plain").at("/topics/newsletter/status").asText()).isEqualTo("NOT_SET");
	}

	@Test
	void badConsentParametersAreAProblemAndNothingIsRead() throws Exception {
		String[][] bad = { { "consentTopics=weekly&consentSource=fair", "'weekly' is not a topic" },
				{ "consentTopics=newsletter", "consentSource is required" },
				{ "consentTopics=newsletter&consentSource=%20", "consentSource is required" },
				{ "consentSource=fair", "consentTopics is required" },
				{ "consentTopics=&consentSource=fair", "consentTopics must name at least one topic" },
				{ "consentTopics=newsletter&consentSource=" + "s".repeat(201), "at most 200 characters" } };
		int imports = jdbc.queryForObject("SELECT count(*) FROM contact_imports", Integer.class);
		for (String[] input : bad) {
			HttpResponse<String> response = importCsv("id,email\nic-bad,ic-bad@example.com\n", input[0]);
			assertThat(response.statusCode()).as(input[0]).isEqualTo(400);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(json.readTree(response.body()).get("detail").asText()).as(input[0]).contains(input[1]);
		}
		assertThat(jdbc.queryForObject("SELECT count(*) FROM contact_imports", Integer.class)).isEqualTo(imports);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM contacts WHERE id = 'ic-bad'", Integer.class)).isZero();
	}

	private void put(String id, String email) {
		HttpResponse<String> response = api.send(api.request("/api/contacts/" + id)
			.header("Content-Type", "application/json")
			.PUT(BodyPublishers.ofString("{\"email\": \"" + email + "\"}")));
		assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
	}

	private void consent(String id, String body) {
		HttpResponse<String> response = api.postJson("/api/contacts/" + id + "/consent", body);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
	}

	private JsonNode consentOf(String id) throws Exception {
		return json.readTree(api.get("/api/contacts/" + id + "/consent").body());
	}

	private HttpResponse<String> importCsv(String csv, String query) {
		return api.send(api.request("/api/contacts/import" + (query.isEmpty() ? "" : "?" + query))
			.header("Content-Type", "text/csv")
			.POST(BodyPublishers.ofString(csv)));
	}

}
