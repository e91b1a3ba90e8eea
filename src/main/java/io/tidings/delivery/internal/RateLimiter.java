package io.tidings.delivery.internal;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A token bucket: {@code perSecond} mails a second on average, with bursts of up to one
 * second's worth.
 */
final class RateLimiter {

	private final double perSecond;

	private final double capacity;

	private final LongSupplier nanoClock;

	private double tokens;

	private long refilledAt;

	RateLimiter(double perSecond, LongSupplier nanoClock) {
		this.perSecond = perSecond;
		this.capacity = Math.max(1, perSecond);
		this.nanoClock = nanoClock;
		this.tokens = capacity;
		this.refilledAt = nanoClock.getAsLong();
	}

	/**
	 * Takes a token if one is free within {@code maxWait}.
	 * @return how long to wait before sending; negative when no token is taken, and then
	 * its magnitude says when one will be free
	 */
	synchronized Duration reserve(Duration maxWait) {
		long now = nanoClock.getAsLong();
		tokens = Math.min(capacity, tokens + (now - refilledAt) / 1e9 * perSecond);
		refilledAt = now;
		long waitNanos = tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / perSecond * 1e9);
		if (waitNanos > maxWait.toNanos()) {
			return Duration.ofNanos(-waitNanos);
		}
		tokens -= 1;
		return Duration.ofNanos(waitNanos);
	}

}
