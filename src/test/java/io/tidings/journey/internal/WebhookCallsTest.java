package io.tidings.journey.internal;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidings.journey.JourneyProperties;
import io.tidings.support.FreePort;
import io.tidings.support.RecordingWebhook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Webhook calls against a real HTTP server on loopback. */
class WebhookCallsTest {

	static final RecordingWebhook receiver = new RecordingWebhook();

	static final ObjectMapper json = new ObjectMapper();

	@BeforeEach
	void reset() {
		receiver.forget();
	}

	@AfterAll
	static void stop() {
		receiver.close();
	}

	static WebhookCalls calls(String url, Duration timeout) {
		return new WebhookCalls(new JourneyProperties(new JourneyProperties.Coupons(""),
				new JourneyProperties.Webhook(url, timeout), new JourneyProperties.LocalTimeWaits(ZoneOffset.UTC),
				new JourneyProperties.EngineMetrics(Duration.ofSeconds(5))), json);
	}

	@Test
	void postsThePayloadAsJsonWithAnIdempotencyKey() throws Exception {
		WebhookCalls.Outcome outcome = calls(receiver.url("/leads"), Duration.ofSeconds(5)).post("p-1/HandOff",
				Map.of("event", "lead.interested", "contact", Map.of("id", "c-1", "firstName", "Zoë")));

		assertThat(outcome.status()).isEqualTo("SENT: 204");
		RecordingWebhook.Request request = receiver.requests().get(0);
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.path()).isEqualTo("/leads");
		assertThat(request.header("Content-Type")).isEqualTo("application/json");
		assertThat(request.header("Idempotency-Key")).isEqualTo("p-1/HandOff");
		JsonNode body = json.readTree(request.body());
		assertThat(body.at("/event").asText()).isEqualTo("lead.interested");
		assertThat(body.at("/contact/firstName").asText()).isEqualTo("Zoë");
	}

	@Test
	void anAnswerOtherThan2xxFailsTheCallWithTheStatusAndBody() {
		receiver.answer(503);

		assertThatThrownBy(() -> calls(receiver.url("/leads"), Duration.ofSeconds(5)).post("k", Map.of()))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("answered 503")
			.hasMessageContaining("as the test asked");
	}

	@Test
	void anUnreachableOrSlowReceiverFailsTheCall() {
		assertThatThrownBy(
				() -> calls("http://127.0.0.1:" + FreePort.find() + "/x", Duration.ofSeconds(2)).post("k", Map.of()))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("could not be reached");

		receiver.delay(1500);
		assertThatThrownBy(() -> calls(receiver.url("/slow"), Duration.ofMillis(300)).post("k", Map.of()))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("could not be reached");
	}

	@Test
	void withoutAUrlNothingIsSentAndTheOutcomeSaysItWasSkipped() {
		WebhookCalls.Outcome outcome = calls("", Duration.ofSeconds(5)).post("k", Map.of("event", "lead.interested"));

		assertThat(outcome.status()).startsWith("SKIPPED").contains("TIDINGS_WEBHOOK_URL");
		assertThat(receiver.requests()).isEmpty();
	}

}
