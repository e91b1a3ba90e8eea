package io.tidings.platform;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidings.support.ApiClient;
import io.tidings.support.DatabaseScan;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * API keys over real HTTP: made once by an administrator, kept only as a hash, each
 * allowed what its roles allow and nothing more, revoked at once; wrong keys answer 401
 * and never lock anybody out; bad input writes nothing. Camunda users get the roles of
 * their groups.
 */
class ApiKeyIT extends AccessTest {

	private static final String EVENT = """
			{"name": "NothingListens", "contact": {"id": "c-key", "email": "key@example.com"}}""";

	@Autowired
	IdentityService identity;

	@Test
	void aNewKeyIsShownOnceAndKeptOnlyAsItsHash() throws Exception {
		HttpResponse<String> made = api.postJson("/api/api-keys", """
				{"name": "shop backend", "roles": ["events", "reader"]}""");
		assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
		assertThat(made.headers().firstValue("Cache-Control"))
			.hasValueSatisfying(v -> assertThat(v).contains("no-store"));
		JsonNode key = json.readTree(made.body());
		String secret = key.get("secret").asText();
		assertThat(secret).startsWith("tdk_").hasSizeGreaterThanOrEqualTo(4 + 43);
		assertThat(key.get("roles")).hasSize(2);
		assertThat(key.get("createdBy").asText()).isEqualTo("demo");
		assertThat(made.headers().firstValue("Location")).hasValue("/api/api-keys/" + key.get("id").asText());

		Map<String, Object> row = jdbc.queryForMap("SELECT * FROM api_keys WHERE id = ?", key.get("id").asText());
		assertThat(row.get("secret_hash")).isEqualTo(sha256(secret));
		assertThat(new DatabaseScan(jdbc).find(secret.substring(4))).isEmpty();

		JsonNode listed = listed(key.get("id").asText());
		assertThat(listed.get("name").asText()).isEqualTo("shop backend");
		assertThat(listed.has("secret")).isFalse();
		assertThat(listed.toString()).doesNotContain(secret.substring(4)).doesNotContain(sha256(secret));
		assertThat(listed.get("lastUsedAt")).isNull();

		assertThat(client(secret).postJson("/api/events", EVENT).statusCode()).isEqualTo(202);
		assertThat(listed(key.get("id").asText()).get("lastUsedAt").asText()).isNotBlank();
	}

	@Test
	void anEventsKeyPostsEventsAndCorrelatesMessagesButReadsAndDeploysNothing() throws Exception {
		ApiClient events = client(key("events only", "events"));
		assertThat(events.postJson("/api/events", EVENT).statusCode()).isEqualTo(202);
		HttpResponse<String> batch = events.postJson("/api/events/batch", "{\"events\": [" + EVENT + "]}");
		assertThat(batch.statusCode()).as(batch.body()).isLessThan(300);
		HttpResponse<String> correlated = events.postJson("/engine-rest/message",
				"{\"messageName\": \"ProbeStarted\", \"businessKey\": \"c-key-message\", \"resultEnabled\": true}");
		assertThat(correlated.statusCode()).as(correlated.body()).isEqualTo(200);
		assertThat(correlated.body()).contains("ProcessDefinition");

		problem(events.get("/api/contacts/c-key/consent"), 403);
		problem(events.get("/api/contacts/c-key/export"), 403);
		problem(events.get("/api/journeys"), 403);
		problem(events.get("/engine-rest/process-instance"), 403);
		problem(events.postJson("/engine-rest/deployment/create", "{}"), 403);
		problem(events.postJson("/api/suppressions", "{\"email\": \"x@example.com\", \"reason\": \"manual\"}"), 403);
		problem(events.get("/api/api-keys"), 403);
		problem(events.postJson("/api/api-keys", "{\"name\": \"escalate\", \"roles\": [\"admin\"]}"), 403);
		problem(events.get("/dev/mailbox"), 403);
		problem(events.get("/actuator/info"), 403);
	}

