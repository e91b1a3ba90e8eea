package io.tidings.journey.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;

import org.springframework.stereotype.Component;

/**
 * The active journeys a message starts, per message name, remembered for a moment: asking
 * the engine on every event was a fifth of an event's CPU time (bench/perf). A deployment
 * on this node is seen at once ({@link StartingJourneysReset}); one on another node, or a
 * journey suspended or activated, within {@link #FRESH_FOR}.
 */
@Component
class StartingJourneys {

	static final Duration FRESH_FOR = Duration.ofSeconds(2);

	/** Event names are the client's; a flood of new ones must not grow the map. */
	private static final int MAX_NAMES = 1000;

	private static final AtomicLong deployments = new AtomicLong();

	private final RepositoryService repository;

	private final Map<String, Known> byMessage = new ConcurrentHashMap<>();

	StartingJourneys(RepositoryService repository) {
		this.repository = repository;
	}

	List<String> definitionIds(String messageName) {
		long now = System.nanoTime();
		long generation = deployments.get();
		Known known = byMessage.get(messageName);
		if (known != null && known.generation() == generation && now - known.loadedAt() < FRESH_FOR.toNanos()) {
			return known.definitionIds();
		}
		List<String> ids = repository.createProcessDefinitionQuery()
			.messageEventSubscriptionName(messageName)
			.active()
			.list()
			.stream()
			.map(ProcessDefinition::getId)
			.toList();
		if (byMessage.size() >= MAX_NAMES) {
			byMessage.clear();
		}
		byMessage.put(messageName, new Known(ids, generation, now));
		return ids;
	}

	/** A deployment committed on this node: forget everything. */
	static void deployed() {
		deployments.incrementAndGet();
	}

	private record Known(List<String> definitionIds, long generation, long loadedAt) {
	}

}
