package io.tidings.delivery.internal;

import io.tidings.consent.SuppressionReason;
import io.tidings.consent.Suppressions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A hard bounce marks the delivery and suppresses the address in one transaction, so no
 * later mail goes to an address that does not exist.
 */
@Component
class BounceRecorder implements AsyncBounceHandler {

	private static final Logger log = LoggerFactory.getLogger(BounceRecorder.class);

	private final DeliveryStore store;

	private final Suppressions suppressions;

	BounceRecorder(DeliveryStore store, Suppressions suppressions) {
		this.store = store;
		this.suppressions = suppressions;
	}

	@Transactional
	public void bouncedNow(ClaimedDelivery delivery, String workerId, String reply) {
		log.info("Delivery {} bounced: {}", delivery.id(), reply);
		if (store.markBounced(delivery.id(), workerId, reply) || store.exists(delivery.id())) {
			suppressions.suppress(delivery.recipient(), SuppressionReason.HARD_BOUNCE, reply);
		}
		// else the contact was erased while the mail was on the wire: its address must
		// not come back as a suppression row (the erasure kept its hash).
	}

	/**
	 * A delivery status notification reported a sent mail as undeliverable. Reading the
	 * same report twice changes nothing: only a SENT delivery becomes BOUNCED.
	 * @return whether a sent delivery with that Message-ID was found
	 */
	@Override
	@Transactional
	public boolean recordAsyncBounce(String messageId, String recipient, String diagnostic) {
		String address = store.markBouncedLater(messageId, diagnostic);
		if (address == null) {
			return false;
		}
		log.info("Delivery {} bounced after it was sent: {}", messageId, diagnostic);
		suppressions.suppress(address, SuppressionReason.HARD_BOUNCE, diagnostic);
		return true;
	}

}
