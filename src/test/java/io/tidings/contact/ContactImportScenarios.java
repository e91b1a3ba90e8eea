package io.tidings.contact;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tidings.support.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/contacts/import} over HTTP, run on PostgreSQL
 * ({@link ContactImportIT}) and on H2 ({@link ContactImportH2IT}): rows created or merged
 * into stored contacts; a file with a bad row refused whole with every bad row listed, or
 * with {@code badRows=skip} the bad rows set aside with a reason; files that cannot be
 * read refused, and a body limit of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "tidings.dev-mailbox.enabled=false", "tidings.delivery.workers=0",
				"tidings.api.max-import-body-bytes=262144", "tidings.contacts.import.max-rows=3000" })
@DirtiesContext
abstract class ContactImportScenarios {

	static final String HEADER = "\uFEFFid,email,firstName,last_name,LOCALE,time_zone,birthday,signedUpOn,plan,Source\r\n";

	final ObjectMapper json = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	ApiClient api;

	@BeforeEach
	void client() {
		api = ApiClient.as(port, "demo", "demo");
	}

	@Test
	void aFileWithBadRowsIsRefusedWholeListingEachAndStoresNothing() throws Exception {
		put("wh-ann", "{\"email\": \"ann@example.com\", \"firstName\": \"Ann\"}");
		long imports = count("contact_imports");
		long rejections = count("contact_import_rejections");
		String file = "id,email,firstName,locale\r\n" + String.join("\r\n", "wh-ann,ann@new.example.com,Annie,",
				"wh-new,new@example.com,New,", "wh-bad-email,not-an-address,,", "wh-no-email,,Eve,",
				"wh-bad-locale,x@example.com,,english", "wh-short,short@example.com", "wh-late,late@example.com,,")
				+ "\r\n";

		JsonNode problem = assertProblem(importCsv(file), 400, "4 rows of the file are bad");
		assertThat(problem.get("detail").asText()).contains("Nothing was imported").contains("badRows=skip");
		assertThat(problem.get("badRows").asLong()).isEqualTo(4);
		assertThat(problem.get("errors").toString()).isEqualTo(json.readTree("""
				[{"row": 4, "line": 4, "id": "wh-bad-email", "column": "email",
				  "reason": "email is not a valid email address"},
				 {"row": 5, "line": 5, "id": "wh-no-email", "column": "email",
				  "reason": "email is required for a new contact"},
				 {"row": 6, "line": 6, "id": "wh-bad-locale", "column": "locale",
				  "reason": "locale is not a BCP 47 language tag such as en or pt-BR"},
				 {"row": 7, "line": 7, "id": "wh-short", "column": "",
				  "reason": "The row has 2 cells where the header row has 4"}]""").toString());
		assertThat(contact("wh-ann").get("email").asText()).as("the good rows are not half-written")
			.isEqualTo("ann@example.com");
		assertThat(contact("wh-ann").get("firstName").asText()).isEqualTo("Ann");
		assertThat(jdbc.queryForList("SELECT id FROM contacts WHERE id LIKE 'wh-%'", String.class))
			.containsExactly("wh-ann");
		assertThat(count("contact_imports")).isEqualTo(imports);
		assertThat(count("contact_import_rejections")).isEqualTo(rejections);

		assertProblem(importWith("badRows=maybe", file), 400, "badRows");
		assertThat(count("contact_imports")).isEqualTo(imports);

		String fixed = file.lines()
			.filter(line -> !line.contains("-bad-") && !line.contains("no-email") && !line.contains("short"))
			.map(line -> line + "\r\n")
			.reduce("", String::concat);
		HttpResponse<String> whole = importCsv(fixed);
		assertThat(whole.statusCode()).as(whole.body()).isEqualTo(201);
		assertThat(json.readTree(whole.body()).get("rejected").asLong()).isZero();
		assertThat(contact("wh-ann").get("email").asText()).isEqualTo("ann@new.example.com");
		assertThat(jdbc.queryForList("SELECT id FROM contacts WHERE id LIKE 'wh-%' ORDER BY id", String.class))
			.containsExactly("wh-ann", "wh-late", "wh-new");
	}

