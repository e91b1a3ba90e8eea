package io.tidings.sendtime;

import java.time.Duration;
import java.time.Instant;

/**
 * The send-time module's public face: when, within a journey's patience, a mail is most
 * likely to be opened by its contact.
 */
public interface SendTimes {

	/**
	 * The best moment to send the contact a mail that is ready at {@code now}: the
	 * contact's most engaged hour of the week within {@code maxDelay}, never later. It is
	 * {@code now} itself when the best hour has begun or is only moments away.
	 */
	Instant best(String contactId, Instant now, Duration maxDelay);

}
