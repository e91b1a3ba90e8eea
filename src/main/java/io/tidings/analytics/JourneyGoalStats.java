package io.tidings.analytics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * How many contacts of a journey reached its goals ("Goal reached" steps): per goal, and
 * per send step whose mail was the last before the goal.
 */
public interface JourneyGoalStats {

	/**
	 * @param mails the journey's mail figures for the same period and version, whose
	 * delivered mails are the base of each step's goal rate
	 */
	Goals of(String journeyKey, Instant from, Instant to, Integer version, JourneyStats.Report mails);

	/**
	 * @param entered contacts that entered the journey in the period (instances started)
	 * @param reached contacts (instances) that reached at least one goal in the period
	 * @param exited of them, those a goal ended the journey for
	 * @param rate reached per entered, null when none entered
	 * @param value the goals' values added up
	 */
	record Goals(long entered, long reached, long exited, Double rate, BigDecimal value, List<Goal> goals,
			List<Step> steps) {
	}

	/** One goal: contacts that reached it, per entered contact. */
	record Goal(String goal, long reached, long exited, Double rate, BigDecimal value) {
	}

	/**
	 * Goals reached after this send step's mail was the contact's last; the rate is per
	 * mail of the step delivered.
	 */
	record Step(String stepId, String name, long reached, Double rate) {
	}

}
