package io.tidings.consent.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

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
