package io.tidings.contact.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.ZoneId;
import java.util.Set;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** An IANA time zone id such as {@code Europe/Amsterdam}; null passes. */
@Documented
@Constraint(validatedBy = ValidTimeZone.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidTimeZone {

	String message() default "is not an IANA time zone such as Europe/Amsterdam";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<ValidTimeZone, String> {

		// getAvailableZoneIds() copies the set on every call, which an import of a
		// million
		// rows feels.
		private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return value == null || (value.contains("/") || value.equals("UTC")) && ZONES.contains(value);
		}

	}

}
