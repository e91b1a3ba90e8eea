package io.tidings.consent;

/**
 * Why an address is on the suppression list. A hard bounce stops every mail, since the
 * address does not exist; the other reasons stop marketing mail only.
 */
public enum SuppressionReason {

	/**
	 * A 5xx reply or a failed delivery status notification: the mailbox does not exist.
	 */
	HARD_BOUNCE,

	/** The recipient reported a mail as spam. */
	COMPLAINT,

	/** The recipient unsubscribed from all marketing mail. */
	UNSUBSCRIBED,

	/** An operator blocked the address. */
	MANUAL,

	/**
	 * The contact was erased on request (GDPR); only a hash of the address is kept, and
	 * it blocks marketing mail until the person opts in again. Never a stored row.
	 */
	ERASED;

	public boolean blocks(EmailCategory category) {
		return this == HARD_BOUNCE || category == EmailCategory.MARKETING;
	}

	/** A hard bounce outranks the others: it is never replaced by a weaker reason. */
	public boolean outranks(SuppressionReason other) {
		return this == HARD_BOUNCE && other != HARD_BOUNCE;
	}

}
