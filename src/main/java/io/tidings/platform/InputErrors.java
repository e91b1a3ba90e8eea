package io.tidings.platform;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolation;

/**
 * Says what is wrong with an input, field by field, the same way for every input path: a
 * whole request, or one event of a batch.
 */
public final class InputErrors {

	private InputErrors() {
	}

	/**
	 * One bad field: its dotted path ({@code contact.email}) and what is wrong with it.
	 */
	public record FieldError(String field, String message) {

		String pointer() {
			return "#/" + field.replace("~", "~0").replace("/", "~1").replace('.', '/');
		}

	}

	public static List<FieldError> of(Set<? extends ConstraintViolation<?>> violations) {
		return violations.stream()
			.map(violation -> new FieldError(violation.getPropertyPath().toString().replaceAll("\\[(.*?)]", ".$1"),
					violation.getMessage()))
			.sorted(Comparator.comparing(FieldError::field))
			.toList();
	}

	/** The field a JSON binding failure names, if it names one. */
	public static Optional<FieldError> of(JsonMappingException failure) {
		if (failure instanceof UnrecognizedPropertyException unknown) {
			return Optional.of(new FieldError(path(unknown), "is not a known field"));
		}
		if (failure instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
			return Optional.of(new FieldError(path(mismatch), "must be " + expected(mismatch.getTargetType())));
		}
		return Optional.empty();
	}

	private static String path(JsonMappingException ex) {
		return ex.getPath()
			.stream()
			.map(reference -> reference.getFieldName() != null ? reference.getFieldName()
					: String.valueOf(reference.getIndex()))
			.collect(Collectors.joining("."));
	}

	private static String expected(Class<?> type) {
		if (type == null) {
			return "of another type";
		}
		if (type == String.class) {
			return "a string";
		}
		if (java.util.Map.class.isAssignableFrom(type) || type.isRecord()) {
			return "a JSON object";
		}
		if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
			return "a number";
		}
		return "of type " + type.getSimpleName();
	}

}