	@Test
	void createsMergesAndSetsBadRowsAsideWithTheReason() throws Exception {
		put("im-ann",
				"""
						{"email": "ann@example.com", "firstName": "Ann", "locale": "en", "attributes": {"plan": "free", "seats": 3}}""");
		put("im-bob",
				"""
						{"email": "bob@example.com", "lastName": "Builder", "timeZone": "Europe/Berlin", "attributes": {"Source": "ad"}}""");
		jdbc.update("UPDATE contacts SET address_status = 'VALID' WHERE id = 'im-bob'");
		String overlongId = "x".repeat(256);
		String file = HEADER + String.join("\r\n",
				"im-cat,cat@example.com,Cat,Stevens,en-GB,Europe/London,1990-02-28,2024-01-15,pro,\"fair, booth 4\"",
				"im-ann,,,\"O\"\"Neil\",,,--02-29,,pro,",
				"im-bob,bob@new.example.com,Bob,,,,,,,\"met at the fair\r\nsecond line\"",
				",dan@example.com,Dan,,,,,,,", "im-bad-email,not-an-address,,,,,,,,", "im-no-email,,Eve,,,,,,,",
				"im-bad-locale,x@example.com,,,english,,,,,", "im-bad-tz,x@example.com,,,,Mars/Base,,,,",
				"im-bad-birthday,x@example.com,,,,,1990-02-30,,,",
				"im-control,x@example.com,\"Eve\r\nBcc: y@example.com\",,,,,,,", overlongId + ",x@example.com,,,,,,,,",
				"im-bad-date,x@example.com,,,,,,2024-13-01,,", "im-short,short@example.com", "",
				"im-dan,dan@example.com,,,,,,,,") + "\r\n";

		HttpResponse<String> response = importSkipping(file);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		JsonNode result = json.readTree(response.body());
		String importId = result.get("importId").asText();
		assertThat(response.headers().firstValue("Location")).hasValue("/api/contacts/imports/" + importId);
		assertThat(result.get("rows").asLong()).isEqualTo(14);
		assertThat(result.get("created").asLong()).isEqualTo(2);
		assertThat(result.get("updated").asLong()).isEqualTo(2);
		assertThat(result.get("rejected").asLong()).isEqualTo(10);
		assertThat(result.get("seconds").isNumber()).isTrue();
		assertThat(result.get("rejectedRowsUrl").asText()).isEqualTo("/api/contacts/imports/" + importId + "/rejected");

		JsonNode ann = contact("im-ann");
		assertThat(ann.get("email").asText()).isEqualTo("ann@example.com");
		assertThat(ann.get("firstName").asText()).isEqualTo("Ann");
		assertThat(ann.get("lastName").asText()).isEqualTo("O\"Neil");
		assertThat(ann.get("locale").asText()).isEqualTo("en");
		assertThat(ann.get("birthday").asText()).isEqualTo("--02-29");
		assertThat(ann.get("attributes")).isEqualTo(json.readTree("{\"plan\": \"pro\", \"seats\": 3}"));
		assertThat(attributeRows("im-ann")).containsExactly("plan=pro", "seats=#3");

		JsonNode bob = contact("im-bob");
		assertThat(bob.get("email").asText()).isEqualTo("bob@new.example.com");
		assertThat(bob.get("firstName").asText()).isEqualTo("Bob");
		assertThat(bob.get("lastName").asText()).isEqualTo("Builder");
		assertThat(bob.get("timeZone").asText()).isEqualTo("Europe/Berlin");
		assertThat(bob.get("attributes").get("Source").asText()).isEqualTo("met at the fair\r\nsecond line");
		assertThat(bob.get("address").get("status")).as("a new address is checked afresh").isNull();

		JsonNode cat = contact("im-cat");
		assertThat(cat.get("lastName").asText()).isEqualTo("Stevens");
		assertThat(cat.get("locale").asText()).isEqualTo("en-GB");
		assertThat(cat.get("timeZone").asText()).isEqualTo("Europe/London");
		assertThat(cat.get("birthday").asText()).isEqualTo("1990-02-28");
		assertThat(cat.get("signedUpOn").asText()).isEqualTo("2024-01-15");
		assertThat(attributeRows("im-cat")).containsExactly("Source=fair, booth 4", "plan=pro");
		assertThat(contact("im-dan").get("attributes")).isEmpty();
		assertThat(jdbc.queryForList("SELECT id FROM contacts WHERE id LIKE 'im-%' ORDER BY id", String.class))
			.containsExactly("im-ann", "im-bob", "im-cat", "im-dan");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM events WHERE contact_id LIKE 'im-%'", Integer.class))
			.as("an import is no event and starts no journey")
			.isZero();

		HttpResponse<String> rejected = api.get("/api/contacts/imports/" + importId + "/rejected");
		assertThat(rejected.statusCode()).isEqualTo(200);
		assertThat(rejected.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("text/csv").containsIgnoringCase("charset=UTF-8"));
		assertThat(rejected.headers().firstValue("Content-Disposition"))
			.hasValueSatisfying(disposition -> assertThat(disposition).startsWith("attachment"));
		assertThat(rejected.body()).isEqualTo(String.join("\r\n", "row,line,id,column,reason",
				"5,6,,id,id must not be blank", "6,7,im-bad-email,email,email is not a valid email address",
				"7,8,im-no-email,email,email is required for a new contact",
				"8,9,im-bad-locale,LOCALE,LOCALE is not a BCP 47 language tag such as en or pt-BR",
				"9,10,im-bad-tz,time_zone,time_zone is not an IANA time zone such as Europe/Amsterdam",
				"10,11,im-bad-birthday,birthday,\"birthday is not a birthday: use YYYY-MM-DD, or --MM-DD when the year is unknown\"",
				"11,12,im-control,firstName,firstName must be one line of text without control characters",
				"12,14," + "x".repeat(254) + "…,id,id size must be between 0 and 255",
				"13,15,im-bad-date,signedUpOn,signedUpOn is not a date such as 2026-03-01",
				"14,16,im-short,,The row has 2 cells where the header row has 10") + "\r\n");

		JsonNode summary = json.readTree(api.get("/api/contacts/imports/" + importId).body());
		assertThat(summary.get("status").asText()).isEqualTo("COMPLETED");
		assertThat(summary.get("startedBy").asText()).isEqualTo("demo");
		assertThat(summary.get("rows").asLong()).isEqualTo(14);
		assertThat(summary.get("rejected").asLong()).isEqualTo(10);
		assertThat(summary.get("finishedAt").asText()).isNotBlank();
	}

