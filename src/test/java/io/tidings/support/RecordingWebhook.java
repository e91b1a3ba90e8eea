package io.tidings.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on a free loopback port that records what webhook steps post to it
 * and answers with the status a test sets (204 unless told otherwise).
 */
public final class RecordingWebhook implements AutoCloseable {

	/** One request as it arrived. */
	public record Request(String method, String path, Map<String, List<String>> headers, String body) {

		public String header(String name) {
			return headers.entrySet()
				.stream()
				.filter(entry -> entry.getKey().equalsIgnoreCase(name))
				.flatMap(entry -> entry.getValue().stream())
				.findFirst()
				.orElse(null);
		}

	}

	private final HttpServer server;

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private volatile int status = 204;

	private volatile long delayMillis;

	public RecordingWebhook() {
		try {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new IllegalStateException("No loopback port for the webhook receiver", ex);
		}
		server.createContext("/", this::handle);
		server.start();
	}

	public String url(String path) {
		return "http://127.0.0.1:" + server.getAddress().getPort() + path;
	}

	public void answer(int status) {
		this.status = status;
	}

	public void delay(long millis) {
		this.delayMillis = millis;
	}

	public List<Request> requests() {
		return List.copyOf(requests);
	}

	public void forget() {
		requests.clear();
		status = 204;
		delayMillis = 0;
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (InputStream in = exchange.getRequestBody()) {
			requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
					Map.copyOf(exchange.getRequestHeaders()), new String(in.readAllBytes(), StandardCharsets.UTF_8)));
		}
		if (delayMillis > 0) {
			Pause.pause(java.time.Duration.ofMillis(delayMillis));
		}
		int answer = status;
		if (answer == 204) {
			exchange.sendResponseHeaders(204, -1);
		}
		else {
			byte[] body = ("{\"error\": \"status " + answer + " as the test asked\"}").getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(answer, body.length);
			exchange.getResponseBody().write(body);
		}
		exchange.close();
	}

	@Override
	public void close() {
		server.stop(0);
	}

}
