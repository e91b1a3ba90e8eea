package io.tidings.platform;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets in memory, one per client address: each starts full with {@code burst}
 * tokens and regains one every {@code refillTime}. Per node: behind a load balancer each
 * node counts on its own. When more addresses than allowed are tracked, the ones whose
 * bucket has refilled (idle clients) are dropped; they start full again anyway.
 */
final class ClientBuckets {

	private final int burst;

	private final long refillNanos;

	private final int maxClients;

	/**
	 * Monotonic nanoseconds: the wall clock may be moved (tests, NTP), a bucket must not
	 * be.
	 */
	private final LongSupplier nanoTime;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	ClientBuckets(int burst, Duration refillTime, int maxClients, LongSupplier nanoTime) {
		this.burst = burst;
		this.refillNanos = Math.max(1, refillTime.toNanos());
		this.maxClients = maxClients;
		this.nanoTime = nanoTime;
	}

	/**
	 * Takes a token for the client: zero when there was one, else how long until the next
	 * one.
	 */
	Duration take(String client) {
		long now = nanoTime.getAsLong();
		if (buckets.size() >= maxClients && !buckets.containsKey(client)) {
			forgetIdle(now);
		}
		Bucket bucket = buckets.computeIfAbsent(client, key -> new Bucket(now - burst * refillNanos));
		return bucket.take(now);
	}

	int tracked() {
		return buckets.size();
	}

	private void forgetIdle(long now) {
		buckets.values().removeIf(bucket -> bucket.full(now));
		if (buckets.size() >= maxClients) {
			// All busy: forgetting one lets it start over full, the lesser harm than
			// unbounded memory.
			buckets.keySet().stream().findAny().ifPresent(buckets::remove);
		}
	}

	/**
	 * The bucket as the moment it was (or would have been) empty: tokens = (now -
	 * emptyAt) / refill, capped at burst.
	 */
	private final class Bucket {

		private long emptyAt;

		Bucket(long emptyAt) {
			this.emptyAt = emptyAt;
		}

		synchronized Duration take(long now) {
			long fullAt = now - burst * refillNanos;
			if (emptyAt < fullAt) {
				emptyAt = fullAt;
			}
			if (now - emptyAt >= refillNanos) {
				emptyAt += refillNanos;
				return Duration.ZERO;
			}
			return Duration.ofNanos(refillNanos - (now - emptyAt));
		}

		synchronized boolean full(long now) {
			return now - emptyAt >= burst * refillNanos;
		}

	}

}
