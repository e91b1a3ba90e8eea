package io.tidings.contact.verification;

import java.time.Duration;
import java.time.Instant;

import io.tidings.support.MovableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExpiringCacheTest {

	final MovableClock clock = new MovableClock(Instant.parse("2026-05-04T10:00:00Z"));

	@Test
	void eachEntryExpiresAfterItsOwnTimeToLive() {
		ExpiringCache<String, String> cache = new ExpiringCache<>(10, clock);
		cache.put("short", "a", Duration.ofMinutes(1));
		cache.put("long", "b", Duration.ofHours(1));
		clock.advance(Duration.ofMinutes(1));
		assertThat(cache.get("short")).isNull();
		assertThat(cache.get("long")).isEqualTo("b");
		assertThat(cache.size()).isEqualTo(1);
	}

	@Test
	void fullCacheForgetsTheLeastRecentlyUsedEntry() {
		ExpiringCache<String, String> cache = new ExpiringCache<>(2, clock);
		cache.put("a", "1", Duration.ofHours(1));
		cache.put("b", "2", Duration.ofHours(1));
		cache.get("a");
		cache.put("c", "3", Duration.ofHours(1));
		assertThat(cache.get("b")).isNull();
		assertThat(cache.get("a")).isEqualTo("1");
		assertThat(cache.get("c")).isEqualTo("3");
	}

	@Test
	void sizeZeroOrNoTimeToLiveKeepsNothing() {
		ExpiringCache<String, String> off = new ExpiringCache<>(0, clock);
		off.put("a", "1", Duration.ofHours(1));
		assertThat(off.get("a")).isNull();
		ExpiringCache<String, String> cache = new ExpiringCache<>(10, clock);
		cache.put("a", "1", Duration.ZERO);
		assertThat(cache.size()).isZero();
	}

}
