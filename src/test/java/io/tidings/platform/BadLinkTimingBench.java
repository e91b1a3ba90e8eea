package io.tidings.platform;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tidings.consent.UnsubscribeLinks;
import io.tidings.support.ApiClient;
import io.tidings.support.PostgresApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Not a test: times the preference center's answer to a good link and to each kind of bad
 * one (tampered signature, malformed, a signed link of a contact that never existed, one
 * of an erased contact), over real HTTP on PostgreSQL, and prints median and 90th
 * percentile per kind. Run with {@code bench/bad-links.sh}
 * ({@code -Dbench.requests=300}). The rate limit is off here so that it does not time its
 * own 429s.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "tidings.dev-mailbox.enabled=false", "tidings.delivery.workers=0",
				"tidings.public-pages.rate-limit.enabled=false", "logging.level.io.tidings=warn" })
class BadLinkTimingBench extends PostgresApiTest {

	static final int REQUESTS = Integer.getInteger("bench.requests", 300);

	@Autowired
	UnsubscribeLinks links;

	@Test
	void badLinksAnswerInTheSameTime() {
		for (String id : List.of("bench-live", "bench-erased")) {
			api.send(api.request("/api/contacts/" + id)
				.header("Content-Type", "application/json")
				.PUT(HttpRequest.BodyPublishers.ofString("{\"email\": \"" + id + "@example.com\"}")));
		}
		String live = path(links.preferencesUrlFor("bench-live", "newsletter"));
		String erased = path(links.preferencesUrlFor("bench-erased", "newsletter"));
		api.send(api.request("/api/contacts/bench-erased").DELETE());
		Map<String, String> kinds = new LinkedHashMap<>();
		kinds.put("valid (200)", live);
		kinds.put("tampered signature", live.substring(0, live.length() - 3) + (live.endsWith("AAA") ? "BBB" : "AAA"));
		kinds.put("malformed", "/preferences/nonsense");
		kinds.put("never-existed contact", path(links.preferencesUrlFor("bench-never", "newsletter")));
		kinds.put("erased contact", erased);

		ApiClient browser = ApiClient.anonymous(port);
		Map<String, long[]> nanos = new LinkedHashMap<>();
		kinds.keySet().forEach(kind -> nanos.put(kind, new long[REQUESTS]));
		for (int warmUp = 0; warmUp < 50; warmUp++) {
			kinds.values().forEach(path -> browser.get(path));
		}
		// Interleaved, so drift in the machine's load spreads over every kind alike.
		for (int i = 0; i < REQUESTS; i++) {
			for (Map.Entry<String, String> kind : kinds.entrySet()) {
				long start = System.nanoTime();
				HttpResponse<String> answer = browser.get(kind.getValue());
				nanos.get(kind.getKey())[i] = System.nanoTime() - start;
				if (answer.statusCode() != (kind.getKey().startsWith("valid") ? 200 : 404)) {
					throw new IllegalStateException(kind.getKey() + " answered " + answer.statusCode());
				}
			}
		}
		List<String> lines = new ArrayList<>();
		nanos.forEach((kind, times) -> {
			Arrays.sort(times);
			lines.add(String.format("[bench] %-22s median %6.2f ms   p90 %6.2f ms   (%d requests)", kind,
					times[times.length / 2] / 1e6, times[times.length * 9 / 10] / 1e6, times.length));
		});
		lines.forEach(System.out::println);
	}

	private static String path(String url) {
		return URI.create(url).getPath();
	}

}
