package io.tidings.delivery.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimiterTest {

	final AtomicLong nanos = new AtomicLong();

	@Test
	void aBurstOfOneSecondGoesAtOnceThenTheRateHolds() {
		RateLimiter limiter = new RateLimiter(4, nanos::get);

		for (int i = 0; i < 4; i++) {
			assertThat(limiter.reserve(Duration.ZERO)).isZero();
		}
		assertThat(limiter.reserve(Duration.ofSeconds(1))).isEqualTo(Duration.ofMillis(250));
		assertThat(limiter.reserve(Duration.ofSeconds(1))).isEqualTo(Duration.ofMillis(500));
	}

	@Test
	void aWaitLongerThanAllowedTakesNoTokenAndSaysWhenOneIsFree() {
		RateLimiter limiter = new RateLimiter(2, nanos::get);
		limiter.reserve(Duration.ZERO);
		limiter.reserve(Duration.ZERO);

		assertThat(limiter.reserve(Duration.ofMillis(100))).isEqualTo(Duration.ofMillis(-500));
		nanos.addAndGet(Duration.ofMillis(500).toNanos());
		assertThat(limiter.reserve(Duration.ZERO)).isZero();
	}

	@Test
	void slowRatesRefillOverTime() {
		RateLimiter limiter = new RateLimiter(0.5, nanos::get);
		assertThat(limiter.reserve(Duration.ZERO)).isZero();
		assertThat(limiter.reserve(Duration.ZERO)).isEqualTo(Duration.ofSeconds(-2));
		nanos.addAndGet(Duration.ofSeconds(2).toNanos());
		assertThat(limiter.reserve(Duration.ZERO)).isZero();
	}

}
