package io.tidings.experiment;

/** No journey step ever assigned a variant under this experiment id. */
public class UnknownExperiment extends RuntimeException {

	public UnknownExperiment(String id) {
		super("No experiment '" + id + "'; GET /api/experiments lists the experiments that have assigned contacts");
	}

}
