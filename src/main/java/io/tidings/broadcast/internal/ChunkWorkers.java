package io.tidings.broadcast.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Hands the members of one chunk to a few threads at once: each member is a transaction
 * of its own that spends most of its time waiting for the database, so one thread left
 * the cores idle (bench/perf). Members of a chunk are distinct contacts, so their order
 * does not matter. The broadcast's rate holds for all threads together: every start takes
 * its own time slot, {@code 1 s / perSecond} after the one before, and a member that was
 * skipped hands its unused slot on to the next member of the same thread.
 */
class ChunkWorkers implements AutoCloseable {

	private final int workers;

	private final ExecutorService pool;

	ChunkWorkers(int workers) {
		this.workers = workers;
		AtomicInteger number = new AtomicInteger();
		this.pool = Executors.newFixedThreadPool(workers, task -> {
			Thread thread = new Thread(task, "broadcasts-" + number.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * Runs {@code start} (true: the journey was started) for every member and returns
	 * once all are done; the first failure is thrown after the others have finished.
	 */
	void run(List<String> members, Pacer pacer, Predicate<String> start) throws InterruptedException {
		AtomicInteger nextMember = new AtomicInteger();
		List<Future<?>> running = new ArrayList<>();
		for (int w = 0; w < Math.min(workers, members.size()); w++) {
			running.add(pool.submit(() -> {
				// System.nanoTime() may be negative: no sentinel value for "no slot".
				boolean holdsSlot = false;
				long slot = 0;
				for (int i = nextMember.getAndIncrement(); i < members.size(); i = nextMember.getAndIncrement()) {
					if (!holdsSlot) {
						slot = pacer.claim();
						holdsSlot = true;
					}
					pacer.sleepUntil(slot);
					if (start.test(members.get(i))) {
						holdsSlot = false;
					}
				}
				return null;
			}));
		}
		Throwable failure = null;
		for (Future<?> future : running) {
			try {
				future.get();
			}
			catch (ExecutionException ex) {
				failure = failure != null ? failure : ex.getCause();
			}
		}
		if (failure instanceof InterruptedException interrupted) {
			throw interrupted;
		}
		if (failure instanceof RuntimeException runtime) {
			throw runtime;
		}
		if (failure instanceof Error error) {
			throw error;
		}
	}

	@Override
	public void close() {
		pool.shutdownNow();
	}

	/** Time slots for starts, {@code pauseNanos} apart, shared by the threads. */
	static final class Pacer {

		private final long pauseNanos;

		private final AtomicLong next = new AtomicLong(System.nanoTime());

		Pacer(long pauseNanos) {
			this.pauseNanos = pauseNanos;
		}

		/** The next free slot: now, or a pause after the last one taken. */
		long claim() {
			long now = System.nanoTime();
			return next.updateAndGet(taken -> (taken - now < 0 ? now : taken) + pauseNanos) - pauseNanos;
		}

		void sleepUntil(long slot) throws InterruptedException {
			long wait = slot - System.nanoTime();
			if (wait > 0) {
				Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
			}
		}

	}

}
