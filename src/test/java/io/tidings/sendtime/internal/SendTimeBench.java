package io.tidings.sendtime.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

import io.tidings.sendtime.internal.SendTimeSimulation.Result;
import io.tidings.sendtime.internal.SyntheticAudience.Scenario;
import org.junit.jupiter.api.Test;

/**
 * Not a test: runs the send-time simulation at full size for several seeds and prints
 * mean and standard deviation. Run with {@code bench/send-time/run.sh}
 * ({@code -Dbench.contacts=10000 -Dbench.runs=5 -Dbench.seed=42}).
 */
class SendTimeBench {

	static final int CONTACTS = Integer.getInteger("bench.contacts", 10_000);

	static final int RUNS = Integer.getInteger("bench.runs", 5);

	static final long SEED = Long.getLong("bench.seed", 42);

	@Test
	void openRatesOfFixedAndLearntSendTimes() {
		for (Scenario scenario : List.of(Scenario.VARIED_PAST_SENDS, Scenario.CAMPAIGN_PAST_SENDS,
				Scenario.NO_HABITS)) {
			List<Result> results = new ArrayList<>();
			for (int run = 0; run < RUNS; run++) {
				Result result = SendTimeSimulation.run(SEED + run, CONTACTS, scenario);
				results.add(result);
				System.out.printf("[bench] %s, seed %d: %s, uplift %+.1f %%%n", scenario.name(), SEED + run,
						SendTimeSimulation.describe().apply(result), 100 * result.uplift());
			}
			System.out
				.printf("[bench] %s, %,d contacts x %d mails, %d seeds from %d: open rate fixed %s, best within 24 h %s,"
						+ " within 7 d %s, ceiling %s; uplift within 24 h %s (expected, without the luck of the draw: %s)%n",
						scenario.name(), CONTACTS, SendTimeSimulation.MAILS, RUNS, SEED,
						percent(results, Result::fixed), percent(results, Result::bestWithinDay),
						percent(results, Result::bestWithinWeek), percent(results, Result::ceilingWithinDay),
						percent(results, Result::uplift), percent(results, Result::expectedUplift));
		}
	}

	private static String percent(List<Result> results, ToDoubleFunction<Result> figure) {
		double[] values = results.stream().mapToDouble(figure).map(value -> 100 * value).toArray();
		double mean = Arrays.stream(values).average().orElseThrow();
		double variance = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum()
				/ Math.max(1, values.length - 1);
		return String.format("%.2f ± %.2f %%", mean, Math.sqrt(variance));
	}

}
