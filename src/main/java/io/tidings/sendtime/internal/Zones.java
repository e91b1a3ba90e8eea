package io.tidings.sendtime.internal;

import java.time.DateTimeException;
import java.time.ZoneId;

/** A contact's stored time zone, or the configured default when it has none we know. */
final class Zones {

	private Zones() {
	}

	static ZoneId resolve(String timeZone, ZoneId fallback) {
		if (timeZone == null || timeZone.isBlank()) {
			return fallback;
		}
		try {
			return ZoneId.of(timeZone);
		}
		catch (DateTimeException ex) {
			return fallback;
		}
	}

}
