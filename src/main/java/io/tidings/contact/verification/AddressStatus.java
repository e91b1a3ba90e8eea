package io.tidings.contact.verification;

/**
 * What an address check found. When several apply, the first in this order wins: INVALID,
 * UNKNOWN, RISKY, VALID. UNKNOWN beats RISKY because an unfinished check is worth
 * repeating, and the repeat still finds the RISKY flag.
 */
public enum AddressStatus {

	/** Deliverable as far as syntax and DNS can tell. */
	VALID,

	/** Deliverable, but a disposable domain or a role address such as info@. */
	RISKY,

	/**
	 * Will not be delivered: bad syntax, a domain that does not exist, no MX and no
	 * A/AAAA record, or a null MX (RFC 7505).
	 */
	INVALID,

	/** DNS did not answer in time or failed; says nothing about the address. */
	UNKNOWN

}
