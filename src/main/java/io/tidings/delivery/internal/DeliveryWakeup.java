package io.tidings.delivery.internal;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.stereotype.Component;

/**
 * Lets idle workers sleep until new rows are committed on this node or the poll interval
 * passes (rows committed on other nodes, retries coming due).
 */
@Component
class DeliveryWakeup {

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition signalled = lock.newCondition();

	private long generation;

	void signal() {
		lock.lock();
		try {
			generation++;
			signalled.signalAll();
		}
		finally {
			lock.unlock();
		}
	}

	long generation() {
		lock.lock();
		try {
			return generation;
		}
		finally {
			lock.unlock();
		}
	}

	/** Waits until a signal newer than {@code seen} or the timeout. */
	void awaitAfter(long seen, Duration timeout) throws InterruptedException {
		long nanos = timeout.toNanos();
		lock.lock();
		try {
			while (generation == seen && nanos > 0) {
				nanos = signalled.awaitNanos(nanos);
			}
		}
		finally {
			lock.unlock();
		}
	}

}
