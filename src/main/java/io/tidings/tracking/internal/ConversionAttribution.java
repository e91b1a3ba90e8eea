package io.tidings.tracking.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import io.tidings.contact.Contacts;
import io.tidings.event.EventAccepted;
import io.tidings.tracking.TrackingProperties;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records an event of a conversion name (tidings.tracking.conversions.events) in the
 * transaction that accepts it, attributed to the contact's last human click within the
 * window: that mail, its journey and its step earn the conversion and its revenue. A
 * conversion with no such click is kept without attribution. Revenue that is no number
 * (or too large) and a currency that is no three-letter code are left out rather than
 * refused: the shop's event matters more than its figure.
 */
@Component
class ConversionAttribution {

	private static final Pattern CURRENCY = Pattern.compile("[A-Za-z]{3}");

	private static final BigDecimal MAX_REVENUE = new BigDecimal("1E15");

	private final TrackingStore store;

	private final Contacts contacts;

	private final TrackingProperties.Conversions settings;

	ConversionAttribution(TrackingStore store, Contacts contacts, TrackingProperties properties) {
		this.store = store;
		this.contacts = contacts;
		this.settings = properties.conversions();
	}

	@EventListener
	void on(EventAccepted event) {
		if (!settings.events().contains(event.name())) {
			return;
		}
		TrackingStore.Click click = store.lastHumanClick(event.contactId(), event.receivedAt().minus(settings.window()))
			.orElse(null);
		store.insertConversion(event.eventId(), event.name(), event.contactId(), revenue(event.data()),
				currency(event.data()), click, event.receivedAt());
		contacts.recordEngagement(event.contactId(), event.receivedAt());
	}

	BigDecimal revenue(Map<String, Object> data) {
		for (String field : settings.revenueFields()) {
			Object value = data.get(field);
			if (value != null) {
				return amount(value);
			}
		}
		return null;
	}

	private static BigDecimal amount(Object value) {
		BigDecimal amount;
		try {
			amount = value instanceof Number number ? new BigDecimal(number.toString())
					: value instanceof String text ? new BigDecimal(text.strip()) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
		if (amount == null || amount.abs().compareTo(MAX_REVENUE) >= 0) {
			return null;
		}
		return amount.setScale(4, RoundingMode.HALF_UP);
	}

	static String currency(Map<String, Object> data) {
		return data.get("currency") instanceof String code && CURRENCY.matcher(code.strip()).matches()
				? code.strip().toUpperCase(Locale.ROOT) : null;
	}

}
