package io.tidings.sendtime.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import io.tidings.contact.Contact;
import io.tidings.contact.Contacts;
import io.tidings.sendtime.EngagementHistory;
import io.tidings.sendtime.SendTimeProperties;
import io.tidings.sendtime.SendTimes;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Learns each contact's time from their opens and clicks. Without an
 * {@link EngagementHistory} (tracking not enabled) nobody has engaged, and every contact
 * gets the default hour in their own time zone.
 */
@Component
class ModelSendTimes implements SendTimes {

	private final Contacts contacts;

	private final EngagementHistory history;

	private final SendTimeProperties properties;

	private final SendTimeModel model;

	private final AudiencePattern audience;

	ModelSendTimes(Contacts contacts, ObjectProvider<EngagementHistory> history, SendTimeProperties properties) {
		this.contacts = contacts;
		this.history = history.getIfAvailable(() -> EngagementHistory.NONE);
		this.properties = properties;
		this.model = new SendTimeModel(properties);
		this.audience = new AudiencePattern(this.history, model, properties.lookback(), properties.audienceRefresh(),
				properties.defaultZone());
	}

	@Override
	public Instant best(String contactId, Instant now, Duration maxDelay) {
		ZoneId zone = Zones.resolve(contacts.find(contactId).map(Contact::timeZone).orElse(null),
				properties.defaultZone());
		List<Instant> own = history.humanEngagements(contactId, now.minus(properties.lookback()));
		return model.best(model.patternOf(own, zone, now), audience.asOf(now), zone, now, maxDelay);
	}

}
