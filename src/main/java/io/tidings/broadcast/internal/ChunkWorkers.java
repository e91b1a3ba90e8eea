package io.tidings.broadcast.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToIntFunction;

/**
 * Hands the members of one chunk to a few threads at once, a group of members at a time:
 * each group is a transaction that spends most of its time waiting for the database, so
 * one thread left the cores idle (bench/perf). Members of a chunk are distinct contacts,
 * so their order does not matter. The broadcast's rate holds for all threads together:
 * every start takes its own time slot, {@code 1 s / perSecond} after the one before, a
 * group waits for the first of its slots, and the slots of members that were skipped are
 * handed on to the next group of the same thread.
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
	 * Runs {@code start} (returning how many of the group it started) for every group of
	 * up to {@code groupSize} members and returns once all are done; the first failure is
	 * thrown after the others have finished.
	 */
	void run(List<String> members, int groupSize, Pacer pacer, ToIntFunction<List<String>> start)
			throws InterruptedException {
		AtomicInteger nextMember = new AtomicInteger();
		List<Future<?>> running = new ArrayList<>();
		int groups = (members.size() + groupSize - 1) / groupSize;
		for (int w = 0; w < Math.min(workers, groups); w++) {
			running.add(pool.submit(() -> {
				int unusedSlots = 0;
				for (int i = nextMember.getAndAdd(groupSize); i < members.size(); i = nextMember.getAndAdd(groupSize)) {
					List<String> group = members.subList(i, Math.min(i + groupSize, members.size()));
					int needed = group.size() - unusedSlots;
					if (needed > 0) {
						pacer.sleepUntil(pacer.claim(needed));
					}
					unusedSlots = Math.max(0, -needed) + group.size() - start.applyAsInt(group);
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

		/**
		 * The first of {@code count} consecutive free slots: now, or a pause after the
		 * last one taken.
		 */
		long claim(int count) {
			long now = System.nanoTime();
			long span = pauseNanos * count;
			return next.updateAndGet(taken -> (taken - now < 0 ? now : taken) + span) - span;
		}

		void sleepUntil(long slot) throws InterruptedException {
			long wait = slot - System.nanoTime();
			if (wait > 0) {
				Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
			}
		}

	}

}
