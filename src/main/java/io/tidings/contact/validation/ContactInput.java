package io.tidings.contact.validation;

import java.time.LocalDate;
import java.util.Map;

import io.tidings.contact.Birthday;
import io.tidings.contact.ContactChange;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A contact as callers send it in JSON, with the checks every input path applies: no
 * control characters in anything that may reach a mail header, a real address, a BCP 47
 * locale, an IANA zone. NUL (which PostgreSQL cannot store) never gets this far: the JSON
 * parser ({@code StrictJson}) and the CSV reader refuse it in any text.
 */
public record ContactInput(@NotBlank @Size(max = 255) @Pattern(regexp = NO_CONTROL, message = SINGLE_LINE) String id,
		@Size(max = 254) @ValidEmailAddress String email,
		@Size(max = 255) @Pattern(regexp = NO_CONTROL, message = SINGLE_LINE) String firstName,
		@Size(max = 255) @Pattern(regexp = NO_CONTROL, message = SINGLE_LINE) String lastName,
		@Size(max = 35) @Pattern(regexp = "[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*",
				message = "is not a BCP 47 language tag such as en or pt-BR") String locale,
		@ValidTimeZone String timeZone, @ValidBirthday String birthday, @ValidDate String signedUpOn,
		@Size(max = 200) @StorableNumbers Map<@Size(max = 128) String, Object> attributes) {

	/** Matches text without control characters (CR, LF, NUL, tabs...). */
	public static final String NO_CONTROL = "[^\\p{Cntrl}]*";

	public static final String SINGLE_LINE = "must be one line of text without control characters";

	public ContactChange toChange() {
		return new ContactChange(id, email, firstName, lastName, locale, timeZone,
				birthday == null ? null : Birthday.parse(birthday),
				signedUpOn == null ? null : LocalDate.parse(signedUpOn), attributes);
	}

}