	@Test
	void aReaderReadsButChangesNothing() throws Exception {
		ApiClient reader = client(key("dashboard feed", "reader"));
		assertThat(reader.get("/api/journeys").statusCode()).isEqualTo(200);
		assertThat(reader.get("/api/contacts/c-nobody/consent").statusCode()).isIn(200, 404);
		assertThat(reader.get("/engine-rest/process-instance").statusCode()).isEqualTo(200);
		assertThat(reader.get("/engine-rest/incident").statusCode()).isEqualTo(200);
		problem(reader.postJson("/api/events", EVENT), 403);
		problem(reader.postJson("/engine-rest/message", "{\"messageName\": \"ProbeStarted\"}"), 403);
		problem(reader.delete("/api/suppressions/x@example.com"), 403);
		problem(reader.get("/api/api-keys"), 403);
	}

	@Test
	void anApiKeyChangesDataButManagesNoKeys() throws Exception {
		ApiClient integration = client(key("crm sync", "api"));
		HttpResponse<String> suppressed = integration.postJson("/api/suppressions",
				"{\"email\": \"api-key@example.com\", \"reason\": \"manual\"}");
		assertThat(suppressed.statusCode()).as(suppressed.body()).isEqualTo(201);
		assertThat(integration.postJson("/api/events", EVENT).statusCode()).isEqualTo(202);
		problem(integration.get("/api/api-keys"), 403);
		problem(integration.get("/engine-rest/process-definition"), 403);
	}

	@Test
	void theKeyMayComeAsXApiKey() throws Exception {
		String secret = key("header client", "reader");
		ApiClient anonymous = ApiClient.anonymous(port);
		assertThat(anonymous.send(anonymous.request("/api/journeys").header("X-Api-Key", secret).GET()).statusCode())
			.isEqualTo(200);
	}

	@Test
	void aRevokedKeyIsRefusedAtOnce() throws Exception {
		String secret = key("leaked", "events");
		ApiClient leaked = client(secret);
		assertThat(leaked.postJson("/api/events", EVENT).statusCode()).isEqualTo(202);
		String id = idOf(secret);

		assertThat(api.delete("/api/api-keys/" + id).statusCode()).isEqualTo(204);
		JsonNode refused = problem(leaked.postJson("/api/events", EVENT), 401);
		assertThat(refused.get("detail").asText()).contains("unknown or revoked");
		problem(api.delete("/api/api-keys/" + id), 404);
		assertThat(json.readTree(api.get("/api/api-keys").body()).findValuesAsText("id")).doesNotContain(id);
	}

