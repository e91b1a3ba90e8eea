package io.tidings.tracking.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import io.tidings.tracking.TrackingProperties;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Tells a person's open or click from a machine's: Apple Mail Privacy Protection fetches
 * every image as the mail reaches the device, from Apple's proxies; security scanners
 * fetch images and follow links the moment the mail arrives. Such hits are kept but
 * flagged, and do not count as human opens, move journeys or the contact's last
 * engagement. The rule and its thresholds are {@link TrackingProperties.Machine}.
 */
@Component
class MachineEngagements {

	private final Duration window;

	private final List<IpRange> ranges;

	private final List<String> userAgents;

	@Autowired
	MachineEngagements(TrackingProperties properties) {
		this(properties.machine());
	}

	MachineEngagements(TrackingProperties.Machine machine) {
		this.window = machine.window();
		this.ranges = machine.ipRanges().stream().map(IpRange::parse).toList();
		this.userAgents = machine.userAgents()
			.stream()
			.map(agent -> agent.strip().toLowerCase(Locale.ROOT))
			.filter(agent -> !agent.isEmpty())
			.toList();
	}

	/**
	 * @param sentAt when the mail went out, or null if that is not known
	 */
	boolean isMachine(Instant sentAt, Instant at, String ip, String userAgent) {
		return soonAfterSending(sentAt, at) || fromProxyRange(ip) || scannerAgent(userAgent);
	}

	private boolean soonAfterSending(Instant sentAt, Instant at) {
		return sentAt != null && at.isBefore(sentAt.plus(window));
	}

	private boolean fromProxyRange(String ip) {
		return ip != null && ranges.stream().anyMatch(range -> range.contains(ip));
	}

	private boolean scannerAgent(String userAgent) {
		if (userAgent == null) {
			return false;
		}
		String agent = userAgent.toLowerCase(Locale.ROOT);
		return userAgents.stream().anyMatch(agent::contains);
	}

}
