package io.tidings.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Real HTTP against the running application, with or without Basic credentials.
 */
public final class ApiClient {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String baseUrl;

	private final String authorization;

	private ApiClient(String baseUrl, String authorization) {
		this.baseUrl = baseUrl;
		this.authorization = authorization;
	}

	public static ApiClient as(int port, String user, String password) {
		String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		return new ApiClient("http://localhost:" + port, "Basic " + token);
	}

	/** A machine client sending its API key as {@code Authorization: Bearer <key>}. */
	public static ApiClient withKey(int port, String key) {
		return new ApiClient("http://localhost:" + port, "Bearer " + key);
	}

	public static ApiClient anonymous(int port) {
		return new ApiClient("http://localhost:" + port, null);
	}

	public HttpResponse<String> postJson(String path, String json) {
		return send(request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	public HttpResponse<String> get(String path) {
		return send(request(path).GET());
	}

	public HttpResponse<String> delete(String path) {
		return send(request(path).DELETE());
	}

	public HttpResponse<String> send(HttpRequest.Builder builder) {
		try {
			return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public HttpRequest.Builder request(String path) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
			.timeout(Duration.ofSeconds(30));
		if (authorization != null) {
			builder.header("Authorization", authorization);
		}
		return builder;
	}

}
