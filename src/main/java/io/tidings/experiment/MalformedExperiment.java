package io.tidings.experiment;

/** A step's experiment settings (variants, metric, auto-winner) cannot be read. */
public class MalformedExperiment extends IllegalArgumentException {

	public MalformedExperiment(String message) {
		super(message);
	}

}
