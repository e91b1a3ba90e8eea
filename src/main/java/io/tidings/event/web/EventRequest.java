package io.tidings.event.web;

import java.util.Map;

import io.tidings.contact.validation.ContactInput;
import io.tidings.event.IncomingEvent;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/events}. The name is the BPMN message name the event is
 * correlated as.
 */
record EventRequest(
		@Size(max = 255) @Pattern(regexp = ContactInput.NO_CONTROL, message = ContactInput.SINGLE_LINE) String id,
		@NotBlank @Pattern(regexp = "[A-Za-z][A-Za-z0-9_.:-]{0,127}",
				message = "must be a message name: a letter, then letters, digits, '_', '.', ':' or '-' (at most 128)") String name,
		@NotNull @Valid ContactInput contact,
		@Size(max = 255) @Pattern(regexp = ContactInput.NO_CONTROL,
				message = ContactInput.SINGLE_LINE) String correlationKey,
		@Size(max = 200) Map<@Size(max = 128) String, Object> data) {

	IncomingEvent toEvent() {
		return new IncomingEvent(id, name, contact.toChange(), correlationKey, data);
	}

}
