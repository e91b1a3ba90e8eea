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

		workers.run(members, 7, noPause, group -> {
			assertThat(group).hasSizeBetween(1, 7);
			group.forEach(member -> {
				if (!seen.add(member)) {
					twice.add(member);
				}
			});
			return group.size();
		});

		assertThat(seen).containsExactlyInAnyOrderElementsOf(members);
		assertThat(twice).isEmpty();
	}

	@Test
	void aFailureIsThrownOnceTheOtherMembersAreDone() {
		List<String> members = IntStream.range(0, 50).mapToObj(i -> "c-" + i).toList();
		Set<String> done = ConcurrentHashMap.newKeySet();

		assertThatThrownBy(() -> workers.run(members, 1, noPause, group -> {
			if (group.contains("c-7")) {
				throw new IllegalArgumentException("database gone");
			}
			done.addAll(group);
			return group.size();
		})).isInstanceOf(IllegalArgumentException.class).hasMessage("database gone");
		assertThat(done).hasSize(49);
	}

	@Test
	void slotsForStartsArePauseApartWhateverThreadTakesThem() throws Exception {
		long hour = Duration.ofHours(1).toNanos();
		ChunkWorkers.Pacer pacer = new ChunkWorkers.Pacer(hour);
		long first = pacer.claim(1);
		Set<Long> slots = ConcurrentHashMap.newKeySet();

		workers.run(IntStream.range(0, 8).mapToObj(i -> "c-" + i).toList(), 1, noPause, group -> {
			slots.add(pacer.claim(1));
			return 1;
		});

		assertThat(slots)
			.containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 8).mapToObj(i -> first + i * hour).toList());
	}

	@Test
	void aGroupTakesASlotPerMemberAndSkippedMembersLeaveTheirSlotsToTheNextGroup() throws Exception {
		long pause = Duration.ofMillis(40).toNanos();
		ChunkWorkers.Pacer pacer = new ChunkWorkers.Pacer(pause);
		ChunkWorkers oneThread = new ChunkWorkers(1);
		List<Long> groupStarts = new java.util.ArrayList<>();
		long begin = System.nanoTime();
		try {
			// 4 groups of 5; the first starts nobody, so the second needs no new slot.
			oneThread.run(IntStream.range(0, 20).mapToObj(i -> "c-" + i).toList(), 5, pacer, group -> {
				groupStarts.add(System.nanoTime() - begin);
				return group.get(0).equals("c-0") ? 0 : group.size();
			});
		}
		finally {
			oneThread.close();
		}
		// Slots 0-4 for the first group, reused by the second, 5-9 and 10-14 for the
		// others.
		assertThat(groupStarts).hasSize(4);
		assertThat(groupStarts.get(1)).isLessThan(5 * pause);
		assertThat(groupStarts.get(2)).isGreaterThanOrEqualTo(5 * pause);
		assertThat(groupStarts.get(3)).isGreaterThanOrEqualTo(10 * pause);
	}

	@Test
	void claimingSeveralSlotsMovesTheNextFreeSlotBySoMany() {
		long hour = Duration.ofHours(1).toNanos();
		ChunkWorkers.Pacer pacer = new ChunkWorkers.Pacer(hour);
		long first = pacer.claim(3);

		assertThat(pacer.claim(1)).isEqualTo(first + 3 * hour);
	}

	@Test
	void anEmptyChunkIsDoneAtOnce() throws Exception {
		workers.run(List.of(), 20, noPause, group -> {
			throw new AssertionError("no member to start");
		});
	}

}