	@Test
	void leavesEachContactAsTheJsonApiWouldAndARepeatChangesNothing() throws Exception {
		for (String prefix : List.of("eq-i", "eq-p")) {
			put(prefix + "-1", """
					{"email": "one@example.com", "firstName": "One", "locale": "de", "birthday": "1980-01-01",
					 "attributes": {"plan": "free", "score": 7, "vip": true}}""");
		}
		List<Map<String, String>> rows = List.of(
				Map.of("id", "1", "email", "one@new.example.com", "plan", "pro", "team", "red"),
				Map.of("id", "2", "email", "two@example.com", "firstName", "Two", "last_name", "Zwei", "LOCALE",
						"de-AT", "time_zone", "Europe/Vienna", "birthday", "--12-24", "signedUpOn", "2023-03-01",
						"plan", "trial"),
				Map.of("id", "2", "last_name", "Deux", "plan", "2026-01-31"),
				Map.of("id", "3", "email", "three@example.com"));
		StringBuilder file = new StringBuilder(
				"id,email,firstName,last_name,LOCALE,time_zone,birthday,signedUpOn,plan,team\n");
		for (Map<String, String> row : rows) {
			List<String> cells = List
				.of("id", "email", "firstName", "last_name", "LOCALE", "time_zone", "birthday", "signedUpOn", "plan",
						"team")
				.stream()
				.map(column -> column.equals("id") ? "eq-i-" + row.get("id") : row.getOrDefault(column, ""))
				.toList();
			file.append(String.join(",", cells)).append('\n');
			put("eq-p-" + row.get("id"), asJson(row));
		}

		JsonNode first = json.readTree(importCsv(file.toString()).body());
		assertThat(first.get("created").asLong()).isEqualTo(2);
		assertThat(first.get("updated").asLong()).isEqualTo(2);
		for (String id : List.of("1", "2", "3")) {
			assertThat(comparable(contact("eq-i-" + id))).as(id).isEqualTo(comparable(contact("eq-p-" + id)));
			assertThat(attributeRows("eq-i-" + id)).as(id).isEqualTo(attributeRows("eq-p-" + id));
		}
		assertThat(attributeRows("eq-i-2")).contains("plan=2026-01-31 (date)");

		JsonNode before = contact("eq-i-2");
		JsonNode again = json.readTree(importCsv(file.toString()).body());
		assertThat(again.get("created").asLong()).isZero();
		assertThat(again.get("updated").asLong()).isEqualTo(4);
		assertThat(comparable(contact("eq-i-2"))).isEqualTo(comparable(before));
		assertThat(jdbc.queryForObject("SELECT count(*) FROM contacts WHERE id LIKE 'eq-i-%'", Integer.class))
			.isEqualTo(3);
	}

