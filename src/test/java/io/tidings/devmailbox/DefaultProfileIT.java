package io.tidings.devmailbox;

import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidings.support.ApiClient;
import io.tidings.support.Eventually;
import io.tidings.support.FreePort;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The zero-setup default: H2, the embedded SMTP server and the developer mailbox. An
 * event posted over HTTP shows up as a mail in {@code /dev/mailbox} within seconds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:default-profile;DB_CLOSE_DELAY=-1",
				"tidings.delivery.poll-interval=200ms" })
@DirtiesContext
class DefaultProfileIT {

	static final int SMTP_PORT = FreePort.find();

	@DynamicPropertySource
	static void smtpPort(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", () -> SMTP_PORT);
		registry.add("tidings.dev-mailbox.smtp-port", () -> SMTP_PORT);
	}

	final ObjectMapper json = new ObjectMapper();

	@LocalServerPort
	int port;

	@Test
	void welcomeMailShowsUpInTheDeveloperMailbox() throws Exception {
		ApiClient api = ApiClient.as(port, "demo", "demo");
		HttpResponse<String> accepted = api.postJson("/api/events", """
				{"name": "SignupReceived",
				 "contact": {"id": "c-7", "email": "bea@example.com", "firstName": "Bea", "locale": "en"}}""");
		assertThat(accepted.statusCode()).isEqualTo(202);

		JsonNode mails = Eventually.within(Duration.ofSeconds(5),
				() -> readJson(api.get("/dev/mailbox/messages").body()), list -> list.size() == 1);
		JsonNode mail = mails.get(0);
		assertThat(mail.get("subject").asText()).isEqualTo("Welcome aboard, Bea!");
		assertThat(mail.get("to").get(0).asText()).isEqualTo("Bea <bea@example.com>");
		assertThat(mail.get("from").asText()).contains("hello@tidings.localhost");
		assertThat(mail.get("messageId").asText()).endsWith("@tidings.localhost>");
		assertThat(mail.get("text").asText()).contains("Hi Bea, welcome aboard!");
		assertThat(mail.get("html").asText()).contains("Hi Bea, welcome aboard!");
		assertThat(mail.get("date").asText()).isNotBlank();
		assertThat(mail.get("headers").findValuesAsText("name")).contains("Message-ID", "Subject", "From", "To");

		String page = api.get("/dev/mailbox").body();
		assertThat(page).contains("Welcome aboard, Bea!").contains("/dev/mailbox/1");
		String detail = api.get("/dev/mailbox/1").body();
		assertThat(detail).contains("srcdoc=").contains("sandbox").contains("Hi Bea, welcome aboard!");
		assertThat(api.get("/dev/mailbox/2").statusCode()).isEqualTo(404);
	}

	@Test
	void mailboxNeedsALoginAndCockpitIsServed() {
		ApiClient anonymous = ApiClient.anonymous(port);
		assertThat(anonymous.get("/dev/mailbox").statusCode()).isEqualTo(401);
		assertThat(anonymous.get("/dev/mailbox/messages").statusCode()).isEqualTo(401);

		HttpResponse<String> cockpit = anonymous.get("/camunda/app/cockpit/default/");
		assertThat(cockpit.statusCode()).isEqualTo(200);
		assertThat(cockpit.body()).containsIgnoringCase("cockpit");
	}

	private JsonNode readJson(String body) {
		try {
			return json.readTree(body);
		}
		catch (Exception ex) {
			throw new AssertionError("Not JSON: " + body, ex);
		}
	}

}
