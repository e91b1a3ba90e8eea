package io.tidings.experiment.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TwoProportionTestTest {

	@Test
	void theNormalTailMatchesTheTablesQuantiles() {
		assertThat(2 * TwoProportionTest.upperTail(1.959963984540054)).isCloseTo(0.05, within(1e-12));
		assertThat(2 * TwoProportionTest.upperTail(2.5758293035489)).isCloseTo(0.01, within(1e-12));
		assertThat(TwoProportionTest.upperTail(1.6448536269514722)).isCloseTo(0.05, within(1e-12));
		assertThat(TwoProportionTest.upperTail(0)).isEqualTo(0.5);
		// 1 - Phi(10) = 7.6198530241605e-24, from the tables' tail values.
		assertThat(TwoProportionTest.upperTail(10) / 7.6198530241605e-24).isCloseTo(1, within(1e-3));
	}

	/**
	 * The Physicians' Health Study (Agresti, An Introduction to Categorical Data
	 * Analysis, 2nd ed., section 2.4): heart attacks in 189 of 11,034 on placebo and 104
	 * of 11,037 on aspirin; Pearson's X^2 = 25.01, which is z^2 for the pooled test.
	 */
	@Test
	void theAspirinStudyGivesTheTextbooksChiSquared() {
		TwoProportionTest.Comparison aspirin = TwoProportionTest.compare(11_034, 189, 11_037, 104);

		assertThat(aspirin.difference()).isCloseTo(104 / 11_037.0 - 189 / 11_034.0, within(1e-15));
		assertThat(aspirin.z() * aspirin.z()).isCloseTo(25.01, within(0.005));
		assertThat(aspirin.z()).isCloseTo(-5.0014, within(1e-4));
		assertThat(aspirin.p()).isCloseTo(5.6919e-7, within(1e-10));
		assertThat(aspirin.significantAt(0.99)).isTrue();
	}

	@Test
	void tenAgainstThirteenPercentOfAThousandIsSignificantAt95ButNot99() {
		TwoProportionTest.Comparison test = TwoProportionTest.compare(1000, 100, 1000, 130);

		assertThat(test.difference()).isCloseTo(0.03, within(1e-12));
		assertThat(test.z()).isCloseTo(2.10274, within(1e-5));
		assertThat(test.p()).isCloseTo(0.035488, within(1e-6));
		assertThat(test.significantAt(0.95)).isTrue();
		assertThat(test.significantAt(0.99)).isFalse();
	}

	@Test
	void equalRatesOrNoSuccessesAtAllShowNoDifference() {
		assertThat(TwoProportionTest.compare(500, 50, 500, 50).p()).isEqualTo(1);
		assertThat(TwoProportionTest.compare(500, 0, 300, 0).z()).isZero();
		assertThat(TwoProportionTest.compare(500, 0, 300, 0).p()).isEqualTo(1);
		assertThatThrownBy(() -> TwoProportionTest.compare(0, 0, 10, 1)).isInstanceOf(IllegalArgumentException.class);
	}

}
