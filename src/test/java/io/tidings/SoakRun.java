package io.tidings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tidings.support.ApiClient;
import io.tidings.support.AppProcess;
import io.tidings.support.PostgresServer;
import io.tidings.support.PrometheusScrape;
import io.tidings.support.SmtpSink;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not part of {@code ./mvnw verify}: the soak run of {@code chaos/soak.sh}. One node on
 * PostgreSQL with an SMTP sink takes mixed load for {@code soak.minutes} (signups and
 * events that start nothing, a broadcast to a growing segment, opens and clicks of sent
 * mail, one-click unsubscribes), and every {@code soak.sample} it records the node's
 * resident memory (/proc), its heap in use before and right after a full collection
 * ({@code jcmd GC.run}, read through Micrometer), and the outbox backlog. It prints the
 * table and a verdict: memory is flat when the slopes over the last half stay under the
 * limits, the backlog does not grow when the unsent rows over the last half do not trend
 * up and the oldest due mail is young. The verdict is the run's exit status.
 */
class SoakRun {

	static final Duration RUN = Duration.ofMinutes(Long.getLong("soak.minutes", 30));

	static final Duration SAMPLE = Duration.parse("PT" + System.getProperty("soak.sample", "60s").toUpperCase());

	static final int EVENTS_PER_SECOND = Integer.getInteger("soak.events-per-second", 4);

	/** MiB per minute over the last half; above it memory is not flat. */
	static final double HEAP_SLOPE_LIMIT = 1.0;

	static final double RSS_SLOPE_LIMIT = 2.0;

	static final double MIB = 1024 * 1024;

	private static final Pattern TRACKING = Pattern.compile("(/t/[oc]/[A-Za-z0-9_\\-.]+)");

	/**
	 * @param liveHeapMib heap in use right after a full collection
	 * @param usedHeapMib heap in use before it
	 * @param committedHeapMib heap the JVM has taken from the system (part of the RSS)
	 * @param nonHeapMib metaspace, code cache and the like
	 */
	record Sample(double minute, double rssMib, double liveHeapMib, double usedHeapMib, double committedHeapMib,
			double nonHeapMib, long pending, long due, double lagSeconds, long sent, long events) {
	}

	private final AtomicInteger contacts = new AtomicInteger();

	private final AtomicLong events = new AtomicLong();

	private final AtomicLong engagements = new AtomicLong();

	private final AtomicLong unsubscribes = new AtomicLong();

	private final AtomicLong broadcasts = new AtomicLong();

	private final AtomicLong loadErrors = new AtomicLong();

	@Test
	void soak() throws Exception {
		try (PostgresServer postgres = PostgresServer.fresh("soak");
				SmtpSink smtp = SmtpSink.onFreePort().withLatency(Duration.ofMillis(5))) {
			String database = postgres.createDatabase("tidings");
			try (AppProcess node = AppProcess.node("soak", database, smtp.port()).start()) {
				JdbcTemplate jdbc = postgres.jdbc("tidings");
				ApiClient api = node.api();
				ApiClient visitor = ApiClient.anonymous(node.port());
				segment(api);
				List<Sample> samples = new ArrayList<>();
				ScheduledExecutorService load = Executors.newScheduledThreadPool(4);
				long started = System.nanoTime();
				load.scheduleAtFixedRate(() -> guarded(() -> signups(api)), 0, 1, TimeUnit.SECONDS);
				load.scheduleAtFixedRate(() -> guarded(() -> engage(jdbc, visitor, node.port())), 5, 5,
						TimeUnit.SECONDS);
				load.scheduleAtFixedRate(() -> guarded(() -> unsubscribe(jdbc, visitor)), 10, 10, TimeUnit.SECONDS);
				load.scheduleAtFixedRate(() -> guarded(() -> broadcast(api)), 60, 600, TimeUnit.SECONDS);
				while (System.nanoTime() - started < RUN.toNanos()) {
					Thread.sleep(SAMPLE.toMillis());
					samples.add(sample(node, api, smtp, (System.nanoTime() - started) / 60e9));
					System.out.println("[soak-sample] " + format(samples.get(samples.size() - 1)));
				}
				// Periodic steps end; those under way finish.
				load.shutdown();
				load.awaitTermination(30, TimeUnit.SECONDS);
				report(samples);
			}
		}
	}

