package io.tidings.experiment;

import java.util.List;

/** The experiment module's public face. */
public interface Experiments {

	/**
	 * The contact's variant, recorded in the caller's transaction with the experiment's
	 * latest definition: the one assigned before if any, else the auto-winner if one was
	 * decided, else one picked by weight from a hash of experiment and contact.
	 */
	Variant assign(Experiment experiment, String contactId);

	/** Every experiment that has assigned a contact, with its counts per variant. */
	List<ExperimentReport> list();

	/**
	 * The experiment's results on its own metric, or on another one.
	 * @param metric null: the experiment's own
	 * @throws UnknownExperiment when no step has used the id
	 */
	ExperimentReport report(String id, Metric metric);

	/**
	 * Decides the winner of every experiment with an auto-winner whose figures allow it.
	 * @return how many were decided
	 */
	int decideWinners();

}
