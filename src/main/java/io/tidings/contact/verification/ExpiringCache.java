package io.tidings.contact.verification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small cache whose entries expire, each after its own time to live, and which forgets
 * the least recently used entry when full. Lookups are short, so one lock is enough.
 */
final class ExpiringCache<K, V> {

	private record Entry<V>(V value, Instant expiresAt) {
	}

	private final Clock clock;

	private final Map<K, Entry<V>> entries;

	ExpiringCache(int maxSize, Clock clock) {
		this.clock = clock;
		this.entries = new LinkedHashMap<>(16, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<K, Entry<V>> eldest) {
				return size() > maxSize;
			}

		};
	}

	/** The value, or null when there is none or it has expired. */
	synchronized V get(K key) {
		Entry<V> entry = entries.get(key);
		if (entry == null) {
			return null;
		}
		if (!clock.instant().isBefore(entry.expiresAt())) {
			entries.remove(key);
			return null;
		}
		return entry.value();
	}

	synchronized void put(K key, V value, Duration timeToLive) {
		if (timeToLive.isZero()) {
			return;
		}
		entries.put(key, new Entry<>(value, clock.instant().plus(timeToLive)));
	}

	synchronized int size() {
		return entries.size();
	}

}
