package io.tidings.contact.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import java.util.Map;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Attribute numbers are stored as DECIMAL(30, 10), the same on H2 and PostgreSQL: a
 * number with 20 or more digits before the point, or one JSON reads as infinite
 * ({@code 1e400}), cannot be, and is the caller's mistake rather than our 500.
 */
@Documented
@Constraint(validatedBy = StorableNumbers.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface StorableNumbers {

	String message() default "holds a number that is not finite or has 20 or more digits before the decimal point";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<StorableNumbers, Map<String, Object>> {

		private static final BigDecimal LIMIT = BigDecimal.TEN.pow(20);

		@Override
		public boolean isValid(Map<String, Object> values, ConstraintValidatorContext context) {
			return values == null
					|| values.values().stream().noneMatch(value -> value instanceof Number number && !storable(number));
		}

		static boolean storable(Number number) {
			if (number instanceof Double || number instanceof Float) {
				double d = number.doubleValue();
				if (Double.isNaN(d) || Double.isInfinite(d)) {
					return false;
				}
			}
			return new BigDecimal(number.toString()).abs().compareTo(LIMIT) < 0;
		}

	}

}
