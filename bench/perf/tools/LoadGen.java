import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop HTTP load generator: CLIENTS threads, each sending one POST after the
 * other on its own keep-alive connection, until TOTAL requests were sent or SECONDS
 * passed (after WARMUP seconds that do not count).
 *
 * <pre>
 * java LoadGen.java URL USER:PASSWORD TEMPLATE_FILE CLIENTS SECONDS WARMUP TOTAL ITEMS_PER_REQUEST PREFIX
 * </pre>
 *
 * The template is a JSON text in which {@code {i}} becomes a number unique in the run and
 * {@code {p}} the PREFIX; with ITEMS_PER_REQUEST above 1 the template is one event and a
 * request carries {"events": [...]} of that many. TOTAL 0: run for SECONDS. Prints one
 * line: "requests= items= seconds= items_per_s= p50_ms= p99_ms= max_ms= errors=", the
 * percentiles over request latencies.
 */
public class LoadGen {

	/** A batch answer that counts rejected or failed events. */
	static final java.util.regex.Pattern BAD_ITEMS = java.util.regex.Pattern.compile("\"(rejected|failed)\":[1-9]");

	public static void main(String[] args) throws Exception {
		URI uri = URI.create(args[0]);
		String auth = args[1].isEmpty() ? null
				: "Basic " + Base64.getEncoder().encodeToString(args[1].getBytes(StandardCharsets.UTF_8));
		String template = Files.readString(Path.of(args[2])).strip();
		int clients = Integer.parseInt(args[3]);
		double seconds = Double.parseDouble(args[4]);
		double warmup = Double.parseDouble(args[5]);
		long total = Long.parseLong(args[6]);
		int items = Integer.parseInt(args[7]);
		String prefix = args[8];

		AtomicLong next = new AtomicLong();
		AtomicLong errors = new AtomicLong();
		AtomicLong counted = new AtomicLong();
		long[][] latencies = new long[clients][];
		int[] sizes = new int[clients];
		long startNanos = System.nanoTime();
		long countFrom = startNanos + (long) (warmup * 1e9);
		long stopAt = total > 0 ? Long.MAX_VALUE : countFrom + (long) (seconds * 1e9);
		long[] countedEnd = new long[clients];
		Thread[] threads = new Thread[clients];
		for (int c = 0; c < clients; c++) {
			int client = c;
			latencies[c] = new long[1 << 16];
			threads[c] = new Thread(() -> {
				HttpClient http = HttpClient.newBuilder()
					.version(HttpClient.Version.HTTP_1_1)
					.connectTimeout(Duration.ofSeconds(10))
					.build();
				while (true) {
					long first = next.getAndAdd(items);
					if (total > 0 && first >= total) {
						break;
					}
					long now = System.nanoTime();
					if (now >= stopAt) {
						break;
					}
					int n = total > 0 ? (int) Math.min(items, total - first) : items;
					String body = body(template, prefix, first, n, items > 1);
					HttpRequest.Builder request = HttpRequest.newBuilder(uri)
						.timeout(Duration.ofSeconds(60))
						.header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString(body));
					if (auth != null) {
						request.header("Authorization", auth);
					}
					long sent = System.nanoTime();
					try {
						HttpResponse<String> response = http.send(request.build(),
								HttpResponse.BodyHandlers.ofString());
						int status = response.statusCode();
						boolean ok = status / 100 == 2 && !BAD_ITEMS.matcher(response.body()).find();
						if (!ok) {
							if (errors.incrementAndGet() <= 3) {
								System.err.println("HTTP " + status + ": " + response.body());
							}
						}
					}
					catch (Exception ex) {
						if (errors.incrementAndGet() <= 3) {
							System.err.println(ex);
						}
					}
					long done = System.nanoTime();
					if (sent >= countFrom || total > 0) {
						if (sizes[client] == latencies[client].length) {
							latencies[client] = Arrays.copyOf(latencies[client], sizes[client] * 2);
						}
						latencies[client][sizes[client]++] = done - sent;
						counted.addAndGet(n);
						countedEnd[client] = done;
					}
				}
			});
			threads[c].start();
		}
		for (Thread thread : threads) {
			thread.join();
		}
		long end = Arrays.stream(countedEnd).max().orElse(0);
		long from = total > 0 ? startNanos : countFrom;
		// No request both started and ended in the window (each took longer than it): no rate.
		double took = end > from ? (end - from) / 1e9 : Double.POSITIVE_INFINITY;
		long[] all = new long[Arrays.stream(sizes).sum()];
		int at = 0;
		for (int c = 0; c < clients; c++) {
			System.arraycopy(latencies[c], 0, all, at, sizes[c]);
			at += sizes[c];
		}
		Arrays.sort(all);
		if (all.length == 0) {
			System.err.println("No request finished within the measured window");
		}
		System.out.printf("requests=%d items=%d seconds=%.2f items_per_s=%.0f p50_ms=%.1f p99_ms=%.1f max_ms=%.1f errors=%d%n",
				all.length, counted.get(), took, counted.get() / took, percentile(all, 0.50), percentile(all, 0.99),
				all.length == 0 ? 0 : all[all.length - 1] / 1e6, errors.get());
	}

	static String body(String template, String prefix, long first, int n, boolean batch) {
		if (!batch) {
			return template.replace("{p}", prefix).replace("{i}", Long.toString(first));
		}
		StringBuilder body = new StringBuilder("{\"events\":[");
		for (int k = 0; k < n; k++) {
			if (k > 0) {
				body.append(',');
			}
			body.append(template.replace("{p}", prefix).replace("{i}", Long.toString(first + k)));
		}
		return body.append("]}").toString();
	}

	static double percentile(long[] sorted, double p) {
		if (sorted.length == 0) {
			return 0;
		}
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
	}

}
