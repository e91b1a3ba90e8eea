package io.tidings.broadcast.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.tidings.broadcast.BroadcastProperties;
import io.tidings.broadcast.Broadcasts;
import io.tidings.contact.Segments;
import io.tidings.contact.UnknownSegment;
import io.tidings.journey.JourneyTrigger;
import io.tidings.journey.Journeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Works through running broadcasts: takes one under a lease, reads the segment's members
 * a chunk at a time from its cursor, starts the journey for each at the broadcast's rate
 * ({@link ChunkWorkers}: a few groups of members at once, each group one transaction),
 * and moves the cursor. A node that dies leaves its broadcast to another once the lease
 * ends; the members of the unfinished chunk are recognised and not started twice.
 */
@Component
public class BroadcastRunner implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(BroadcastRunner.class);

	private final BroadcastStore store;

	private final BroadcastRecipient recipient;

	private final Segments segments;

	private final Journeys journeys;

	private final BroadcastProperties properties;

	private final Clock clock;

	private final String node = UUID.randomUUID().toString().substring(0, 8);

	private final ChunkWorkers workers;

	private volatile boolean running;

	private Thread thread;

	BroadcastRunner(BroadcastStore store, BroadcastRecipient recipient, Segments segments, Journeys journeys,
			BroadcastProperties properties, Clock clock) {
		this.store = store;
		this.recipient = recipient;
		this.segments = segments;
		this.journeys = journeys;
		this.properties = properties;
		this.clock = clock;
		this.workers = new ChunkWorkers(properties.workers());
	}

	/**
	 * Takes one broadcast that needs work and runs it to its end (or until this node
	 * stops).
	 * @return whether there was one
	 */
	public boolean runOne() throws InterruptedException {
		Optional<BroadcastStore.Work> claimed = store.claim(node, clock.instant(),
				clock.instant().plus(properties.lease()));
		if (claimed.isEmpty()) {
			return false;
		}
		BroadcastStore.Work work = claimed.get();
		try {
			run(work);
		}
		catch (UnknownSegment | IllegalStateException ex) {
			store.finish(work.id(), node, "FAILED", ex.getMessage(), clock.instant());
		}
		return true;
	}

	private void run(BroadcastStore.Work work) throws InterruptedException {
		JourneyTrigger start = journeys.triggeredBy(Broadcasts.START_MESSAGE)
			.stream()
			.filter(trigger -> trigger.journeyKey().equals(work.journey()))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException(
					"Journey " + work.journey() + " no longer starts at " + Broadcasts.START_MESSAGE));
		boolean marketing = journeys.sendsMarketing(work.journey());
		ChunkWorkers.Pacer pacer = new ChunkWorkers.Pacer(Duration.ofSeconds(1).toNanos() / work.perSecond());
		String cursor = work.cursor();
		while (running || thread == null) {
			List<String> chunk = segments.memberIdsAfter(work.segment(), cursor, properties.chunkSize());
			if (chunk.isEmpty()) {
				store.finish(work.id(), node, "DONE", null, clock.instant());
				log.info("Broadcast {} of {} to segment {} is done", work.id(), work.journey(), work.segment());
				return;
			}
			workers.run(chunk, groupSize(work.perSecond()), pacer, group -> startGroup(work, start, marketing, group));
			cursor = chunk.get(chunk.size() - 1);
			if (!store.advance(work.id(), node, cursor, clock.instant().plus(properties.lease()))) {
				log.warn("Broadcast {} was taken over by another node", work.id());
				return;
			}
		}
	}

	/**
	 * At most a tenth of a second's starts in one transaction, so that a slow broadcast
	 * starts its members evenly rather than in bursts.
	 */
	int groupSize(int perSecond) {
		return Math.max(1, Math.min(properties.membersPerTransaction(), perSecond / 10));
	}

	/**
	 * Starts a group in one transaction; when a member fails, that undoes the group, and
	 * the members go again one by one, so the others still start and the failing member's
	 * failure is the one thrown.
	 */
	int startGroup(BroadcastStore.Work work, JourneyTrigger start, boolean marketing, List<String> group) {
		if (group.size() > 1) {
			try {
				return recipient.handleAll(work, start, marketing, group);
			}
			catch (RuntimeException ex) {
				log.debug("A group of broadcast {} failed, starting its members one by one: {}", work.id(),
						ex.getMessage());
			}
		}
		int started = 0;
		RuntimeException failure = null;
		for (String contactId : group) {
			try {
				if (recipient.handle(work, start, marketing, contactId)) {
					started++;
				}
			}
			catch (RuntimeException ex) {
				failure = failure != null ? failure : ex;
			}
		}
		if (failure != null) {
			throw failure;
		}
		return started;
	}

	@Override
	public void start() {
		running = true;
		if (!properties.enabled()) {
			return;
		}
		thread = new Thread(this::work, "broadcasts");
		thread.setDaemon(true);
		thread.start();
	}

	private void work() {
		while (running) {
			try {
				if (!runOne()) {
					Thread.sleep(properties.pollInterval().toMillis());
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				log.warn("Broadcast work failed, trying again shortly: {}", ex.getMessage());
				try {
					Thread.sleep(properties.pollInterval().toMillis());
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	@Override
	public void stop() {
		running = false;
		workers.close();
		if (thread != null) {
			thread.interrupt();
			try {
				thread.join(Duration.ofSeconds(10).toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

}
