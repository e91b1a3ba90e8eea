package io.tidings.journey.internal;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.tidings.contact.Segments;
import io.tidings.experiment.Experiment;
import io.tidings.experiment.Variants;
import io.tidings.sendtime.SendTimes;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.instance.StartEvent;

/**
 * The simulation's stand-ins for steps that would change something outside the journey
 * (consent, a webhook) or read the stored contact: they record what the real step would
 * do and change nothing. Each is registered under the real bean's name.
 */
public final class SimulatedSteps {

	private SimulatedSteps() {
	}

	/** {@code contacts.attribute(execution, name)} on the simulated contact. */
	public static final class ContactAttributes {

		public Object attribute(DelegateExecution execution, String name) {
			return SimulationRun.current().contact().attributes().get(name);
		}

	}

	/**
	 * {@code segments.contains(execution, key)}: the script's segments, else the real
	 * ones.
	 */
	public static final class SegmentMembership {

		private final Segments segments;

		SegmentMembership(Segments segments) {
			this.segments = segments;
		}

		public boolean contains(DelegateExecution execution, String segmentKey) {
			SimulationRun run = SimulationRun.current();
			Set<String> given = run.segments();
			return given != null ? given.contains(segmentKey) : segments.contains(run.contact().id(), segmentKey);
		}

	}

	public static final class OptIn {

		public void request(DelegateExecution execution) {
			execution.setVariable("confirmUrl", SimulatedSend.INERT_LINK + "confirm");
			SimulationRun.current()
				.record("STEP", execution.getCurrentActivityId(), execution.getCurrentActivityName(),
						"would hold the requested topics until the contact confirms");
		}

		public void expire(DelegateExecution execution) {
			SimulationRun.current()
				.record("STEP", execution.getCurrentActivityId(), execution.getCurrentActivityName(),
						"would record that no confirmation came");
		}

	}

	public static final class Sunset {

		public void unsubscribe(DelegateExecution execution) {
			SimulationRun.current()
				.record("STEP", execution.getCurrentActivityId(), execution.getCurrentActivityName(),
						"would unsubscribe the contact from all marketing mail (SUNSET)");
		}

	}

	/**
	 * {@code split.assign(...)}: the variant the contact would get, by the same
	 * deterministic pick, without recording an assignment (a decided winner is not
	 * consulted).
	 */
	public static final class Split {

		public String assign(DelegateExecution execution) {
			return assign(execution, StepInputs.requiredString(execution, "splitVariable"),
					StepInputs.requiredString(execution, "variants"));
		}

		public String assign(DelegateExecution execution, String variable, String variants) {
			String experiment = Experiment.idOf(JourneyKeys.of(execution), execution.getCurrentActivityId());
			String name = Variants.ofPaths(variants).pick(experiment, SimulationRun.current().contact().id()).name();
			execution.setVariable(variable, name);
			return name;
		}

	}

	/**
	 * {@code sendTime.best(...)}: the contact's best hour, seen from the simulated now.
	 */
	public static final class BestSendTime {

		private final SendTimes sendTimes;

		BestSendTime(SendTimes sendTimes) {
			this.sendTimes = sendTimes;
		}

		public Date best(DelegateExecution execution, String maxDelay) {
			SimulationRun run = SimulationRun.current();
			return Date.from(sendTimes.best(run.contact().id(), run.now(), Duration.parse(maxDelay)));
		}

	}

	/** {@code localTime.next(...)}: the next such local time after the simulated now. */
	public static final class LocalTimeOfContact {

		private final ZoneId defaultZone;

		LocalTimeOfContact(ZoneId defaultZone) {
			this.defaultZone = defaultZone;
		}

		public Date next(DelegateExecution execution, String time) {
			return next(execution, time, null);
		}

		public Date next(DelegateExecution execution, String time, String dayOfWeek) {
			SimulationRun run = SimulationRun.current();
			Optional<DayOfWeek> day = dayOfWeek == null ? Optional.empty()
					: Optional.of(DayOfWeek.valueOf(dayOfWeek.strip().toUpperCase(Locale.ROOT)));
			return Date.from(LocalTimes.next(run.now(), zoneOf(run.contact().timeZone()), LocalTime.parse(time), day));
		}

		private ZoneId zoneOf(String timeZone) {
			try {
				return timeZone == null || timeZone.isBlank() ? defaultZone : ZoneId.of(timeZone);
			}
			catch (DateTimeException ex) {
				return defaultZone;
			}
		}

	}

	/**
	 * {@code ${goalReached}}: whether the event counts as the goal and what follows, as a
	 * {@code GOAL} entry; nothing is recorded.
	 */
	public static final class Goal implements JavaDelegate {

		@Override
		public void execute(DelegateExecution execution) {
			String goal = StepInputs.requiredString(execution, "goal").strip();
			Object condition = execution.getVariableLocal("condition");
			boolean met = GoalCondition.holds(execution, condition);
			execution.setVariable("goalMet", met);
			StartEvent event = GoalSteps.goalEvent(execution);
			String detail;
			if (!met) {
				detail = "'" + GoalSteps.messageName(event) + "' does not meet the condition of goal '" + goal + "' ("
						+ condition + "): not counted" + (event.isInterrupting() ? "; the journey ends" : "");
			}
			else {
				BigDecimal value = GoalReachedStep.value(execution);
				detail = "goal '" + goal + "' reached on " + GoalSteps.messageName(event)
						+ (value == null ? "" : " (value " + value.toPlainString() + ")") + (event.isInterrupting()
								? ": the contact exits the journey" : ": recorded, the journey goes on");
			}
			SimulationRun.current()
				.record("GOAL", execution.getCurrentActivityId(), execution.getCurrentActivityName(), detail);
		}

	}

	public static final class Webhook implements JavaDelegate {

		@Override
		public void execute(DelegateExecution execution) {
			String event = StepInputs.requiredString(execution, "event");
			execution.setVariable("webhookStatus", "SIMULATED");
			SimulationRun.current()
				.record("STEP", execution.getCurrentActivityId(), execution.getCurrentActivityName(),
						"would POST the event '" + event + "' to the webhook");
		}

	}

}
