package io.tidings.journey.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidings.journey.JourneyProperties;

import org.springframework.stereotype.Component;

/**
 * Posts a webhook step's JSON to the configured URL. Anything but a 2xx answer, a refused
 * connection or a time-out is thrown, so the step's job is tried again on its retry cycle
 * and then shows as an incident. The {@code Idempotency-Key} header stays the same across
 * those tries, so a receiver can drop a repeat.
 */
@Component
class WebhookCalls {

	/** What happened, as the step records it in {@code webhookStatus}. */
	record Outcome(String status) {

		static Outcome skipped() {
			return new Outcome("SKIPPED: no webhook URL is set (TIDINGS_WEBHOOK_URL)");
		}

	}

	private final JourneyProperties.Webhook settings;

	private final ObjectMapper json;

	private final HttpClient http;

	WebhookCalls(JourneyProperties properties, ObjectMapper json) {
		this.settings = properties.webhook();
		this.json = json;
		this.http = HttpClient.newBuilder()
			.connectTimeout(settings.timeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	Outcome post(String idempotencyKey, Map<String, Object> payload) {
		if (!settings.enabled()) {
			return Outcome.skipped();
		}
		HttpRequest request = HttpRequest.newBuilder(URI.create(settings.url()))
			.timeout(settings.timeout())
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", idempotencyKey)
			.POST(HttpRequest.BodyPublishers.ofString(body(payload)))
			.build();
		HttpResponse<String> response;
		try {
			response = http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException("Webhook " + settings.url() + " could not be reached: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while calling webhook " + settings.url(), ex);
		}
		if (response.statusCode() / 100 != 2) {
			throw new IllegalStateException("Webhook " + settings.url() + " answered " + response.statusCode() + ": "
					+ abbreviated(response.body()));
		}
		return new Outcome("SENT: " + response.statusCode());
	}

	private String body(Map<String, Object> payload) {
		try {
			return json.writeValueAsString(payload);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("Webhook payload is not JSON-writable: " + ex.getOriginalMessage(), ex);
		}
	}

	private static String abbreviated(String body) {
		String line = body == null ? "" : body.strip().replaceAll("\\s+", " ");
		return line.length() <= 200 ? line : line.substring(0, 200) + "…";
	}

}
