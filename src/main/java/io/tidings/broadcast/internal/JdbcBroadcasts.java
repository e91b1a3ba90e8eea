package io.tidings.broadcast.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.tidings.broadcast.Broadcast;
import io.tidings.broadcast.Broadcasts;
import io.tidings.contact.Segments;
import io.tidings.journey.Journeys;
import io.tidings.platform.InputErrors.FieldError;
import io.tidings.platform.InvalidInput;

import org.springframework.stereotype.Service;

@Service
class JdbcBroadcasts implements Broadcasts {

	static final int MAX_PER_SECOND = 10_000;

	private final BroadcastStore store;

	private final Segments segments;

	private final Journeys journeys;

	private final Clock clock;

	JdbcBroadcasts(BroadcastStore store, Segments segments, Journeys journeys, Clock clock) {
		this.store = store;
		this.segments = segments;
		this.journeys = journeys;
		this.clock = clock;
	}

	@Override
	public Broadcast create(String journey, String segment, int perSecond) {
		List<FieldError> errors = new ArrayList<>();
		if (journey == null || journeys.triggeredBy(START_MESSAGE)
			.stream()
			.noneMatch(trigger -> trigger.journeyKey().equals(journey))) {
			errors.add(new FieldError("journey", "must be a deployed journey with a message start event named "
					+ START_MESSAGE + " or " + START_MESSAGE + ".<name>"));
		}
		if (segment == null || segments.find(segment).isEmpty()) {
			errors.add(new FieldError("segment", "must be the key of a segment"));
		}
		if (perSecond < 1 || perSecond > MAX_PER_SECOND) {
			errors.add(new FieldError("perSecond", "must be between 1 and " + MAX_PER_SECOND));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		String id = UUID.randomUUID().toString();
		store.insert(id, journey, segment, perSecond, segments.count(segment), clock.instant());
		return store.find(id).orElseThrow();
	}

	@Override
	public Optional<Broadcast> find(String id) {
		return store.find(id);
	}

	@Override
	public List<Broadcast> recent(int limit) {
		return store.recent(limit);
	}

}
