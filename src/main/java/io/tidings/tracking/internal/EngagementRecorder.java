package io.tidings.tracking.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.tidings.contact.Contacts;
import io.tidings.delivery.Deliveries;
import io.tidings.delivery.DeliveryView;
import io.tidings.journey.Journeys;
import io.tidings.tracking.Visitor;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records one open or click in one transaction: the counts, the engagement row, and for a
 * person (not a machine) the contact's last engagement and the BPMN message to the
 * journey instance that sent the mail ({@code EmailOpened} on the mail's first human
 * open, {@code EmailClicked} on every human click, with {@code deliveryId},
 * {@code deliveryStepId} and, for a click, {@code url}). A human click on a mail with no
 * human open yet counts as its open too: the image was blocked, but the mail was read.
 */
@Component
class EngagementRecorder {

	static final String EMAIL_OPENED = "EmailOpened";

	static final String EMAIL_CLICKED = "EmailClicked";

	private final TrackingStore store;

	private final Deliveries deliveries;

	private final Contacts contacts;

	private final Journeys journeys;

	private final MachineEngagements machines;

	private final Clock clock;

	EngagementRecorder(TrackingStore store, Deliveries deliveries, Contacts contacts, Journeys journeys,
			MachineEngagements machines, Clock clock) {
		this.store = store;
		this.deliveries = deliveries;
		this.contacts = contacts;
		this.journeys = journeys;
		this.machines = machines;
		this.clock = clock;
	}

	@Transactional
	public boolean open(String token, Visitor visitor) {
		Optional<DeliveryView> mail = store.deliveryOfOpenToken(token).flatMap(deliveries::find);
		if (mail.isEmpty()) {
			return false;
		}
		DeliveryView delivery = mail.get();
		// Locked, so an erasure running now either finishes first (and we find the
		// contact
		// gone) or waits for us and then removes what we write.
		if (contacts.findForUpdate(delivery.contactId()).isEmpty()) {
			return true;
		}
		Instant at = clock.instant();
		boolean machine = machines.isMachine(delivery.sentAt(), at, visitor.ip(), visitor.userAgent());
		recordOpen(delivery, machine, visitor, at);
		return true;
	}

	@Transactional
	public Optional<String> click(String token, Visitor visitor) {
		Optional<TrackingStore.TrackedLink> link = store.link(token);
		Optional<DeliveryView> mail = link.flatMap(found -> deliveries.find(found.deliveryId()));
		if (mail.isEmpty()) {
			return Optional.empty();
		}
		DeliveryView delivery = mail.get();
		String url = link.get().url();
		if (contacts.findForUpdate(delivery.contactId()).isEmpty()) {
			return Optional.of(url);
		}
		Instant at = clock.instant();
		boolean machine = machines.isMachine(delivery.sentAt(), at, visitor.ip(), visitor.userAgent());
		if (!machine && !store.hasHumanOpen(delivery.id())) {
			recordOpen(delivery, false, visitor, at);
		}
		store.insertEngagement(delivery, "CLICK", machine, url, visitor.ip(), visitor.userAgent(), at);
		if (!machine) {
			contacts.recordEngagement(delivery.contactId(), at);
			Map<String, Object> variables = variables(delivery);
			variables.put("url", url);
			notifyJourney(delivery, EMAIL_CLICKED, variables);
		}
		return Optional.of(url);
	}

	private void recordOpen(DeliveryView delivery, boolean machine, Visitor visitor, Instant at) {
		boolean firstHumanOpen = store.countOpen(delivery.id(), machine, at);
		store.insertEngagement(delivery, "OPEN", machine, null, visitor.ip(), visitor.userAgent(), at);
		if (!machine) {
			contacts.recordEngagement(delivery.contactId(), at);
		}
		if (firstHumanOpen) {
			notifyJourney(delivery, EMAIL_OPENED, variables(delivery));
		}
	}

	private void notifyJourney(DeliveryView delivery, String message, Map<String, Object> variables) {
		if (delivery.journeyInstanceId() != null) {
			journeys.notifyInstance(delivery.journeyInstanceId(), message, variables);
		}
	}

	private static Map<String, Object> variables(DeliveryView delivery) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("deliveryId", delivery.id());
		variables.put("deliveryStepId", delivery.stepId());
		return variables;
	}

}
