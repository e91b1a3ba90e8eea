package io.tidings.journey;

import java.util.List;
import java.util.Map;

/**
 * The journey module's public face for events coming in.
 */
public interface Journeys {

	/** The journey variable that holds the correlation key a journey was started with. */
	String CORRELATION_KEY = "correlationKey";

	/**
	 * In the caller's transaction: continues the contact's running journeys that wait for
	 * a message of this name, then starts every deployed journey whose message start
	 * event has this name (business key = contact id), unless {@code mayStart} is false,
	 * when they are only counted as skipped.
	 */
	JourneyDispatch dispatch(JourneyMessage message, boolean mayStart);

	/**
	 * The deployed journeys that start at a message start event named {@code trigger}, or
	 * {@code trigger.<suffix>} (Camunda lets one process only start at a given message
	 * name, so a second birthday journey is {@code BirthdayReached.coupon}).
	 */
	List<JourneyTrigger> triggeredBy(String trigger);

	/**
	 * Starts that one journey for the contact at its message start event, in the caller's
	 * transaction.
	 */
	void start(JourneyTrigger trigger, String contactId, Map<String, Object> variables);

	/** Whether the contact is in a running instance of the journey. */
	boolean isRunning(String journeyKey, String contactId);

	/**
	 * Whether the journey (its latest version) sends marketing mail and so ends when its
	 * contact unsubscribes.
	 */
	boolean sendsMarketing(String journeyKey);

	/**
	 * In the caller's transaction: hands the message to that one journey instance if it
	 * waits for a message of this name (a catch or boundary event, an event sub-process).
	 * An instance that does not wait for it, or has ended, ignores it.
	 * @return whether the instance was waiting for it
	 */
	boolean notifyInstance(String journeyInstanceId, String messageName, Map<String, Object> variables);

}
