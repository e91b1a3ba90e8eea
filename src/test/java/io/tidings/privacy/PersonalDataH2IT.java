package io.tidings.privacy;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidings.support.ApiClient;
import io.tidings.support.Eventually;
import io.tidings.support.FreePort;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Export and erasure on H2, the zero-setup default database: the same transaction and
 * engine calls as on PostgreSQL, checked with a scan of H2's text and binary columns.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:personal-data;DB_CLOSE_DELAY=-1",
				"tidings.delivery.poll-interval=200ms" })
@DirtiesContext
class PersonalDataH2IT {

	static final int SMTP_PORT = FreePort.find();

	@DynamicPropertySource
	static void smtpPort(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", () -> SMTP_PORT);
		registry.add("tidings.dev-mailbox.smtp-port", () -> SMTP_PORT);
	}

	final ObjectMapper json = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RuntimeService runtime;

	@Autowired
	HistoryService history;

	@Test
	void exportAndErasureWorkOnH2() throws Exception {
		ApiClient api = ApiClient.as(port, "demo", "demo");
		String contact = """
				{"id": "h2-zebulon", "email": "Zebulon.Quartermaine@Example.org", "firstName": "Zebulon",
				 "lastName": "Quartermaine", "timeZone": "UTC"}""";
		assertThat(api
			.postJson("/api/events",
					"""
							{"name": "SignupReceived", "contact": %s, "data": {"shipping": {"name": "Zebulon Quartermaine"}}}"""
						.formatted(contact))
			.statusCode()).isEqualTo(202);
		assertThat(api.postJson("/api/events", """
				{"name": "DeliveryProbeStarted", "contact": {"id": "h2-zebulon"},
				 "data": {"category": "transactional", "sendAgain": false}}""").statusCode()).isEqualTo(202);
		Eventually.within(Duration.ofSeconds(20),
				() -> jdbc.queryForList("SELECT status FROM deliveries WHERE contact_id = 'h2-zebulon'", String.class),
				statuses -> statuses.equals(List.of("SENT", "SENT")));
		Eventually.within(Duration.ofSeconds(20),
				() -> history.createHistoricProcessInstanceQuery()
					.processInstanceBusinessKey("h2-zebulon")
					.finished()
					.count(),
				count -> count == 1);

		HttpResponse<String> export = api.get("/api/contacts/h2-zebulon/export");
		assertThat(export.statusCode()).as(export.body()).isEqualTo(200);
		JsonNode sections = json.readTree(export.body()).get("sections");
		assertThat(sections.get("deliveries")).hasSize(2);
		assertThat(sections.get("journeys")).hasSize(2);
		assertThat(sections.get("journeys").toString()).contains("Zebulon Quartermaine");
		List<String> before = scan("Quartermaine");
		assertThat(before).anyMatch(hit -> hit.startsWith("ACT_"));

		HttpResponse<String> erased = api.send(api.request("/api/contacts/h2-zebulon").DELETE());

		assertThat(erased.statusCode()).as(erased.body()).isEqualTo(204);
		for (String trace : List.of("h2-zebulon", "Zebulon", "Quartermaine")) {
			assertThat(scan(trace)).as(trace).isEmpty();
		}
		assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("h2-zebulon").count()).isZero();
		assertThat(jdbc.queryForObject("SELECT count(*) FROM erased_addresses", Long.class)).isEqualTo(1);
		assertThat(api.send(api.request("/api/contacts/h2-zebulon").DELETE()).statusCode()).isEqualTo(404);
		// An operator may lift the erased address's block like any other suppression.
		String address = "/api/suppressions/zebulon.quartermaine@example.org";
		assertThat(json.readTree(api.get(address).body()).get("reason").asText()).isEqualTo("ERASED");
		assertThat(api.send(api.request(address).DELETE()).statusCode()).isEqualTo(204);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM erased_addresses", Long.class)).isZero();
		assertThat(api.get(address).statusCode()).isEqualTo(404);
	}

	/** Every character and binary column of H2's public schema that holds the text. */
	private List<String> scan(String needle) {
		List<String> hits = new ArrayList<>();
		for (Map<String, Object> column : jdbc.queryForList("""
				SELECT c.TABLE_NAME, c.COLUMN_NAME, c.DATA_TYPE FROM INFORMATION_SCHEMA.COLUMNS c
				JOIN INFORMATION_SCHEMA.TABLES t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME
				WHERE c.TABLE_SCHEMA = 'PUBLIC' AND t.TABLE_TYPE = 'BASE TABLE'
				  AND c.DATA_TYPE IN ('CHARACTER VARYING', 'CHARACTER', 'CHARACTER LARGE OBJECT', 'JSON',
				                      'BINARY LARGE OBJECT', 'BINARY VARYING')""")) {
			String name = "\"" + column.get("COLUMN_NAME") + "\"";
			String type = (String) column.get("DATA_TYPE");
			String text = type.startsWith("BINARY") ? "UTF8TOSTRING(" + name + ")" : "CAST(" + name + " AS VARCHAR)";
			Long rows = jdbc.queryForObject("SELECT count(*) FROM \"" + column.get("TABLE_NAME")
					+ "\" WHERE LOCATE(?, LOWER(" + text + ")) > 0", Long.class, needle.toLowerCase(Locale.ROOT));
			if (rows > 0) {
				hits.add(column.get("TABLE_NAME") + "." + column.get("COLUMN_NAME") + " (" + rows + ")");
			}
		}
		return hits;
	}

}
