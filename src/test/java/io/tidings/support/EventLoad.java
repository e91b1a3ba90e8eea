package io.tidings.support;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Posts {@code SignupReceived} events for contacts {@code 0..count-1} from a few client
 * threads, in the background, as a shop would: each event has a fixed id, and an event
 * that got no 202 (node down, database away, a 5xx) is posted again with the same id
 * until it is accepted. The API answers a repeated id with the first result, so a retry
 * never starts a second journey.
 */
public final class EventLoad {

	private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(10);

	private final int count;

	private final IntFunction<ApiClient> target;

	private final AtomicInteger next = new AtomicInteger();

	private final AtomicInteger accepted = new AtomicInteger();

	private final AtomicInteger retries = new AtomicInteger();

	private final Map<Integer, String> refused = new ConcurrentHashMap<>();

	private final ExecutorService clients;

	private EventLoad(int count, IntFunction<ApiClient> target, int clients) {
		this.count = count;
		this.target = target;
		this.clients = Executors.newFixedThreadPool(clients);
	}

	/**
	 * Starts posting; {@code target} picks the node for each contact number.
	 */
	public static EventLoad signups(int count, int clients, IntFunction<ApiClient> target) {
		EventLoad load = new EventLoad(count, target, clients);
		for (int i = 0; i < clients; i++) {
			load.clients.execute(load::postUntilDone);
		}
		load.clients.shutdown();
		return load;
	}

	public static String contactId(int number) {
		return String.format("c-%05d", number);
	}

	public static String address(int number) {
		return contactId(number) + "@example.com";
	}

	public int accepted() {
		return accepted.get();
	}

	/** Posts that had to be repeated because no 202 came back. */
	public int retries() {
		return retries.get();
	}

	/** Waits until every event is accepted; fails saying how far it got. */
	public void awaitAllAccepted(Duration timeout) {
		try {
			if (!clients.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				clients.shutdownNow();
				throw new AssertionError("Only " + accepted() + " of " + count + " events accepted within " + timeout);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
		if (accepted() != count) {
			throw new AssertionError(
					"Only " + accepted() + " of " + count + " events accepted; refused, e.g.: " + refused.values());
		}
	}

	private void postUntilDone() {
		for (int number = next.getAndIncrement(); number < count
				&& !Thread.currentThread().isInterrupted(); number = next.getAndIncrement()) {
			post(number);
		}
	}

	private void post(int number) {
		String event = """
				{"id": "evt-%1$s", "name": "SignupReceived",
				 "contact": {"id": "%1$s", "email": "%2$s", "firstName": "Guest"}}""".formatted(contactId(number),
				address(number));
		long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
		while (System.nanoTime() < deadline) {
			try {
				HttpResponse<String> response = target.apply(number).postJson("/api/events", event);
				if (response.statusCode() == 202) {
					accepted.incrementAndGet();
					return;
				}
				if (response.statusCode() < 500) {
					refused.put(number, response.statusCode() + " " + response.body());
					return;
				}
			}
			catch (RuntimeException unreachable) {
				// Node down or restarting: the same event again shortly.
			}
			retries.incrementAndGet();
			Pause.pause(Duration.ofMillis(250));
		}
	}

}
