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

		String figures = SendTimeSimulation.describe().apply(result);
		assertThat(result.bestWithinDay()).as(figures).isGreaterThan(result.fixed() * 1.10);
		assertThat(result.expectedUplift()).as(figures).isGreaterThan(0.10);
		assertThat(result.ceilingWithinDay()).as(figures).isGreaterThan(result.bestWithinDay());
	}

}
