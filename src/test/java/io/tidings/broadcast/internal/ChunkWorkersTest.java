package io.tidings.broadcast.internal;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChunkWorkersTest {

	private final ChunkWorkers workers = new ChunkWorkers(4);

	private final ChunkWorkers.Pacer noPause = new ChunkWorkers.Pacer(0);

	@AfterEach
	void close() {
		workers.close();
	}

	@Test
	void handsEveryMemberToExactlyOneThread() throws Exception {
		List<String> members = IntStream.range(0, 200).mapToObj(i -> "c-" + i).toList();
		Set<String> seen = ConcurrentHashMap.newKeySet();
		Set<String> twice = ConcurrentHashMap.newKeySet();

		workers.run(members, noPause, member -> {
			if (!seen.add(member)) {
				twice.add(member);
			}
			return true;
		});

		assertThat(seen).containsExactlyInAnyOrderElementsOf(members);
		assertThat(twice).isEmpty();
	}

	@Test
	void aFailureIsThrownOnceTheOtherMembersAreDone() {
		List<String> members = IntStream.range(0, 50).mapToObj(i -> "c-" + i).toList();
		Set<String> done = ConcurrentHashMap.newKeySet();

		assertThatThrownBy(() -> workers.run(members, noPause, member -> {
			if (member.equals("c-7")) {
				throw new IllegalArgumentException("database gone");
			}
			done.add(member);
			return true;
		})).isInstanceOf(IllegalArgumentException.class).hasMessage("database gone");
		assertThat(done).hasSize(49);
	}

	@Test
	void slotsForStartsArePauseApartWhateverThreadTakesThem() throws Exception {
		long hour = Duration.ofHours(1).toNanos();
		ChunkWorkers.Pacer pacer = new ChunkWorkers.Pacer(hour);
		long first = pacer.claim();
		Set<Long> slots = ConcurrentHashMap.newKeySet();

		workers.run(IntStream.range(0, 8).mapToObj(i -> "c-" + i).toList(), noPause, member -> {
			slots.add(pacer.claim());
			return true;
		});

		assertThat(slots)
			.containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 8).mapToObj(i -> first + i * hour).toList());
	}

	@Test
	void anEmptyChunkIsDoneAtOnce() throws Exception {
		workers.run(List.of(), noPause, member -> {
			throw new AssertionError("no member to start");
		});
	}

}
