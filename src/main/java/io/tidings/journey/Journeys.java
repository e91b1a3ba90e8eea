package io.tidings.journey;

/**
 * The journey module's public face for events coming in.
 */
public interface Journeys {

	/** The journey variable that holds the correlation key a journey was started with. */
	String CORRELATION_KEY = "correlationKey";

	/**
	 * In the caller's transaction: continues the contact's running journeys that wait for
	 * a message of this name, then starts every deployed journey whose message start
	 * event has this name (business key = contact id).
	 */
	JourneyDispatch dispatch(JourneyMessage message);

}
