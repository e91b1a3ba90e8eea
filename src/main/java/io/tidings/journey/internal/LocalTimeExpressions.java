package io.tidings.journey.internal;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import io.tidings.contact.Contact;
import io.tidings.contact.Contacts;
import io.tidings.journey.JourneyProperties;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;

import org.springframework.stereotype.Component;

/**
 * "Wait until local time": a timer's date, {@code ${localTime.next(execution, '09:00')}}
 * or {@code ${localTime.next(execution, '09:00', 'MONDAY')}}, the next time the clock
 * shows that time (on that day) in the contact's own time zone; now when it shows it.
 * Contacts without a valid zone, or no longer stored, get the configured default zone.
 */
@Component("localTime")
public class LocalTimeExpressions {

	private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");

	private final Contacts contacts;

	private final ZoneId defaultZone;

	LocalTimeExpressions(Contacts contacts, JourneyProperties properties) {
		this.contacts = contacts;
		this.defaultZone = properties.localTime().defaultZone();
	}

	/**
	 * @throws IllegalStateException when the time is no HH:mm or the journey has no
	 * contact: a mistake in the diagram, which must show as an incident
	 */
	public Date next(DelegateExecution execution, String time) {
		return next(execution, time, Optional.empty());
	}

	/**
	 * @throws IllegalStateException also when the day is no day of the week such as
	 * MONDAY
	 */
	public Date next(DelegateExecution execution, String time, String dayOfWeek) {
		return next(execution, time, Optional.of(day(execution, dayOfWeek)));
	}

	private Date next(DelegateExecution execution, String time, Optional<DayOfWeek> day) {
		LocalTime at = time(execution, time);
		String contactId = execution.getProcessBusinessKey();
		if (contactId == null) {
			throw new IllegalStateException("Step '" + execution.getCurrentActivityId()
					+ "' waits until a local time, but the journey has no business key, so no contact");
		}
		ZoneId zone = contacts.find(contactId).map(Contact::timeZone).map(this::zone).orElse(defaultZone);
		return Date.from(LocalTimes.next(ClockUtil.getCurrentTime().toInstant(), zone, at, day));
	}

	private ZoneId zone(String timeZone) {
		try {
			return timeZone.isBlank() ? defaultZone : ZoneId.of(timeZone);
		}
		catch (DateTimeException ex) {
			return defaultZone;
		}
	}

	private static LocalTime time(DelegateExecution execution, String time) {
		if (time == null || !TIME.matcher(time).matches()) {
			throw new IllegalStateException("Step '" + execution.getCurrentActivityId() + "' waits until local time '"
					+ time + "', which is no time of day in the form HH:mm such as 09:00 or 18:30");
		}
		return LocalTime.parse(time);
	}

	private static DayOfWeek day(DelegateExecution execution, String dayOfWeek) {
		try {
			return DayOfWeek.valueOf(dayOfWeek.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw new IllegalStateException("Step '" + execution.getCurrentActivityId()
					+ "' waits until a local time on '" + dayOfWeek + "', which is no day of the week such as MONDAY",
					ex);
		}
	}

}
