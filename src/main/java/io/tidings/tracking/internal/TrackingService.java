package io.tidings.tracking.internal;

import java.util.Optional;
import java.util.function.Supplier;

import io.tidings.tracking.TrackingLinks;
import io.tidings.tracking.Visitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Tries a recording again when its journey was moving at the same moment (a timer, a
 * delivery outcome). Should that keep happening, the recipient still gets the image or
 * the redirect, and the lost hit is logged: a person waiting for a page matters more.
 */
@Service
class TrackingService implements TrackingLinks {

	private static final Logger log = LoggerFactory.getLogger(TrackingService.class);

	private static final int ATTEMPTS = 3;

	private final EngagementRecorder recorder;

	private final TrackingStore store;

	TrackingService(EngagementRecorder recorder, TrackingStore store) {
		this.recorder = recorder;
		this.store = store;
	}

	@Override
	public boolean opened(String token, Visitor visitor) {
		if (!Tokens.wellFormed(token)) {
			return false;
		}
		return retried(() -> recorder.open(token, visitor), () -> store.deliveryOfOpenToken(token).isPresent());
	}

	@Override
	public Optional<String> clicked(String token, Visitor visitor) {
		if (!Tokens.wellFormed(token)) {
			return Optional.empty();
		}
		return retried(() -> recorder.click(token, visitor),
				() -> store.link(token).map(TrackingStore.TrackedLink::url));
	}

	private static <T> T retried(Supplier<T> recording, Supplier<T> withoutRecording) {
		for (int attempt = 1;; attempt++) {
			try {
				return recording.get();
			}
			catch (ConcurrencyFailureException | DuplicateKeyException ex) {
				if (attempt == ATTEMPTS) {
					log.warn("An open or click could not be recorded after {} attempts: {}", ATTEMPTS, ex.getMessage());
					return withoutRecording.get();
				}
			}
		}
	}

}
