package io.tidings.platform.access;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import static org.assertj.core.api.Assertions.assertThat;

class VerifiedCredentialsTest {

	private static final List<GrantedAuthority> EVENTS = List.of(new SimpleGrantedAuthority("ROLE_EVENTS"));

	private final AtomicLong now = new AtomicLong(1_000);

	private final VerifiedCredentials cache = new VerifiedCredentials(Duration.ofSeconds(10), now::get);

	@Test
	void givesBackWhatTheCheckGrantedForTheSameUserAndPassword() {
		cache.remember("shop", "secret", EVENTS);

		assertThat(cache.find("shop", "secret")).contains(EVENTS);
	}

	@Test
	void knowsNothingOfAnotherPasswordOrUser() {
		cache.remember("shop", "secret", EVENTS);

		assertThat(cache.find("shop", "secret2")).isEmpty();
		assertThat(cache.find("shop2", "secret")).isEmpty();
		// The separator keeps user and password apart.
		assertThat(cache.find("sho", "psecret")).isEmpty();
	}

	@Test
	void forgetsCredentialsOnceTheyAreOlderThanTheMaximumAge() {
		cache.remember("shop", "secret", EVENTS);

		now.addAndGet(Duration.ofSeconds(10).toNanos() - 1);
		assertThat(cache.find("shop", "secret")).contains(EVENTS);
		now.addAndGet(1);
		assertThat(cache.find("shop", "secret")).isEmpty();
		assertThat(cache.find("shop", "secret")).isEmpty();
	}

	@Test
	void remembersNothingWhenTheMaximumAgeIsZero() {
		VerifiedCredentials off = new VerifiedCredentials(Duration.ZERO, now::get);

		off.remember("shop", "secret", EVENTS);

		assertThat(off.find("shop", "secret")).isEmpty();
	}

}
