package io.tidings.template;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidings.support.ApiClient;
import io.tidings.support.PostgresApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The template preview over HTTP on PostgreSQL: the real templates rendered for a sample
 * contact and for a stored one, in the locale asked for or the contact's own, with links
 * that lead nowhere; and every kind of bad request answered with a problem that changes
 * nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "tidings.dev-mailbox.enabled=false", "tidings.delivery.workers=0",
				"tidings.consent.public-url=https://mail.shop.example" })
class TemplatePreviewIT extends PostgresApiTest {

	@Test
	void rendersATemplateForTheSampleContactWithInertLinks() throws Exception {
		HttpResponse<String> response = api.get("/api/templates/welcome/preview");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
		JsonNode preview = json.readTree(response.body());
		assertThat(preview.get("template").asText()).isEqualTo("welcome");
		assertThat(preview.get("locale").asText()).isEqualTo("en");
		assertThat(preview.get("sampleContact").asBoolean()).isTrue();
		assertThat(preview.get("category").asText()).isEqualTo("newsletter");
		assertThat(preview.get("subject").asText()).isEqualTo("Welcome aboard, Ann!");
		assertThat(preview.get("html").asText()).contains("<meta name=\"viewport\"")
			.contains("href=\"https://preview.invalid/unsubscribe\"")
			.contains("href=\"https://preview.invalid/preferences\"")
			.doesNotContain("mail.shop.example");
		assertThat(preview.get("text").asText()).startsWith("Hi Ann, welcome aboard!")
			.contains("https://preview.invalid/unsubscribe");
	}

	@Test
	void rendersForAStoredContactInItsLocaleAfterFallback() throws Exception {
		putContact("pv-joost", "{\"email\": \"joost@example.com\", \"firstName\": \"Joost\", \"locale\": \"nl-BE\"}");

		HttpResponse<String> response = api.get("/api/templates/confirm-subscription/preview?contact=pv-joost"
				+ "&category=transactional&data.confirmUrl=" + encode("https://preview.example/confirm/x"));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode preview = json.readTree(response.body());
		assertThat(preview.get("locale").asText()).isEqualTo("nl");
		assertThat(preview.get("contact").asText()).isEqualTo("pv-joost");
		assertThat(preview.get("sampleContact").asBoolean()).isFalse();
		assertThat(preview.get("category").asText()).isEqualTo("transactional");
		assertThat(preview.get("subject").asText()).isEqualTo("Bevestig je aanmelding");
		assertThat(preview.get("html").asText()).contains("Joost")
			.contains("href=\"https://preview.example/confirm/x\"")
			.doesNotContain("preview.invalid/unsubscribe");

		JsonNode chinese = json.readTree(
				api.get("/api/templates/confirm-subscription/preview?contact=pv-joost&locale=zh-CN&data.confirmUrl=x")
					.body());
		assertThat(chinese.get("locale").asText()).isEqualTo("zh");
		JsonNode unknownLanguage = json
			.readTree(api.get("/api/templates/welcome/preview?contact=pv-joost&locale=pt-BR").body());
		assertThat(unknownLanguage.get("locale").asText()).isEqualTo("en");
		assertThat(unknownLanguage.get("html").asText()).doesNotContain("mail.shop.example");
	}

	@Test
	void badRequestsGetAProblemAndChangeNothing() throws Exception {
		putContact("pv-ann", "{\"email\": \"ann@example.com\", \"firstName\": \"Ann\"}");
		Map<String, Object> before = footprint();

		assertProblem("/api/templates/no-such-template/preview", 404, "no-such-template");
		assertProblem("/api/templates/WELCOME/preview", 404, "WELCOME");
		assertProblem("/api/templates/welcome/preview?contact=nobody-here", 404, "nobody-here");
		assertProblem("/api/templates/welcome/preview?locale=" + encode("en_US!"), 400, "locale");
		assertProblem("/api/templates/welcome/preview?locale=", 400, "locale");
		assertProblem("/api/templates/welcome/preview?locale=en&locale=fr", 400, "more than once");
		assertProblem("/api/templates/welcome/preview?contact=", 400, "contact");
		assertProblem("/api/templates/welcome/preview?category=gossip", 400, "category");
		assertProblem("/api/templates/welcome/preview?lcoale=en", 400, "lcoale");
		assertProblem("/api/templates/welcome/preview?data.=x", 400, "data.");
		JsonNode broken = assertProblem("/api/templates/confirm-subscription/preview?contact=pv-ann", 422,
				"confirmUrl");
		assertThat(broken.get("file").asText()).isEqualTo("mail/confirm-subscription");
		assertThat(broken.get("line").asInt()).isPositive();
		assertThat(broken.get("detail").asText()).contains("line " + broken.get("line").asInt());
		assertThat(ApiClient.anonymous(port).get("/api/templates/welcome/preview").statusCode()).isEqualTo(401);
		assertThat(api.send(api.request("/api/templates/welcome/preview").POST(HttpRequest.BodyPublishers.noBody()))
			.statusCode()).isEqualTo(405);

		assertThat(footprint()).isEqualTo(before);
	}

	private JsonNode assertProblem(String path, int status, String mentioned) throws Exception {
		HttpResponse<String> response = api.get(path);
		assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).as(path).hasValue("application/problem+json");
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		if (mentioned != null) {
			assertThat(problem.get("detail").asText()).as(path).contains(mentioned);
		}
		return problem;
	}

	/** What a preview could have changed: our rows, and the stored contact. */
	private Map<String, Object> footprint() {
		return Map.of("counts",
				List.of("contacts", "events", "deliveries", "topic_consents", "consent_records")
					.stream()
					.map(table -> jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class))
					.toList(),
				"contact", jdbc.queryForMap("SELECT * FROM contacts WHERE id = 'pv-ann'").toString());
	}

	private void putContact(String id, String body) {
		HttpResponse<String> response = api.send(api.request("/api/contacts/" + id)
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(body)));
		assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
