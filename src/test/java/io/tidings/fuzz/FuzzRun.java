package io.tidings.fuzz;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.sessions.JqwikSession;

/**
 * Sends a target's generated bodies to the running application from several keep-alive
 * clients at once and judges each answer: never a 5xx; a 4xx is a problem-details
 * document with a detail (or, for a page, a page) and stored nothing. Row counts are
 * taken around each request; a 4xx whose counts moved may have been overlapped by a valid
 * request of another client, so it is sent again alone, and only a change then is a
 * failure.
 */
final class FuzzRun {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final String baseUrl;

	private final String authorization;

	private final StoredRows rows;

	FuzzRun(int port, String user, String password, StoredRows rows) {
		this.baseUrl = "http://localhost:" + port;
		this.authorization = "Basic "
				+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		this.rows = rows;
	}

	Tally run(FuzzTarget target, int tries, long seed, int clients) throws Exception {
		List<BadInput> inputs = generate(target, tries, seed);
		Tally tally = new Tally(target.name());
		ConcurrentLinkedQueue<BadInput> suspects = new ConcurrentLinkedQueue<>();
		AtomicInteger next = new AtomicInteger();
		long started = System.nanoTime();
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		try {
			List<Future<?>> workers = new ArrayList<>();
			for (int c = 0; c < clients; c++) {
				workers.add(pool.submit(() -> {
					for (int i = next.getAndIncrement(); i < tries; i = next.getAndIncrement()) {
						BadInput input = inputs.get(i);
						long[] before = rows.count();
						HttpResponse<String> response = send(target, input);
						long[] after = rows.count();
						if (judge(target, input, response, tally) && !StoredRows.changes(before, after).isEmpty()) {
							suspects.add(input);
						}
					}
					return null;
				}));
			}
			for (Future<?> worker : workers) {
				worker.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		for (BadInput suspect : suspects) {
			tally.rechecked++;
			long[] before = rows.count();
			HttpResponse<String> response = send(target, suspect);
			Map<String, Long> changes = StoredRows.changes(before, rows.count());
			if (response.statusCode() >= 400 && !changes.isEmpty()) {
				tally.fail("stored " + changes + " and answered " + response.statusCode(), suspect, response);
			}
		}
		tally.seconds = (System.nanoTime() - started) / 1e9;
		return tally;
	}

	/**
	 * The same bodies for the same seed: jqwik's generators driven with our own Random,
	 * in a session of their own since no jqwik property runs them.
	 */
	static List<BadInput> generate(FuzzTarget target, int tries, long seed) {
		JqwikSession.start();
		try {
			RandomGenerator<BadInput> generator = target.inputs().generator(1000, true);
			Random random = new Random(seed ^ target.name().hashCode());
			List<BadInput> inputs = new ArrayList<>(tries);
			for (int i = 0; i < tries; i++) {
				inputs.add(generator.next(random).value());
			}
			return inputs;
		}
		finally {
			JqwikSession.finish();
		}
	}

	/** Counts the answer; true when it is a rejection that must have stored nothing. */
	private boolean judge(FuzzTarget target, BadInput input, HttpResponse<String> response, Tally tally) {
		int status = response.statusCode();
		String type = response.headers().firstValue("Content-Type").orElse("");
		if (status >= 500) {
			tally.serverErrors.incrementAndGet();
			tally.fail("answered " + status, input, response);
			return false;
		}
		if (status < 400) {
			tally.valid.incrementAndGet();
			tally.validKinds.merge(input.kind().replaceAll("@.*", ""), 1, Integer::sum);
			return target.name().contains("/batch") && batchStoredNothing(input, response, tally);
		}
		tally.rejected.incrementAndGet();
		if (target.page()) {
			if (!type.startsWith("text/html") || response.body().isBlank()) {
				tally.fail("answered " + status + " without a page (" + type + ")", input, response);
			}
			return true;
		}
		JsonNode problem = problem(response.body());
		if (!type.startsWith("application/problem+json") || problem == null || !problem.path("detail").isTextual()
				|| problem.path("detail").asText().isBlank()) {
			tally.fail("answered " + status + " without a problem detail (" + type + ")", input, response);
			return false;
		}
		return true;
	}

	/** A batch whose every event was rejected is answered 200, but must store nothing. */
	private static boolean batchStoredNothing(BadInput input, HttpResponse<String> response, Tally tally) {
		JsonNode answer = problem(response.body());
		if (answer == null) {
			return false;
		}
		if (answer.path("failed").asInt() > 0) {
			tally.fail("a batch event failed on our side", input, response);
		}
		return answer.path("accepted").asInt() == 0 && answer.path("replayed").asInt() == 0;
	}

	private HttpResponse<String> send(FuzzTarget target, BadInput input) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + target.path()))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", authorization)
			.header("Content-Type", input.contentType())
			.header("Accept", target.page() ? "text/html" : "application/json, application/problem+json")
			.method(target.method(), HttpRequest.BodyPublishers.ofByteArray(input.body()))
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static JsonNode problem(String body) {
		try {
			return JSON.readTree(body);
		}
		catch (IOException ex) {
			return null;
		}
	}

	/** What one target's run came to. */
	static final class Tally {

		final String target;

		final AtomicInteger rejected = new AtomicInteger();

		final AtomicInteger valid = new AtomicInteger();

		final AtomicInteger serverErrors = new AtomicInteger();

		final Map<String, Integer> validKinds = new ConcurrentSkipListMap<>();

		final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();

		int rechecked;

		double seconds;

		Tally(String target) {
			this.target = target;
		}

		void fail(String what, BadInput input, HttpResponse<String> response) {
			String body = response.body();
			failures.add(what + " for " + input.preview() + "\n    -> "
					+ (body.length() > 400 ? body.substring(0, 400) : body));
		}

		int tries() {
			return rejected.get() + valid.get() + serverErrors.get();
		}

		String summary() {
			return "%-48s tries %6d  4xx %6d  2xx/3xx valid %5d  5xx %d  rechecked %d  failures %d  %.1f s  %.0f/s"
				.formatted(target, tries(), rejected.get(), valid.get(), serverErrors.get(), rechecked, failures.size(),
						seconds, tries() / seconds)
					+ (validKinds.isEmpty() ? "" : "\n      valid by kind: " + validKinds);
		}

	}

}
