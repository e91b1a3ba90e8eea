package io.tidings.experiment.internal;

/**
 * The pooled two-proportion z-test: does a variant's rate differ from the control's by
 * more than chance explains? {@code z = (p2 - p1) / sqrt(p (1 - p) (1/n1 + 1/n2))} with p
 * the pooled rate; the p-value is two-sided, from the standard normal distribution. Valid
 * when each sample has at least some ten successes and ten failures, which the
 * auto-winner's minimum sample should ensure.
 */
final class TwoProportionTest {

	private TwoProportionTest() {
	}

	/**
	 * @param difference the variant's rate minus the control's
	 * @param z positive when the variant does better
	 * @param p the two-sided p-value
	 */
	record Comparison(double difference, double z, double p) {

		boolean significantAt(double confidence) {
			return p < 1 - confidence;
		}

	}

	/**
	 * @throws IllegalArgumentException for an empty sample, about which nothing can be
	 * said
	 */
	static Comparison compare(long controlSample, long controlSuccesses, long sample, long successes) {
		if (controlSample <= 0 || sample <= 0) {
			throw new IllegalArgumentException("Both samples must have members");
		}
		double controlRate = (double) controlSuccesses / controlSample;
		double rate = (double) successes / sample;
		double pooled = (double) (controlSuccesses + successes) / (controlSample + sample);
		double standardError = Math.sqrt(pooled * (1 - pooled) * (1.0 / controlSample + 1.0 / sample));
		if (standardError == 0) {
			// All succeeded or none did in both: no evidence of any difference.
			return new Comparison(rate - controlRate, 0, 1);
		}
		double z = (rate - controlRate) / standardError;
		return new Comparison(rate - controlRate, z, 2 * upperTail(Math.abs(z)));
	}

	/**
	 * P(Z > x) for a standard normal Z and x >= 0: Marsaglia's Taylor series of Phi (J.
	 * Stat. Software 11(4), 2004), about 15 digits; beyond 8 its asymptotic series, where
	 * the p-value is below 1e-15 anyway.
	 */
	static double upperTail(double x) {
		if (x > 8) {
			double density = Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI);
			double inverseSquare = 1 / (x * x);
			return density / x * (1 - inverseSquare + 3 * inverseSquare * inverseSquare);
		}
		double sum = x;
		double term = x;
		double previous = 0;
		for (int i = 1; sum != previous; i += 2) {
			previous = sum;
			term *= x * x / (i + 2);
			sum += term;
		}
		return 0.5 - sum * Math.exp(-0.5 * x * x - 0.91893853320467274178);
	}

}
