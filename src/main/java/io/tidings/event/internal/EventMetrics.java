package io.tidings.event.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * {@code tidings.events.received}: accepted events (replays of a known id not counted) by
 * name. Names come from the callers, so only the first {@value #MAX_NAMES} distinct names
 * get a series of their own; later ones are counted under {@code other}, which keeps a
 * misbehaving client from filling the metrics store.
 */
@Component
public class EventMetrics {

	static final int MAX_NAMES = 100;

	static final String OTHER = "other";

	private final MeterRegistry registry;

	private final Map<String, Counter> byName = new ConcurrentHashMap<>();

	EventMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	public void accepted(String name) {
		Counter counter = byName.get(name);
		if (counter == null) {
			String tag = byName.size() < MAX_NAMES ? name : OTHER;
			counter = byName.computeIfAbsent(tag, this::counter);
		}
		counter.increment();
	}

	private Counter counter(String name) {
		return Counter.builder("tidings.events.received")
			.description("Events accepted by the API, by name")
			.tag("event", name)
			.register(registry);
	}

}
