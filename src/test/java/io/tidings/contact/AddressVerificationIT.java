package io.tidings.contact;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidings.support.ApiClient;
import io.tidings.support.PostgresApiTest;
import io.tidings.support.LoopbackDnsServer;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
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
 * An address is checked before it enters any journey, against a DNS server the test runs
 * on loopback: an invalid one is stored with its reason and starts nothing, and the event
 * says so; risky and unknown ones still start their journeys.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "tidings.dev-mailbox.enabled=false", "tidings.delivery.workers=0",
				"tidings.contacts.verification.check-dns=true", "tidings.contacts.verification.timeout=300ms" })
@DirtiesContext
class AddressVerificationIT extends PostgresApiTest {

	static final LoopbackDnsServer dns = new LoopbackDnsServer().mx("shop.example", 10, "mx.shop.example")
		.a("mx.shop.example", "192.0.2.10")
		.silent("slow.example");

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		registry.add("tidings.contacts.verification.dns-server", dns::address);
	}

	@AfterAll
	static void stopDns() {
		dns.close();
	}

	@Autowired
	RuntimeService runtime;

	@Test
	void anInvalidAddressStartsNoJourneyAndTheAnswerSaysWhy() throws Exception {
		JsonNode answer = signUp("av-bad", "bob@nowhere.example");

		assertThat(answer.get("startedJourneys").asInt()).isZero();
		assertThat(answer.get("skippedJourneys").asInt()).isEqualTo(1);
		assertThat(answer.get("skipReason").asText())
			.isEqualTo("address invalid: domain nowhere.example does not exist");
		assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("av-bad").count()).isZero();
		Map<String, Object> event = jdbc.queryForMap("SELECT * FROM events WHERE contact_id = 'av-bad'");
		assertThat(event.get("skipped_journeys")).isEqualTo(1);
		assertThat(event.get("skip_reason")).isEqualTo("address invalid: domain nowhere.example does not exist");
		assertThat(addressOf("av-bad")).containsEntry("address_status", "INVALID");
	}

	@Test
	void aGoodAddressIsCheckedOnceAndStartsItsJourney() throws Exception {
		JsonNode answer = signUp("av-good", "ann@shop.example");

		assertThat(answer.get("startedJourneys").asInt()).isEqualTo(1);
		assertThat(answer.has("skippedJourneys")).isFalse();
		assertThat(addressOf("av-good")).containsEntry("address_status", "VALID");

		dns.clearQueries();
		api.postJson("/api/events", "{\"name\": \"ProfileUpdated\", \"contact\": {\"id\": \"av-good\"}}");
		api.postJson("/api/events",
				"{\"name\": \"ProfileUpdated\", \"contact\": {\"id\": \"av-good\", \"email\": \"ann@shop.example\"}}");
		assertThat(dns.queries()).isEmpty();
	}

	@Test
	void riskyAndUnknownAddressesStillStartTheirJourneys() throws Exception {
		assertThat(signUp("av-role", "info@shop.example").get("startedJourneys").asInt()).isEqualTo(1);
		assertThat(addressOf("av-role")).containsEntry("address_status", "RISKY")
			.containsEntry("address_reason", "role address (info@)");

		assertThat(signUp("av-slow", "cy@slow.example").get("startedJourneys").asInt()).isEqualTo(1);
		assertThat(addressOf("av-slow")).containsEntry("address_status", "UNKNOWN")
			.containsEntry("address_reason", "DNS lookup timed out");
	}

	@Test
	void aChangedAddressIsCheckedAgain() throws Exception {
		signUp("av-moved", "dee@shop.example");
		assertThat(addressOf("av-moved")).containsEntry("address_status", "VALID");

		JsonNode answer = signUp("av-moved", "dee@gone.example");

		assertThat(answer.get("skippedJourneys").asInt()).isEqualTo(1);
		assertThat(addressOf("av-moved")).containsEntry("address_status", "INVALID");
	}

	private JsonNode signUp(String contactId, String email) throws Exception {
		var response = api.postJson("/api/events", """
				{"name": "SignupReceived", "contact": {"id": "%s", "email": "%s"}}""".formatted(contactId, email));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		return json.readTree(response.body());
	}

	private Map<String, Object> addressOf(String contactId) {
		return jdbc.queryForMap("SELECT address_status, address_reason FROM contacts WHERE id = ?", contactId);
	}

}
