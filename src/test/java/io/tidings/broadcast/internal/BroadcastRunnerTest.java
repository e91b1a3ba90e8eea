package io.tidings.broadcast.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.tidings.broadcast.BroadcastProperties;
import io.tidings.journey.JourneyTrigger;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BroadcastRunnerTest {

	private static final BroadcastStore.Work WORK = new BroadcastStore.Work("b-1", "announcement", "all", 10000, null);

	private final GroupRecording recipient = new GroupRecording();

	private final BroadcastRunner runner = new BroadcastRunner(null, recipient, null, null,
			new BroadcastProperties(true, 200, Duration.ofMinutes(2), Duration.ofSeconds(2), 4, 20), Clock.systemUTC());

	@Test
	void aGroupIsOneTransactionWhenNoMemberFails() {
		int started = runner.startGroup(WORK, null, true, List.of("c-1", "c-2", "c-3"));

		assertThat(started).isEqualTo(3);
		assertThat(recipient.groups).containsExactly(List.of("c-1", "c-2", "c-3"));
		assertThat(recipient.oneByOne).isEmpty();
	}

	@Test
	void aFailingMemberMakesItsGroupGoOneByOneAndItsFailureIsThrownOnceTheOthersStarted() {
		recipient.failing = "c-2";

		assertThatThrownBy(() -> runner.startGroup(WORK, null, true, List.of("c-1", "c-2", "c-3")))
			.isInstanceOf(IllegalStateException.class)
			.hasMessage("c-2 cannot start");
		assertThat(recipient.oneByOne).containsExactly("c-1", "c-2", "c-3");
		assertThat(recipient.started).containsExactly("c-1", "c-3");
	}

	@Test
	void aGroupOfOneIsNotTriedTwice() {
		recipient.failing = "c-1";

		assertThatThrownBy(() -> runner.startGroup(WORK, null, true, List.of("c-1")))
			.isInstanceOf(IllegalStateException.class);
		assertThat(recipient.groups).isEmpty();
		assertThat(recipient.oneByOne).containsExactly("c-1");
	}

	@Test
	void aSlowBroadcastStartsItsMembersInSmallerGroups() {
		assertThat(runner.groupSize(5)).isOne();
		assertThat(runner.groupSize(100)).isEqualTo(10);
		assertThat(runner.groupSize(10000)).isEqualTo(20);
	}

	/** Records which members went as a group and which one by one. */
	private static final class GroupRecording extends BroadcastRecipient {

		private final List<List<String>> groups = new ArrayList<>();

		private final List<String> oneByOne = new ArrayList<>();

		private final List<String> started = new ArrayList<>();

		private String failing;

		GroupRecording() {
			super(null, null, null, null);
		}

		@Override
		public int handleAll(BroadcastStore.Work work, JourneyTrigger start, boolean marketing,
				List<String> contactIds) {
			if (failing != null && contactIds.contains(failing)) {
				throw new IllegalStateException(failing + " cannot start");
			}
			groups.add(contactIds);
			started.addAll(contactIds);
			return contactIds.size();
		}

		@Override
		public boolean handle(BroadcastStore.Work work, JourneyTrigger start, boolean marketing, String contactId) {
			oneByOne.add(contactId);
			if (contactId.equals(failing)) {
				throw new IllegalStateException(failing + " cannot start");
			}
			started.add(contactId);
			return true;
		}

	}

}
