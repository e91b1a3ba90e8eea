package io.tidings.experiment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class VariantsTest {

	@Test
	void readsASendStepsVariantsWithTemplatesAndSubjects() {
		Variants variants = Variants
			.ofContent("A:welcome:60, B:welcome-short:30 ,C::10:\"Ann, your cart: still here\"");

		assertThat(variants.all()).containsExactly(new Variant("A", 60, "welcome", null),
				new Variant("B", 30, "welcome-short", null), new Variant("C", 10, null, "Ann, your cart: still here"));
		assertThat(variants.control().name()).isEqualTo("A");
		assertThat(Variants.ofContent(variants.toString())).isEqualTo(variants);
	}

	@Test
	void readsASplitsPaths() {
		Variants variants = Variants.ofPaths("early:50,late:50");

		assertThat(variants.all()).containsExactly(Variant.path("early", 50), Variant.path("late", 50));
		assertThat(variants.toString()).isEqualTo("early:50,late:50");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "A:welcome:100", "A:welcome:60,", "A:welcome:60,A:other:40", "A:welcome:0,B::1",
			"A:Welcome:50,B::50", "A:welcome:50;B::50", "A:welcome,B:other", "A:welcome:50,B::50:subject",
			"A:welcome:50,B::50:\"\"", "A B:welcome:50,C::50",
			"A::1,B::1,C::1,D::1,E::1,F::1,G::1,H::1,I::1,J::1,K::1" })
	void refusesWhatIsNoListOfTwoToTenNamedWeightedVariants(String text) {
		assertThatThrownBy(() -> Variants.ofContent(text)).isInstanceOf(MalformedExperiment.class);
	}

	@ParameterizedTest
	@ValueSource(strings = { "early:50", "early:50,late", "early:welcome:50,late:50", "early:50,early:50",
			"early:-1,late:50" })
	void refusesSplitsWithContentOrWithoutWeights(String text) {
		assertThatThrownBy(() -> Variants.ofPaths(text)).isInstanceOf(MalformedExperiment.class);
	}

	@Test
	void aContactGetsTheSameVariantEveryTime() {
		Variants variants = Variants.ofPaths("early:50,late:50");

		for (int contact = 0; contact < 100; contact++) {
			Variant first = variants.pick("cart.Split", "c-" + contact);
			assertThat(variants.pick("cart.Split", "c-" + contact)).isEqualTo(first);
			assertThat(Variants.ofPaths("early:50,late:50").pick("cart.Split", "c-" + contact)).isEqualTo(first);
		}
	}

	@Test
	void contactsAreSpreadByWeightWithinOnePercentagePointOver10000() {
		Variants variants = Variants.ofContent("A:welcome:60,B:welcome-short:30,C::10");
		Map<String, Integer> counts = new HashMap<>();
		for (int contact = 0; contact < 10_000; contact++) {
			counts.merge(variants.pick("welcome.SendWelcome", "contact-" + contact).name(), 1, Integer::sum);
		}

		// A binomial share's standard deviation over 10,000 is at most 0.5 points; 1.5
		// points is three of them.
		assertThat(counts.get("A") / 10_000.0).isCloseTo(0.60, within(0.015));
		assertThat(counts.get("B") / 10_000.0).isCloseTo(0.30, within(0.015));
		assertThat(counts.get("C") / 10_000.0).isCloseTo(0.10, within(0.015));
	}

	@Test
	void twoExperimentsSplitTheSameContactsIndependently() {
		Variants variants = Variants.ofPaths("x:50,y:50");
		int same = 0;
		for (int contact = 0; contact < 10_000; contact++) {
			String id = "contact-" + contact;
			same += variants.pick("one.Split", id).equals(variants.pick("two.Split", id)) ? 1 : 0;
		}

		assertThat(same / 10_000.0).isCloseTo(0.5, within(0.015));
	}

	@Test
	void aStepsInputsMakeAnExperimentNamedByJourneyAndStep() {
		Experiment experiment = Experiment.declared("cart", "Remind", Experiment.Kind.CONTENT, null,
				"A:cart-reminder:50,B:cart-reminder-short:50", "conversion", "500");

		assertThat(experiment.id()).isEqualTo("cart.Remind");
		assertThat(experiment.metric()).isEqualTo(Metric.CONVERSION);
		assertThat(experiment.autoWinnerAfter()).isEqualTo(500);
		assertThat(Experiment.declared("cart", "Remind", Experiment.Kind.PATH, "timing", "early:1,late:1", null, "")
			.metric()).isEqualTo(Metric.CLICK);
		for (List<String> bad : List.of(List.of("reads", ""), List.of("click", "0"), List.of("click", "many"))) {
			assertThatThrownBy(() -> Experiment.declared("cart", "Remind", Experiment.Kind.CONTENT, null, "A::1,B::1",
					bad.get(0), bad.get(1)))
				.isInstanceOf(MalformedExperiment.class);
		}
		assertThatThrownBy(
				() -> Experiment.declared("cart", "Split", Experiment.Kind.PATH, "1st", "a:1,b:1", null, null))
			.isInstanceOf(MalformedExperiment.class);
	}

}
