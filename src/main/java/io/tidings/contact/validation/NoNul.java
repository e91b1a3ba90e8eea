package io.tidings.contact.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Collection;
import java.util.Map;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * No NUL character in any text of a JSON-like value (attributes, event data), keys and
 * nested lists and objects included: PostgreSQL cannot store it in a text column, and no
 * mail has a use for it. Other control characters pass; they are escaped where they are
 * shown and never reach a header. Null passes.
 */
@Documented
@Constraint(validatedBy = NoNul.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface NoNul {

	String message() default "must not contain the NUL character (\\u0000)";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<NoNul, Object> {

		@Override
		public boolean isValid(Object value, ConstraintValidatorContext context) {
			return !holdsNul(value);
		}

		static boolean holdsNul(Object value) {
			if (value instanceof CharSequence text) {
				return text.chars().anyMatch(c -> c == 0);
			}
			if (value instanceof Map<?, ?> map) {
				return map.entrySet()
					.stream()
					.anyMatch(entry -> holdsNul(entry.getKey()) || holdsNul(entry.getValue()));
			}
			if (value instanceof Collection<?> items) {
				return items.stream().anyMatch(Validator::holdsNul);
			}
			return false;
		}

	}

}