	private void segment(ApiClient api) {
		HttpResponse<String> response = api.postJson("/api/segments", """
				{"key": "soak", "name": "Soak contacts", "rule": {"attribute": "soak", "op": "eq", "value": "yes"}}""");
		assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
	}

	private void signups(ApiClient api) {
		for (int i = 0; i < EVENTS_PER_SECOND; i++) {
			int number = contacts.incrementAndGet();
			String contact = "soak-%07d".formatted(number);
			String name = number % 4 == 0 ? "PageViewed" : "SignupReceived";
			HttpResponse<String> response = api.postJson("/api/events", """
					{"name": "%s", "contact": {"id": "%s", "email": "%s@example.com", "firstName": "Sam",
					 "attributes": {"soak": "%s"}}, "data": {"page": "/pricing"}}""".formatted(name, contact, contact,
					number % 10 == 0 ? "yes" : "no"));
			count(response, 202, events);
		}
	}

	private void engage(JdbcTemplate jdbc, ApiClient visitor, int port) {
		List<String> bodies = jdbc.queryForList("""
				SELECT html_body FROM deliveries WHERE status = 'SENT' ORDER BY sent_at DESC FETCH FIRST 5 ROWS ONLY""",
				String.class);
		for (String html : bodies) {
			Matcher link = TRACKING.matcher(html);
			while (link.find()) {
				HttpResponse<String> response = visitor
					.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + link.group(1)))
						.header("User-Agent", "Mozilla/5.0 (soak)"));
				count(response, response.statusCode() < 400 ? response.statusCode() : 200, engagements);
			}
		}
	}

	private void unsubscribe(JdbcTemplate jdbc, ApiClient visitor) {
		List<String> urls = jdbc.queryForList("""
				SELECT unsubscribe_url FROM deliveries WHERE status = 'SENT' AND unsubscribe_url IS NOT NULL
				ORDER BY sent_at DESC FETCH FIRST 1 ROWS ONLY""", String.class);
		for (String url : urls) {
			HttpResponse<String> response = visitor.send(HttpRequest.newBuilder(URI.create(url))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")));
			count(response, response.statusCode() < 300 ? response.statusCode() : 200, unsubscribes);
		}
	}

	private void broadcast(ApiClient api) {
		HttpResponse<String> response = api.postJson("/api/broadcasts",
				"{\"journey\": \"announcement\", \"segment\": \"soak\", \"perSecond\": 10}");
		count(response, 201, broadcasts);
	}

	private void count(HttpResponse<String> response, int expected, AtomicLong counter) {
		if (response.statusCode() == expected) {
			counter.incrementAndGet();
		}
		else {
			if (loadErrors.incrementAndGet() <= 5) {
				System.out.println("[soak] unexpected " + response.statusCode() + ": " + response.body());
			}
		}
	}

	private void guarded(Runnable step) {
		try {
			step.run();
		}
		catch (RuntimeException ex) {
			if (loadErrors.incrementAndGet() <= 5) {
				System.out.println("[soak] load step failed: " + ex);
			}
		}
	}

	private Sample sample(AppProcess node, ApiClient api, SmtpSink smtp, double minute) throws Exception {
		PrometheusScrape before = PrometheusScrape.of(api.get("/actuator/prometheus").body());
		fullGc(node.pid());
		PrometheusScrape metrics = PrometheusScrape.of(api.get("/actuator/prometheus").body());
		return new Sample(minute, rssKib(node.pid()) / 1024.0,
				metrics.value("jvm_memory_used_bytes", "area", "heap") / MIB,
				before.value("jvm_memory_used_bytes", "area", "heap") / MIB,
				metrics.value("jvm_memory_committed_bytes", "area", "heap") / MIB,
				metrics.value("jvm_memory_used_bytes", "area", "nonheap") / MIB,
				(long) metrics.value("tidings_outbox_pending"), (long) metrics.value("tidings_outbox_due"),
				metrics.value("tidings_outbox_lag_seconds"), smtp.received(), events.get());
	}

	/**
	 * A full collection just before the reading, so the heap in use is what is live: the
	 * figure that grows with a leak.
	 */
	private static void fullGc(long pid) throws Exception {
		Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
		Process gc = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.run").redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		if (!gc.waitFor(60, TimeUnit.SECONDS) || gc.exitValue() != 0) {
			throw new IllegalStateException("jcmd " + pid + " GC.run did not succeed");
		}
	}

	private static long rssKib(long pid) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", ""));
				}
			}
			return 0;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void report(List<Sample> samples) {
		System.out.println("[soak] minute  rss_MiB  heap_after_gc_MiB  heap_used_MiB  heap_committed_MiB  nonheap_MiB"
				+ "  pending  due  lag_s  mails_received  events");
		samples.forEach(sample -> System.out.println("[soak] " + format(sample)));
		List<Sample> lastHalf = samples.subList(samples.size() / 2, samples.size());
		double rssSlope = slope(lastHalf, Sample::rssMib);
		double heapSlope = slope(lastHalf, Sample::liveHeapMib);
		double pendingSlope = slope(lastHalf, sample -> (double) sample.pending());
		Sample last = samples.get(samples.size() - 1);
		boolean flatMemory = heapSlope <= HEAP_SLOPE_LIMIT && rssSlope <= RSS_SLOPE_LIMIT;
		// A backlog that grows by more than a minute's worth of events per minute would
		// never catch up; the oldest due mail must be young.
		boolean steadyBacklog = pendingSlope <= EVENTS_PER_SECOND && last.lagSeconds() < 60;
		System.out.printf(
				"[soak] last half (%d samples): rss slope %.2f MiB/min (limit %.1f), heap-after-GC slope %.2f MiB/min"
						+ " (limit %.1f), pending slope %.1f rows/min (limit %d), last lag %.0f s%n",
				lastHalf.size(), rssSlope, RSS_SLOPE_LIMIT, heapSlope, HEAP_SLOPE_LIMIT, pendingSlope,
				EVENTS_PER_SECOND, last.lagSeconds());
		System.out.printf("[soak] load: events=%d engagements=%d unsubscribes=%d broadcasts=%d errors=%d mails=%d%n",
				events.get(), engagements.get(), unsubscribes.get(), broadcasts.get(), loadErrors.get(), last.sent());
		System.out.println("[soak] verdict: memory " + (flatMemory ? "FLAT" : "GROWING") + ", backlog "
				+ (steadyBacklog ? "STEADY" : "GROWING"));
		assertThat(samples).as("samples: the run must last at least two sample intervals").hasSizeGreaterThan(1);
		assertThat(flatMemory).as("memory flat over the last half").isTrue();
		assertThat(steadyBacklog).as("backlog not growing over the last half").isTrue();
	}

	private static String format(Sample s) {
		return "%6.1f  %7.1f  %17.1f  %13.1f  %18.1f  %11.1f  %7d  %3d  %5.0f  %14d  %6d".formatted(s.minute(),
				s.rssMib(), s.liveHeapMib(), s.usedHeapMib(), s.committedHeapMib(), s.nonHeapMib(), s.pending(),
				s.due(), s.lagSeconds(), s.sent(), s.events());
	}

	/** Least-squares slope per minute. */
	static double slope(List<Sample> samples, java.util.function.ToDoubleFunction<Sample> value) {
		if (samples.size() < 2) {
			return 0;
		}
		double n = samples.size();
		double meanX = samples.stream().mapToDouble(Sample::minute).sum() / n;
		double meanY = samples.stream().mapToDouble(value).sum() / n;
		double covariance = 0;
		double variance = 0;
		for (Sample sample : samples) {
			covariance += (sample.minute() - meanX) * (value.applyAsDouble(sample) - meanY);
			variance += (sample.minute() - meanX) * (sample.minute() - meanX);
		}
		return variance == 0 ? 0 : covariance / variance;
	}

}
