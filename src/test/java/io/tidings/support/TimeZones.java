package io.tidings.support;

import java.time.LocalTime;
import java.time.ZoneOffset;

public final class TimeZones {

	private TimeZones() {
	}

	/**
	 * A fixed-offset zone where the local hour is {@code hour} right now, for tests of
	 * rules about local time (quiet hours) that must not depend on when they run.
	 */
	public static String whereItIsNow(int hour) {
		int utcHour = LocalTime.now(ZoneOffset.UTC).getHour();
		for (int offset = -12; offset <= 14; offset++) {
			if (Math.floorMod(utcHour + offset, 24) == hour) {
				return offset == 0 ? "UTC" : "Etc/GMT" + (offset > 0 ? "-" : "+") + Math.abs(offset);
			}
		}
		throw new IllegalStateException("No zone where it is " + hour + " o'clock");
	}

}
