package io.tidings.analytics.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.tidings.analytics.internal.RollupPlan.Interval;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RollupPlanTest {

	private static final LocalDate NOV_10 = LocalDate.parse("2026-11-10");

	@Test
	void wholeDaysComeFromTheRollupAndPartialDaysAtTheEndsRaw() {
		RollupPlan plan = RollupPlan.of(Instant.parse("2026-11-10T10:00:00Z"), Instant.parse("2026-11-20T06:30:00Z"),
				List.of());

		assertThat(plan.firstDay()).isEqualTo(NOV_10.plusDays(1));
		assertThat(plan.endDay()).isEqualTo(NOV_10.plusDays(10));
		assertThat(plan.raw()).containsExactly(
				new Interval(Instant.parse("2026-11-10T10:00:00Z"), Instant.parse("2026-11-11T00:00:00Z")),
				new Interval(Instant.parse("2026-11-20T00:00:00Z"), Instant.parse("2026-11-20T06:30:00Z")));
	}

	@Test
	void daysWithPendingChangesAreReadRawAndAdjacentPartsJoined() {
		List<LocalDate> pending = List.of(NOV_10.plusDays(12), NOV_10.plusDays(3), NOV_10.plusDays(1),
				NOV_10.plusDays(2), NOV_10.minusDays(1), NOV_10.plusDays(9));

		RollupPlan plan = RollupPlan.of(Instant.parse("2026-11-10T10:00:00Z"), Instant.parse("2026-11-20T06:30:00Z"),
				pending);

		assertThat(plan.pending()).as("only those in the whole days of the period")
			.containsExactly(NOV_10.plusDays(1), NOV_10.plusDays(2), NOV_10.plusDays(3), NOV_10.plusDays(9));
		assertThat(plan.pendingArray()).isEqualTo("{2026-11-11,2026-11-12,2026-11-13,2026-11-19}");
		assertThat(plan.raw()).containsExactly(
				new Interval(Instant.parse("2026-11-10T10:00:00Z"), Instant.parse("2026-11-14T00:00:00Z")),
				new Interval(Instant.parse("2026-11-19T00:00:00Z"), Instant.parse("2026-11-20T06:30:00Z")));
	}

	@Test
	void boundsAtMidnightLeaveNothingRawAndNoBoundsTakeEveryDay() {
		RollupPlan days = RollupPlan.of(Instant.parse("2026-11-10T00:00:00Z"), Instant.parse("2026-11-12T00:00:00Z"),
				List.of());
		RollupPlan ever = RollupPlan.of(null, null, List.of(NOV_10));

		assertThat(days.firstDay()).isEqualTo(NOV_10);
		assertThat(days.endDay()).isEqualTo(NOV_10.plusDays(2));
		assertThat(days.raw()).isEmpty();
		assertThat(ever.firstDay()).isEqualTo(RollupPlan.FIRST);
		assertThat(ever.endDay()).isEqualTo(RollupPlan.LAST);
		assertThat(ever.raw()).containsExactly(
				new Interval(Instant.parse("2026-11-10T00:00:00Z"), Instant.parse("2026-11-11T00:00:00Z")));
	}

	@Test
	void aPeriodWithinOneDayIsReadRawWhole() {
		Instant from = Instant.parse("2026-11-10T08:00:00Z");
		Instant to = Instant.parse("2026-11-10T09:00:00Z");

		RollupPlan plan = RollupPlan.of(from, to, List.of(NOV_10));

		assertThat(plan.firstDay()).isEqualTo(plan.endDay());
		assertThat(plan.pending()).isEmpty();
		assertThat(plan.raw()).containsExactly(new Interval(from, to));
	}

}
