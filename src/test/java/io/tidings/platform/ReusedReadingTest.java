package io.tidings.platform;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReusedReadingTest {

	private final AtomicInteger reads = new AtomicInteger();

	@Test
	void answersFromTheFirstReadUntilTheRefreshHasPassed() {
		ReusedReading<Integer> reading = new ReusedReading<>(reads::incrementAndGet, Duration.ofDays(1));

		assertThat(reading.get()).isEqualTo(1);
		assertThat(reading.get()).isEqualTo(1);
		assertThat(reads).hasValue(1);
	}

	@Test
	void readsEveryTimeWithoutARefreshTime() {
		ReusedReading<Integer> reading = new ReusedReading<>(reads::incrementAndGet, Duration.ZERO);

		assertThat(reading.get()).isEqualTo(1);
		assertThat(reading.get()).isEqualTo(2);
	}

}
