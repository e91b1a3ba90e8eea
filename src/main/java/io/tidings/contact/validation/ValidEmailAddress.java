package io.tidings.contact.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.tidings.contact.EmailAddresses;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A recipient address as {@link EmailAddresses#isValid} accepts it; null passes
 * (use @NotNull).
 */
@Documented
@Constraint(validatedBy = ValidEmailAddress.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidEmailAddress {

	String message() default "is not a valid email address";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<ValidEmailAddress, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return value == null || EmailAddresses.isValid(value);
		}

	}

}
