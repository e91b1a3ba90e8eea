package io.tidings.platform;

import java.util.List;

/**
 * Input that failed checks made in code rather than by binding; answered as a 400 problem
 * naming each field.
 */
public class InvalidInput extends RuntimeException {

	private final List<InputErrors.FieldError> errors;

	public InvalidInput(List<InputErrors.FieldError> errors) {
		super(String.join("; ", errors.stream().map(error -> error.field() + " " + error.message()).toList()));
		this.errors = List.copyOf(errors);
	}

	public List<InputErrors.FieldError> errors() {
		return errors;
	}

}
