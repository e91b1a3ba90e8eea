package io.tidings.delivery.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.tidings.consent.EmailCategory;
import io.tidings.delivery.DeliveryProperties;
import io.tidings.support.MovableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A worker asks suppression and consent once for its batch, and again for the rest of the
 * batch whenever the answer it holds has grown older than
 * {@link DeliveryWorkers#CHECKS_VALID_FOR}, so a slow batch still honours an unsubscribe
 * within that time.
 */
class DeliveryWorkersTest {

	private final MovableClock clock = new MovableClock(Instant.parse("2026-11-24T10:00:00Z"));

	// No worker threads: the test drives runOnce itself.
	private final DeliveryProperties properties = new DeliveryProperties("hello@shop.example", null, 0, 5,
			Duration.ofSeconds(1), Duration.ofMinutes(2), 3, Duration.ofSeconds(30), null, null, null, 50);

	private final List<ClaimedDelivery> batch = IntStream.range(0, 5)
		.mapToObj(i -> new ClaimedDelivery("d-" + i, "<d-" + i + "@test>", "c-" + i, EmailCategory.MARKETING, null,
				"c-" + i + "@example.com", null, null, "Hi", "<p>Hi</p>", "Hi", 1, clock.instant(), null))
		.toList();

	private final List<List<String>> asked = new ArrayList<>();

	private final List<String> handled = new ArrayList<>();

	@Test
	void theRestOfABatchIsCheckedAgainOnceTheAnswerIsOlderThanItMayBe() throws Exception {
		// Each mail takes 0.6 s on the wire: the answer is too old for the third and the
		// fifth.
		workers(Duration.ofMillis(600)).runOnce("w-1", null);

		assertThat(handled).containsExactly("d-0", "d-1", "d-2", "d-3", "d-4");
		assertThat(asked).containsExactly(List.of("d-0", "d-1", "d-2", "d-3", "d-4"), List.of("d-2", "d-3", "d-4"),
				List.of("d-4"));
	}

	@Test
	void aFastBatchIsCheckedOnce() throws Exception {
		workers(Duration.ofMillis(10)).runOnce("w-1", null);

		assertThat(asked).hasSize(1);
		assertThat(handled).hasSize(5);
	}

	private DeliveryWorkers workers(Duration perMail) {
		DeliveryStore store = new DeliveryStore(null, clock) {
			@Override
			public List<ClaimedDelivery> claim(String workerId, int batchSize, Duration lease) {
				return batch;
			}
		};
		SendPolicy policy = new SendPolicy(null, null, store, properties, clock) {
			@Override
			Checks check(List<ClaimedDelivery> deliveries) {
				asked.add(deliveries.stream().map(ClaimedDelivery::id).toList());
				return new Checks(Map.of(), clock.instant());
			}
		};
		DeliveryAttempt attempt = new DeliveryAttempt(store, policy, null, null, null, properties, clock, null) {
			@Override
			Duration handle(String workerId, SmtpConnection connection, ClaimedDelivery delivery,
					SendPolicy.Checks checks) {
				handled.add(delivery.id());
				clock.advance(perMail);
				return Duration.ZERO;
			}
		};
		DeliveryWorkers workers = new DeliveryWorkers(store, attempt, policy, null, properties, null,
				new OutcomeReporter(null, null, null, properties, clock), clock);
		workers.start();
		return workers;
	}

}
