package io.tidings.experiment;

import java.util.Map;

/**
 * Where results come from: per variant of an experiment, how many were measured and how
 * many of them succeeded on a metric. For a send step's variants the sample is the mails
 * delivered; for a split's paths it is the contacts assigned. Engagement tracking
 * provides it; without an implementation the results show assignments only.
 */
public interface VariantOutcomes {

	/** Each variant's outcome by variant name; a variant without any is missing. */
	Map<String, Outcome> of(Experiment experiment, Metric metric);

	/**
	 * @param sample mails delivered (send step) or contacts assigned (split)
	 * @param successes how many of them opened, clicked or converted
	 */
	record Outcome(long sample, long successes) {

		public Outcome {
			if (sample < 0 || successes < 0 || successes > sample) {
				throw new IllegalArgumentException(
						"An outcome needs 0 <= successes <= sample, not " + successes + " of " + sample);
			}
		}

	}

}
