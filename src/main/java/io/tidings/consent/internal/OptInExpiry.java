package io.tidings.consent.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.tidings.consent.ConsentProperties;
import io.tidings.consent.TopicConsents.Origin;
import io.tidings.platform.PeriodicTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Lets double opt-ins lapse whose confirmation never came within
 * {@code tidings.consent.opt-in-expiry}: the topic goes from PENDING to LAPSED and the
 * contact's consent history records {@code OPT_IN_LAPSED}. Each topic changes in its own
 * conditional update, so nodes looking at the same time record it once, and a click in
 * the same instant wins.
 */
@Component
class OptInExpiry extends PeriodicTask {

	private static final Logger log = LoggerFactory.getLogger(OptInExpiry.class);

	private static final int BATCH = 500;

	private final JdbcTemplate jdbc;

	private final ConsentLedger ledger;

	private final ConsentTransactions transactions;

	private final ConsentProperties properties;

	private final Clock clock;

	OptInExpiry(JdbcTemplate jdbc, ConsentLedger ledger, ConsentTransactions transactions, ConsentProperties properties,
			Clock clock) {
		super("opt-in-expiry", "let unconfirmed double opt-ins lapse", properties.optInExpiryCheck());
		this.jdbc = jdbc;
		this.ledger = ledger;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
	}

	/** Lets every overdue pending topic lapse. @return how many lapsed */
	int lapseOverdue() {
		Instant now = clock.instant();
		Timestamp cutoff = Timestamp.from(now.minus(properties.optInExpiry()));
		Origin origin = new Origin("DOUBLE_OPT_IN", "no confirmation within " + properties.optInExpiry(), null, null);
		int lapsed = 0;
		while (true) {
			List<String[]> due = jdbc.query("""
					SELECT contact_id, topic FROM topic_consents WHERE status = 'PENDING' AND changed_at < ?
					ORDER BY changed_at FETCH FIRST %d ROWS ONLY""".formatted(BATCH),
					(rs, row) -> new String[] { rs.getString("contact_id"), rs.getString("topic") }, cutoff);
			int inBatch = 0;
			for (String[] pending : due) {
				inBatch += transactions.retried(() -> lapse(pending[0], pending[1], cutoff, now, origin));
			}
			lapsed += inBatch;
			if (due.size() < BATCH || inBatch == 0) {
				return lapsed;
			}
		}
	}

	private int lapse(String contactId, String topic, Timestamp cutoff, Instant now, Origin origin) {
		int updated = jdbc.update("""
				UPDATE topic_consents SET status = 'LAPSED', source = 'DOUBLE_OPT_IN', changed_at = ?
				WHERE contact_id = ? AND topic = ? AND status = 'PENDING' AND changed_at < ?""", Timestamp.from(now),
				contactId, topic, cutoff);
		if (updated == 1) {
			ledger.record(contactId, topic, "OPT_IN_LAPSED", origin, now);
		}
		return updated;
	}

	@Override
	protected void runOnce() {
		int lapsed = lapseOverdue();
		if (lapsed > 0) {
			log.info("{} double opt-in topics lapsed unconfirmed after {}", lapsed, properties.optInExpiry());
		}
	}

}
