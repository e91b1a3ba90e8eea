package io.tidings.analytics.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

import io.tidings.analytics.JourneyStats.Counts;

/**
 * A period's figures per step and variant (each with its unique clickers and
 * unsubscribes), and the unique clickers of the whole journey, however they were read.
 */
record StepFigures(Map<Key, Counts> counts, long uniqueClickers) {

	record Key(String step, String variant) {
	}

	static Key key(ResultSet rs) throws SQLException {
		return new Key(rs.getString("step_id"), rs.getString("variant"));
	}

	/** The counts of a row, without unique clickers; unsubscribes when it has them. */
	static Counts counts(ResultSet rs, boolean unsubscribes) throws SQLException {
		BigDecimal revenue = rs.getBigDecimal("revenue");
		return new Counts(rs.getLong("queued"), rs.getLong("sent"), rs.getLong("delivered"), rs.getLong("deferred"),
				rs.getLong("bounced"), rs.getLong("skipped"), rs.getLong("failed"), rs.getLong("opened"),
				rs.getLong("clicked"), 0, rs.getLong("converted"), revenue == null ? BigDecimal.ZERO : revenue,
				unsubscribes ? rs.getLong("unsubscribed") : 0);
	}

	static Counts with(Counts c, long uniqueClickers, long unsubscribed) {
		return new Counts(c.queued(), c.sent(), c.delivered(), c.deferred(), c.bounced(), c.skipped(), c.failed(),
				c.opened(), c.clicked(), uniqueClickers, c.converted(), c.revenue(), unsubscribed);
	}

	/** Unique clickers add up across variants: a contact is in one variant of a step. */
	static Counts plus(Counts a, Counts b) {
		return new Counts(a.queued() + b.queued(), a.sent() + b.sent(), a.delivered() + b.delivered(),
				a.deferred() + b.deferred(), a.bounced() + b.bounced(), a.skipped() + b.skipped(),
				a.failed() + b.failed(), a.opened() + b.opened(), a.clicked() + b.clicked(),
				a.uniqueClickers() + b.uniqueClickers(), a.converted() + b.converted(), a.revenue().add(b.revenue()),
				a.unsubscribed() + b.unsubscribed());
	}

	static Counts zero() {
		return new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, BigDecimal.ZERO, 0);
	}

}
