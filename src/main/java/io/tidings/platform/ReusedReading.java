package io.tidings.platform;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A figure read from the database that every scrape and health probe may reuse for a
 * while, so that they cost the database little: the first call reads, later calls get the
 * same answer until {@code refresh} has passed.
 */
public final class ReusedReading<T> {

	private final Supplier<T> read;

	private final long refreshNanos;

	private T last;

	private long readAtNanos;

	public ReusedReading(Supplier<T> read, Duration refresh) {
		this.read = read;
		this.refreshNanos = refresh.toNanos();
	}

	public synchronized T get() {
		if (last == null || System.nanoTime() - readAtNanos >= refreshNanos) {
			last = read.get();
			readAtNanos = System.nanoTime();
		}
		return last;
	}

}
