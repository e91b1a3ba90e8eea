package io.tidings.platform;

import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidings.support.ApiClient;
import io.tidings.support.FreePort;
import io.tidings.support.PostgresApiTest;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the access tests share: one application (so Spring reuses it across them) whose
 * engine REST lists are bounded at three rows and whose developer mailbox is on, and a
 * way to make API keys.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"tidings.dev-mailbox.enabled=true", "tidings.delivery.workers=0", "tidings.engine-rest.max-results=3" })
abstract class AccessTest extends PostgresApiTest {

	static final int SMTP_PORT = FreePort.find();

	/** The developer mailbox is on, so its routes are in the authentication matrix. */
	@DynamicPropertySource
	static void mailbox(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", () -> SMTP_PORT);
		registry.add("tidings.dev-mailbox.smtp-port", () -> SMTP_PORT);
	}

	/** A new key with these roles, made by the demo administrator; its secret. */
	protected String key(String name, String... roles) throws Exception {
		HttpResponse<String> made = api.postJson("/api/api-keys",
				json.createObjectNode().put("name", name).set("roles", json.valueToTree(roles)).toString());
		assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
		return json.readTree(made.body()).get("secret").asText();
	}

	protected ApiClient client(String secret) {
		return ApiClient.withKey(port, secret);
	}

	protected JsonNode problem(HttpResponse<String> response, int status) throws Exception {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("detail").asText()).isNotBlank();
		return problem;
	}

}