	@Test
	void aFileThatCannotBeReadIsAProblemAndStoresNothing() throws Exception {
		long contacts = count("contacts");
		long imports = count("contact_imports");
		assertProblem(importCsv(""), 400, "The file is empty");
		assertProblem(importCsv("\uFEFF\r\nid,email\r\n"), 400, "first row of the file is empty");
		assertProblem(importCsv("email,firstName\r\nno-id@example.com,Ann\r\n"), 400, "no id column");
		assertProblem(importCsv("id,firstName,first_name\r\nfl-1,A,B\r\n"), 400, "both name firstName");
		assertProblem(importCsv("id,\"email\r\nfl-1,a@example.com\r\n"), 400, "never closed");
		assertProblem(send(request().header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString("id,email\nfl-2,a@example.com\n"))), 415, "text/csv");
		assertProblem(send(request().POST(BodyPublishers.ofString("id,email\nfl-3,a@example.com\n"))), 415,
				"no Content-Type");
		assertProblem(send(request().header("Content-Type", "text/csv; charset=ISO-8859-1")
			.POST(BodyPublishers.ofString("id,email\nfl-4,a@example.com\n"))), 415, "UTF-8");
		assertThat(ApiClient.anonymous(port)
			.send(ApiClient.anonymous(port)
				.request("/api/contacts/import")
				.header("Content-Type", "text/csv")
				.POST(BodyPublishers.ofString("id,email\nfl-5,a@example.com\n")))
			.statusCode()).isEqualTo(401);
		assertThat(count("contacts")).isEqualTo(contacts);
		assertThat(count("contact_imports")).isEqualTo(imports);