	@Test
	void wrongKeysAnswer401AndLockNobodyOut() throws Exception {
		for (String wrong : List.of("tdk_" + "A".repeat(43), "not-a-key", "tdk_", "Bearer", "x".repeat(5000))) {
			problem(client(wrong).postJson("/api/events", EVENT), 401);
		}
		ApiClient anonymous = ApiClient.anonymous(port);
		problem(anonymous.send(anonymous.request("/api/journeys").header("X-Api-Key", "tdk_guess").GET()), 401);
		// A wrong key with a user's name on it is still not a login attempt for that
		// user.
		problem(anonymous.send(anonymous.request("/api/journeys")
			.header("X-Api-Key", "tdk_guess")
			.header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("demo:wrong".getBytes()))
			.GET()), 401);
		assertThat(api.get("/api/journeys").statusCode()).isEqualTo(200);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"roles\": [\"events\"]}", "{\"name\": \"\", \"roles\": [\"events\"]}",
			"{\"name\": \"   \", \"roles\": [\"events\"]}", "{\"name\": \"tab\\there\", \"roles\": [\"events\"]}",
			"{\"name\": \"no roles\"}", "{\"name\": \"no roles\", \"roles\": []}",
			"{\"name\": \"unknown\", \"roles\": [\"superuser\"]}", "{\"name\": \"case\", \"roles\": [\"EVENTS\"]}",
			"{\"name\": \"null\", \"roles\": [null]}",
			"{\"name\": \"many\", \"roles\": [\"events\", \"reader\", \"api\", \"admin\", \"events\"]}",
			"{\"name\": \"number\", \"roles\": [5]}",
			"{\"name\": \"extra\", \"roles\": [\"events\"], \"secret\": \"mine\"}",
			"{\"name\": 7, \"roles\": [\"events\"]}", "not json", "[]" })
	void badInputIsAProblemAndWritesNothing(String body) throws Exception {
		int before = jdbc.queryForObject("SELECT COUNT(*) FROM api_keys", Integer.class);
		problem(api.postJson("/api/api-keys", body), 400);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM api_keys", Integer.class)).isEqualTo(before);
	}

	@Test
	void aTooLongNameIsAProblemNamingTheField() throws Exception {
		JsonNode problem = problem(
				api.postJson("/api/api-keys", "{\"name\": \"" + "n".repeat(101) + "\", \"roles\": [\"events\"]}"), 400);
		assertThat(problem.get("errors").findValuesAsText("field")).containsExactly("name");
		JsonNode unknown = problem(
				api.postJson("/api/api-keys", "{\"name\": \"x\", \"roles\": [\"events\", \"root\"]}"), 400);
		assertThat(unknown.get("errors").findValuesAsText("pointer")).containsExactly("#/roles/1");
		assertThat(unknown.get("detail").asText()).contains("events, reader, api, admin");
	}

	@Test
	void camundaUsersGetTheRolesOfTheirGroups() throws Exception {
		user("ingestbot", "tidingsEvents");
		user("nogroups", null);
		ApiClient bot = ApiClient.as(port, "ingestbot", "secret-ingestbot");
		assertThat(bot.postJson("/api/events", EVENT).statusCode()).isEqualTo(202);
		problem(bot.get("/api/contacts/c-key/consent"), 403);
		ApiClient nobody = ApiClient.as(port, "nogroups", "secret-nogroups");
		problem(nobody.postJson("/api/events", EVENT), 403);
		problem(nobody.get("/api/journeys"), 403);
	}

	@Test
	void onlyOperatorsLogInToCockpit() throws Exception {
		user("cockpitbot", "tidingsEvents");
		HttpResponse<String> refused = WebappSession.attemptLogIn(port, "cockpitbot", "secret-cockpitbot");
		// The password is right (the same login posts events); Cockpit refuses a user
		// without Camunda's authorization for the Cockpit application.
		assertThat(refused.statusCode()).as(refused.body()).isIn(401, 403);
		assertThat(ApiClient.as(port, "cockpitbot", "secret-cockpitbot").postJson("/api/events", EVENT).statusCode())
			.isEqualTo(202);
		WebappSession operator = WebappSession.logIn(port, "demo", "demo");
		assertThat(operator.get("/camunda/api/engine/engine/default/process-definition/count").statusCode())
			.isEqualTo(200);
	}

	private void user(String id, String group) {
		if (identity.createUserQuery().userId(id).count() == 0) {
			User user = identity.newUser(id);
			user.setPassword("secret-" + id);
			identity.saveUser(user);
			if (group != null) {
				if (identity.createGroupQuery().groupId(group).count() == 0) {
					identity.saveGroup(identity.newGroup(group));
				}
				identity.createMembership(id, group);
			}
		}
	}

	private JsonNode listed(String id) throws Exception {
		HttpResponse<String> list = api.get("/api/api-keys");
		assertThat(list.statusCode()).isEqualTo(200);
		for (JsonNode key : json.readTree(list.body())) {
			if (key.get("id").asText().equals(id)) {
				return key;
			}
		}
		throw new AssertionError("Key " + id + " not listed: " + list.body());
	}

	private String idOf(String secret) {
		return jdbc.queryForObject("SELECT id FROM api_keys WHERE secret_hash = ?", String.class, sha256(secret));
	}

	private static String sha256(String secret) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
