package io.tidings.contact.verification;

/** DNS gave no usable answer (time-out, server failure), so the domain stays unknown. */
class DnsLookupFailed extends Exception {

	DnsLookupFailed(String reason, Throwable cause) {
		super(reason, cause);
	}

}
