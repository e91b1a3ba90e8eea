package io.tidings.journey.internal;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Date;

import io.tidings.sendtime.SendTimes;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;

import org.springframework.stereotype.Component;

/**
 * "Wait until the best send time": a timer's date, {@code ${sendTime.best(execution,
 * 'PT24H')}}, at the contact's most engaged hour within the given ISO 8601 delay, never
 * later; now when that hour has come.
 */
@Component("sendTime")
public class SendTimeExpressions {

	private final SendTimes sendTimes;

	SendTimeExpressions(SendTimes sendTimes) {
		this.sendTimes = sendTimes;
	}

	/**
	 * @throws IllegalStateException when the delay is no ISO 8601 duration or the journey
	 * has no contact: a mistake in the diagram, which must show as an incident
	 */
	public Date best(DelegateExecution execution, String maxDelay) {
		String contactId = execution.getProcessBusinessKey();
		if (contactId == null) {
			throw new IllegalStateException("Step '" + execution.getCurrentActivityId()
					+ "' waits for the contact's best send time, but the journey has no business key, so no contact");
		}
		return Date.from(sendTimes.best(contactId, ClockUtil.getCurrentTime().toInstant(), parse(maxDelay)));
	}

	private static Duration parse(String maxDelay) {
		try {
			return Duration.parse(maxDelay);
		}
		catch (DateTimeParseException | NullPointerException ex) {
			throw new IllegalStateException(
					"The longest wait for the best send time must be an ISO 8601 duration such as PT24H or P2D, not '"
							+ maxDelay + "'",
					ex);
		}
	}

}
