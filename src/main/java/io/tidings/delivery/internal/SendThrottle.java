package io.tidings.delivery.internal;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.tidings.delivery.DeliveryProperties;

import org.springframework.stereotype.Component;

/**
 * This node's rate limits towards the SMTP relay: over all, and per recipient domain, so
 * a big journey does not trip a provider's throttle. With several nodes, each keeps its
 * own limits.
 */
@Component
class SendThrottle {

	/**
	 * Longer waits than this for a domain defer the mail instead of holding the worker.
	 */
	static final Duration MAX_DOMAIN_WAIT = Duration.ofSeconds(2);

	private final DeliveryProperties.RateLimits limits;

	private final RateLimiter overall;

	private final Map<String, RateLimiter> domains = new ConcurrentHashMap<>();

	SendThrottle(DeliveryProperties properties) {
		this.limits = properties.rateLimits();
		this.overall = limits.perSecond() > 0 ? new RateLimiter(limits.perSecond(), System::nanoTime) : null;
	}

	/**
	 * Takes a place for a mail to this address's domain.
	 * @return how long to wait before sending, or a negative duration whose magnitude
	 * says how long to defer the mail instead
	 */
	Duration reserveDomain(String recipient) {
		String domain = recipient.substring(recipient.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
		double rate = limits.forDomain(domain);
		if (rate <= 0) {
			return Duration.ZERO;
		}
		return domains.computeIfAbsent(domain, key -> new RateLimiter(rate, System::nanoTime)).reserve(MAX_DOMAIN_WAIT);
	}

	/** Blocks until the overall limit lets one more mail go. */
	void awaitOverall() throws InterruptedException {
		if (overall != null) {
			Duration wait = overall.reserve(Duration.ofDays(1));
			if (!wait.isZero()) {
				Thread.sleep(wait.toMillis(), wait.toNanosPart() % 1_000_000);
			}
		}
	}

}