		assertProblem(api.get("/api/contacts/imports/no-such-import"), 404, "no-such-import");
		assertProblem(api.get("/api/contacts/imports/no-such-import/rejected"), 404, "no-such-import");
	}

	@Test
	void aFileThatBreaksOffStoresNothingOrWithSkipKeepsTheRowsBeforeIt() throws Exception {
		String file = "id,email\r\nbr-1,one@example.com\r\nbr-2,two@example.com\r\n"
				+ "br-3,\"three@example.com\r\nbr-4,four@example.com\r\nbr-5,not-an-address\r\n";
		long imports = count("contact_imports");
		JsonNode refused = assertProblem(importCsv(file), 400, "quoted field that opens on line 4 is never closed");
		assertThat(refused.get("detail").asText()).contains("Nothing was imported");
		assertThat(refused.has("importId")).isFalse();
		assertThat(jdbc.queryForList("SELECT id FROM contacts WHERE id LIKE 'br-%'", String.class)).isEmpty();
		assertThat(count("contact_imports")).isEqualTo(imports);

		HttpResponse<String> unclosed = importSkipping(file);
		JsonNode problem = assertProblem(unclosed, 400, "quoted field that opens on line 4 is never closed");
		assertThat(problem.get("created").asLong()).isEqualTo(2);
		JsonNode summary = json.readTree(api.get("/api/contacts/imports/" + problem.get("importId").asText()).body());
		assertThat(summary.get("status").asText()).isEqualTo("FAILED");
		assertThat(summary.get("failure").asText()).contains("never closed");
		assertThat(jdbc.queryForList("SELECT id FROM contacts WHERE id LIKE 'br-%' ORDER BY id", String.class))
			.containsExactly("br-1", "br-2");

		byte[] latin1 = "id,firstName\nbr-1,Jos\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
		assertProblem(send(request().header("Content-Type", "text/csv").POST(BodyPublishers.ofByteArray(latin1))), 400,
				"not UTF-8 text at line 2");
		assertThat(contact("br-1").has("firstName")).isFalse();
	}

	@Test
	void theImportHasABodyLimitOfItsOwn() throws Exception {
		StringBuilder rows = new StringBuilder("id,email,tier\n");
		for (int i = 0; i < 2_000; i++) {
			rows.append("big-%05d,big-%05d@example.com,gold\n".formatted(i, i));
		}
		assertThat(rows.length()).as("more than the JSON API's 64 KiB").isGreaterThan(65536);
		JsonNode big = json.readTree(importCsv(rows.toString()).body());
		assertThat(big.get("created").asLong()).isEqualTo(2_000);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM contact_attributes WHERE contact_id LIKE 'big-%'",
				Integer.class))
			.isEqualTo(2_000);

		StringBuilder tooBig = new StringBuilder("id,email,note\n");
		for (int i = 0; tooBig.length() <= 262144; i++) {
			tooBig.append("huge-%05d,huge-%05d@example.com,%s\n".formatted(i, i, "n".repeat(100)));
		}
		long imports = count("contact_imports");
		assertProblem(importCsv(tooBig.toString()), 413, "larger than 262144 bytes");
		assertThat(count("contact_imports")).as("refused on its declared length").isEqualTo(imports);

		byte[] chunked = tooBig.toString().getBytes(StandardCharsets.UTF_8);
		JsonNode refused = assertProblem(
				send(request().header("Content-Type", "text/csv")
					.POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(chunked)))),
				413, "larger than 262144 bytes");
		assertThat(refused.get("detail").asText()).contains("Nothing was imported");
		assertThat(count("contact_imports")).isEqualTo(imports);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM contacts WHERE id LIKE 'huge-%'", Integer.class)).isZero();
		JsonNode stopped = assertProblem(
				send(api.request("/api/contacts/import?badRows=skip")
					.header("Content-Type", "text/csv")
					.POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(chunked)))),
				400, "larger than 262144 bytes");
		assertThat(stopped.get("created").asLong()).as("the batches before the limit").isPositive();
	}

	@Test
	void aFileWithMoreRowsThanAllowedStopsAtTheLimit() throws Exception {
		StringBuilder rows = new StringBuilder("id,email\n");
		for (int i = 1; i <= 3_001; i++) {
			rows.append("max-%05d,max-%05d@example.com\n".formatted(i, i));
		}
		assertProblem(importCsv(rows.toString()), 400, "more than 3000 rows");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM contacts WHERE id LIKE 'max-%'", Integer.class)).isZero();

		JsonNode problem = assertProblem(importSkipping(rows.toString()), 400, "more than 3000 rows");
		assertThat(problem.get("detail").asText()).contains("row 3002");
		assertThat(problem.get("created").asLong()).isEqualTo(3_000);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM contacts WHERE id LIKE 'max-%'", Integer.class))
			.isEqualTo(3_000);
	}

	@Test
	void twoImportsOfTheSameNewContactsAtOnceCreateEachOnce() throws Exception {
		StringBuilder rows = new StringBuilder("id,email,tier\n");
		for (int i = 0; i < 2_500; i++) {
			rows.append("par-%05d,par-%05d@example.com,t%d\n".formatted(i, i, i % 3));
		}
		List<CompletableFuture<HttpResponse<String>>> both = List.of(
				CompletableFuture.supplyAsync(() -> importCsv(rows.toString())),
				CompletableFuture.supplyAsync(() -> importCsv(rows.toString())));
		long created = 0;
		long updated = 0;
		for (CompletableFuture<HttpResponse<String>> one : both) {
			HttpResponse<String> response = one.get();
			assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
			created += json.readTree(response.body()).get("created").asLong();
			updated += json.readTree(response.body()).get("updated").asLong();
		}
		assertThat(created).isEqualTo(2_500);
		assertThat(updated).isEqualTo(2_500);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM contact_attributes WHERE contact_id LIKE 'par-%'",
				Integer.class))
			.isEqualTo(2_500);
	}

	private HttpResponse<String> importCsv(String csv) {
		return send(request().header("Content-Type", "text/csv").POST(BodyPublishers.ofString(csv)));
	}

	private HttpResponse<String> importSkipping(String csv) {
		return importWith("badRows=skip", csv);
	}

	private HttpResponse<String> importWith(String query, String csv) {
		return send(api.request("/api/contacts/import?" + query)
			.header("Content-Type", "text/csv")
			.POST(BodyPublishers.ofString(csv)));
	}

	private HttpRequest.Builder request() {
		return api.request("/api/contacts/import");
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		return api.send(request);
	}

	private void put(String id, String body) {
		HttpResponse<String> response = api.send(api.request("/api/contacts/" + id)
			.header("Content-Type", "application/json")
			.PUT(BodyPublishers.ofString(body)));
		assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
	}

	private JsonNode contact(String id) throws Exception {
		HttpResponse<String> response = api.get("/api/contacts/" + id);
		assertThat(response.statusCode()).as(id).isEqualTo(200);
		return json.readTree(response.body()).get("contact");
	}

	private JsonNode assertProblem(HttpResponse<String> response, int status, String detail) throws Exception {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.get("detail").asText()).contains(detail);
		return problem;
	}

	/** The contact without what differs between two contacts made the same way. */
	private static JsonNode comparable(JsonNode contact) {
		ObjectNode copy = contact.deepCopy();
		copy.remove(List.of("id", "createdAt", "updatedAt"));
		return copy;
	}

	private List<String> attributeRows(String contactId) {
		return jdbc.query("""
				SELECT name, text_value, number_value, boolean_value, date_value FROM contact_attributes
				WHERE contact_id = ? ORDER BY name""", (rs, row) -> {
			String value = rs.getString("text_value") != null ? rs.getString("text_value")
					: rs.getBigDecimal("number_value") != null
							? "#" + rs.getBigDecimal("number_value").stripTrailingZeros().toPlainString()
							: String.valueOf(rs.getObject("boolean_value"));
			return rs.getString("name") + "=" + value + (rs.getDate("date_value") != null ? " (date)" : "");
		}, contactId);
	}

	private long count(String table) {
		return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
	}

	private String asJson(Map<String, String> row) throws Exception {
		Map<String, String> fields = Map.of("email", "email", "firstName", "firstName", "last_name", "lastName",
				"LOCALE", "locale", "time_zone", "timeZone", "birthday", "birthday", "signedUpOn", "signedUpOn");
		var body = json.createObjectNode();
		var attributes = body.putObject("attributes");
		row.forEach((column, value) -> {
			if (fields.containsKey(column)) {
				body.put(fields.get(column), value);
			}
			else if (!column.equals("id")) {
				attributes.put(column, value);
			}
		});
		return json.writeValueAsString(body);
	}

}
