package io.tidings.sendtime.internal;

import io.tidings.sendtime.internal.SyntheticAudience.Scenario;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The send-time model against synthetic contacts with known habits (seeded, so the same
 * every run). bench/send-time/run.sh runs it at full size and prints the figures.
 */
class SendTimeSimulationTest {

	@Test
	void learntSendTimesAreOpenedMoreOftenThanTheFixedTime() {
		SendTimeSimulation.Result result = SendTimeSimulation.run(42, 2000, Scenario.VARIED_PAST_SENDS);

		assertThat(result.bestWithinDay()).as(SendTimeSimulation.describe().apply(result))
			.isGreaterThan(result.fixed() * 1.10);
		assertThat(result.ceilingWithinDay()).isGreaterThan(result.bestWithinDay());
	}

	@Test
	void whenNobodyHasHabitsNoSendTimeIsBetter() {
		SendTimeSimulation.Result result = SendTimeSimulation.run(42, 2000, Scenario.NO_HABITS);

		assertThat(result.bestWithinDay() / result.fixed() - 1).as(SendTimeSimulation.describe().apply(result))
			.isBetween(-0.05, 0.05);
	}

}
