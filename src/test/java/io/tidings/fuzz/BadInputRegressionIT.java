package io.tidings.fuzz;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import io.tidings.support.PostgresApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bodies InputFuzzIT found answered with a 500 or taken when they should not be, each
 * now a 400 problem that stores nothing. NUL reached PostgreSQL, which cannot store it in
 * text; a duplicate member and trailing garbage were quietly accepted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "tidings.dev-mailbox.enabled=false", "tidings.delivery.workers=0",
				"tidings.triggers.enabled=false" })
@DirtiesContext
class BadInputRegressionIT extends PostgresApiTest {

	@Test
	void aNulInAContactAttributeIsA400NotA500() throws Exception {
		HttpResponse<String> response = put("/api/contacts/nul-attr",
				"{\"email\": \"nul@example.com\", \"attributes\": {\"plan\": \"pro\\u0000\"}}");

		assertProblem(response, "NUL");
		assertThat(jdbc.queryForList("SELECT id FROM contacts WHERE id = 'nul-attr'")).isEmpty();
	}

	@Test
	void aNulInAContactAttributeNameIsA400NotA500() throws Exception {
		assertProblem(
				put("/api/contacts/nul-key", "{\"email\": \"nul@example.com\", \"attributes\": {\"p\\u0000\": 1}}"),
				"NUL");
		assertThat(jdbc.queryForList("SELECT id FROM contacts WHERE id = 'nul-key'")).isEmpty();
	}

	@Test
	void aHugeNumberInAContactAttributeIsA400NotA500() throws Exception {
		assertProblem(
				put("/api/contacts/huge",
						"{\"email\": \"huge@example.com\", \"attributes\": {\"n\": 1" + "0".repeat(25) + "}}"),
				"attributes");
		assertThat(jdbc.queryForList("SELECT id FROM contacts WHERE id = 'huge'")).isEmpty();
	}

	@Test
	void anInfiniteNumberInAnEventsContactAttributeIsA400NotA500() throws Exception {
		assertProblem(api.postJson("/api/events", """
				{"name": "SignupReceived", "contact": {"id": "inf", "email": "inf@example.com",
				 "attributes": {"score": 1e400}}}"""), "attributes");
		assertThat(jdbc.queryForList("SELECT id FROM contacts WHERE id = 'inf'")).isEmpty();
	}

	@Test
	void anInfiniteNumberInASegmentRuleIsA400NotA500() throws Exception {
		assertProblem(api.postJson("/api/segments",
				"{\"key\": \"inf\", \"name\": \"Inf\", \"rule\": {\"attribute\": \"n\", \"op\": \"gt\", \"value\": 1e400}}"),
				"rule.value");
		assertProblem(api.postJson("/api/segments",
				"{\"key\": \"inf\", \"name\": \"Inf\", \"rule\": {\"attribute\": \"n\", \"op\": \"in\", \"values\": [1, -1e400]}}"),
				"rule.values");
		assertThat(jdbc.queryForList("SELECT segment_key FROM segments WHERE segment_key = 'inf'")).isEmpty();
	}

	@Test
	void aNulInASegmentRuleAttributeIsA400NotA500() throws Exception {
		assertProblem(api.postJson("/api/segments",
				"{\"key\": \"nul\", \"name\": \"Nul\", \"rule\": {\"attribute\": \"a\\u0000\", \"op\": \"eq\", \"value\": \"x\"}}"),
				"NUL");
		assertThat(count("segments")).isZero();
	}

	@Test
	void aNulInABroadcastSegmentIsA400NotA500() throws Exception {
		assertProblem(api.postJson("/api/broadcasts",
				"{\"journey\": \"broadcastProbe\", \"segment\": \"x\\u0000\", \"perSecond\": 5}"), "NUL");
		assertThat(count("broadcasts")).isZero();
	}

	@Test
	void aNulInAnImportHeaderIsA400NotA500() throws Exception {
		int imports = count("contact_imports");

		HttpResponse<String> response = importCsv("id,em\u0000ail\r\nnul-1,one@example.com\r\n");

		assertProblem(response, "NUL");
		assertThat(count("contact_imports")).isEqualTo(imports);
		assertThat(jdbc.queryForList("SELECT id FROM contacts WHERE id = 'nul-1'")).isEmpty();
	}

	@Test
	void aNulInAnImportCellRejectsTheRowNotTheServer() throws Exception {
		String file = "id,email\r\nnul-a\u0000nn,ann@example.com\r\nnul-bob,bob@example.com\r\n";

		HttpResponse<String> whole = importCsv(file);
		assertProblem(whole, "1 row of the file is bad");
		assertThat(json.readTree(whole.body()).at("/errors/0/reason").asText()).contains("NUL");
		assertThat(jdbc.queryForList("SELECT id FROM contacts WHERE id LIKE 'nul-%'", String.class)).isEmpty();

		HttpResponse<String> skipping = api.send(api.request("/api/contacts/import?badRows=skip")
			.header("Content-Type", "text/csv")
			.POST(BodyPublishers.ofString(file, StandardCharsets.UTF_8)));
		assertThat(skipping.statusCode()).as(skipping.body()).isEqualTo(201);
		assertThat(json.readTree(skipping.body()).get("rejected").asInt()).isOne();
		assertThat(jdbc.queryForList("SELECT id FROM contacts WHERE id LIKE 'nul-%'", String.class))
			.containsExactly("nul-bob");
	}

	@Test
	void aNulInAFeedbackReportIsA400NotA500() throws Exception {
		HttpResponse<String> response = api.send(api.request("/api/feedback-loop")
			.header("Content-Type", "message/rfc822")
			.POST(BodyPublishers.ofString("From: a@example.com\r\nTo: b@\u0000example.com\r\n\r\nx")));

		assertProblem(response, "NUL");
	}

	@Test
	void aDuplicateMemberIsA400NotALastOneWins() throws Exception {
		assertProblem(
				api.postJson("/api/suppressions",
						"{\"email\": \"dup@example.com\", \"email\": \"other@example.com\", \"reason\": \"manual\"}"),
				"Duplicate field 'email'");
		assertThat(count("suppressions")).isZero();
	}

	@Test
	void trailingGarbageAfterTheDocumentIsA400() throws Exception {
		assertProblem(api.postJson("/api/suppressions", "{\"email\": \"tail@example.com\", \"reason\": \"manual\"} }"),
				"");
		assertThat(count("suppressions")).isZero();
	}

	private HttpResponse<String> put(String path, String body) {
		return api
			.send(api.request(path).header("Content-Type", "application/json").PUT(BodyPublishers.ofString(body)));
	}

	private HttpResponse<String> importCsv(String csv) {
		return api.send(api.request("/api/contacts/import")
			.header("Content-Type", "text/csv")
			.POST(BodyPublishers.ofString(csv, StandardCharsets.UTF_8)));
	}

	private void assertProblem(HttpResponse<String> response, String detail) throws Exception {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(json.readTree(response.body()).get("detail").asText()).contains(detail);
	}

	private int count(String table) {
		return jdbc.queryForObject("SELECT count(*) FROM " + table, Integer.class);
	}

}
