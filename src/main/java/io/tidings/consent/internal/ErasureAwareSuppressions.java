package io.tidings.consent.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.tidings.consent.EmailCategory;
import io.tidings.consent.Suppression;
import io.tidings.consent.SuppressionReason;
import io.tidings.consent.Suppressions;
import io.tidings.contact.ErasedAddresses;

import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * The suppression list as senders see it: the stored rows, and the addresses of contacts
 * erased on request, of which only a hash is kept. An erased address counts as suppressed
 * for marketing mail ({@link SuppressionReason#ERASED}), so a person whose contact comes
 * back (an event, {@code PUT /api/contacts/{id}}) gets transactional mail but no
 * marketing until they opt in again; lifting the address lifts that too. The list itself
 * ({@link #page}) shows stored rows only: there is no address to show for a hash.
 */
@Component
@Primary
class ErasureAwareSuppressions implements Suppressions {

	static final String DETAIL = "the contact was erased on request; only a hash of the address is kept";

	private final JdbcSuppressions stored;

	private final ErasedAddresses erased;

	ErasureAwareSuppressions(JdbcSuppressions stored, ErasedAddresses erased) {
		this.stored = stored;
		this.erased = erased;
	}

	@Override
	public void suppress(String email, SuppressionReason reason, String detail) {
		stored.suppress(email, reason, detail);
	}

	@Override
	public Optional<Suppression> find(String email) {
		return stored.find(email)
			.or(() -> erased.erasedAt(email)
				.map(at -> new Suppression(email.strip().toLowerCase(Locale.ROOT), SuppressionReason.ERASED, DETAIL,
						at)));
	}

	/** Two queries for all the addresses: the stored rows, then the erased hashes. */
	@Override
	public Map<String, String> blockReasons(Collection<String> emails, EmailCategory category) {
		Map<String, Suppression> rows = stored.findAll(emails);
		Set<String> erasedOnes = erased.erasedAmong(emails);
		Map<String, String> blocked = new LinkedHashMap<>();
		for (String email : emails) {
			Suppression row = rows.get(JdbcSuppressions.normalise(email));
			Optional<String> reason = row != null ? Suppressions.blockReason(row.reason(), category)
					: erasedOnes.contains(email) ? Suppressions.blockReason(SuppressionReason.ERASED, category)
							: Optional.empty();
			reason.ifPresent(text -> blocked.put(email, text));
		}
		return blocked;
	}

	@Override
	public boolean lift(String email) {
		boolean row = stored.lift(email);
		boolean hash = erased.forget(email);
		return row || hash;
	}

	@Override
	public List<Suppression> page(int page, int size) {
		return stored.page(page, size);
	}

	@Override
	public long count() {
		return stored.count();
	}

}
