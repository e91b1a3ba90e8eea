package io.tidings.contact.verification;

/** What DNS says about a domain as a mail destination. */
enum MailDomain {

	HAS_MX(AddressStatus.VALID, "MX record for %s"),

	/** No MX, so mail goes to the domain's own address (RFC 5321 §5.1). */
	HAS_ADDRESS_ONLY(AddressStatus.VALID, "no MX, A/AAAA record for %s"),

	DOES_NOT_EXIST(AddressStatus.INVALID, "domain %s does not exist"),

	NO_MAIL_HOST(AddressStatus.INVALID, "no MX or A record for %s"),

	/** RFC 7505: the domain's only MX is "0 .", it takes no mail. */
	NULL_MX(AddressStatus.INVALID, "%s accepts no mail (null MX)");

	private final AddressStatus status;

	private final String reason;

	MailDomain(AddressStatus status, String reason) {
		this.status = status;
		this.reason = reason;
	}

	boolean takesMail() {
		return status == AddressStatus.VALID;
	}

	AddressCheck check(String domain) {
		return new AddressCheck(status, reason.formatted(domain));
	}

}
