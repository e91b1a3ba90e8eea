package io.tidings.platform;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientBucketsTest {

	final AtomicLong now = new AtomicLong(1_000_000_000_000L);

	@Test
	void aClientMayMakeTheBurstAtOnceThenOneRequestPerRefill() {
		ClientBuckets buckets = new ClientBuckets(3, Duration.ofSeconds(2), 100, now::get);
		assertThat(buckets.take("a")).isZero();
		assertThat(buckets.take("a")).isZero();
		assertThat(buckets.take("a")).isZero();
		assertThat(buckets.take("a")).isEqualTo(Duration.ofSeconds(2));

		advance(Duration.ofMillis(1500));
		assertThat(buckets.take("a")).isEqualTo(Duration.ofMillis(500));
		advance(Duration.ofMillis(500));
		assertThat(buckets.take("a")).isZero();
		assertThat(buckets.take("a")).isEqualTo(Duration.ofSeconds(2));
	}

	@Test
	void eachAddressHasItsOwnBucketAndAnIdleOneRefillsOnlyToTheBurst() {
		ClientBuckets buckets = new ClientBuckets(2, Duration.ofSeconds(1), 100, now::get);
		buckets.take("a");
		buckets.take("a");
		assertThat(buckets.take("a")).isPositive();
		assertThat(buckets.take("b")).isZero();

		advance(Duration.ofHours(1));
		assertThat(buckets.take("a")).isZero();
		assertThat(buckets.take("a")).isZero();
		assertThat(buckets.take("a")).isPositive();
	}

	@Test
	void idleClientsAreForgottenWhenTooManyAreTracked() {
		ClientBuckets buckets = new ClientBuckets(1, Duration.ofSeconds(1), 100, now::get);
		for (int i = 0; i < 100; i++) {
			buckets.take("10.0.0." + i);
		}
		assertThat(buckets.tracked()).isEqualTo(100);
		advance(Duration.ofSeconds(1));
		assertThat(buckets.take("busy")).isZero();
		assertThat(buckets.tracked()).isEqualTo(1);

		// Even when none is idle, memory stays bounded.
		for (int i = 0; i < 300; i++) {
			buckets.take("192.0.2." + i);
		}
		assertThat(buckets.tracked()).isLessThanOrEqualTo(100);
	}

	private void advance(Duration duration) {
		now.addAndGet(duration.toNanos());
	}

}
