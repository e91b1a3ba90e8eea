package io.tidings.platform;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Work a node does on its own every so often (look for due triggers, decide A/B winners,
 * roll statistics up): one daemon thread, started and stopped with the application, a
 * fixed delay between the end of one run and the start of the next. A run that throws is
 * logged and the next one comes anyway.
 */
public abstract class PeriodicTask implements SmartLifecycle {

	private final String threadName;

	private final String what;

	private final Duration delay;

	private ScheduledExecutorService executor;

	/**
	 * @param threadName the thread's name, as thread dumps and logs show it
	 * @param what what a run does, for the log line of a failed one ("look for due
	 * triggers")
	 * @param delay the time between runs, and before the first
	 */
	protected PeriodicTask(String threadName, String what, Duration delay) {
		this.threadName = threadName;
		this.what = what;
		this.delay = delay;
	}

	/** One run. */
	protected abstract void runOnce();

	/** Whether the task runs at all on this node. */
	protected boolean enabled() {
		return true;
	}

	@Override
	public synchronized void start() {
		if (!enabled() || executor != null) {
			return;
		}
		executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, threadName);
			thread.setDaemon(true);
			return thread;
		});
		long millis = delay.toMillis();
		executor.scheduleWithFixedDelay(this::runGuarded, millis, millis, TimeUnit.MILLISECONDS);
	}

	private void runGuarded() {
		try {
			runOnce();
		}
		// Anything thrown out of a scheduled task would cancel all later runs.
		catch (RuntimeException ex) {
			LoggerFactory.getLogger(getClass())
				.warn("Could not {}, trying again in {}: {}", what, delay, ex.getMessage());
		}
	}

	@Override
	public synchronized void stop() {
		if (executor != null) {
			executor.shutdownNow();
			executor = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return executor != null;
	}

}
