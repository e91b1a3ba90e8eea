package io.tidings.platform;

import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every way a request to our controllers can be wrong into a 400 problem that names
 * the field, and anything unexpected into a 500 problem that reveals nothing but a
 * reference for the logs. A module's own failures (an unknown contact) are mapped by an
 * advice in that module, ordered before this one, so platform depends on no module that
 * depends on it.
 */
@RestControllerAdvice(basePackages = "io.tidings")
class ApiProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<InputErrors.FieldError> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(error -> new InputErrors.FieldError(error.getField().replaceAll("\\[(.*?)]", ".$1"),
					error.getDefaultMessage()))
			.sorted((a, b) -> a.field().compareTo(b.field()))
			.toList();
		return ResponseEntity.badRequest().body(Problems.invalidFields(errors));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = describe(ex);
		return ResponseEntity.status(problem.getStatus()).body(problem);
	}

	@ExceptionHandler(InvalidInput.class)
	ResponseEntity<ProblemDetail> invalidInput(InvalidInput ex) {
		return ResponseEntity.badRequest().body(Problems.invalidFields(ex.errors()));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		if (unstorableText(ex)) {
			// Input checks reject NUL where we know of it; this catches any path they
			// miss.
			return ResponseEntity.badRequest()
				.body(Problems.badRequest("Text the database cannot store",
						"A text in the request holds a character the database cannot store, such as NUL (\\u0000); "
								+ "nothing was stored."));
		}
		String reference = UUID.randomUUID().toString();
		log.error("Unexpected failure, reference {}", reference, ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"Something went wrong on our side; nothing was stored. Reference: " + reference);
		problem.setTitle("Internal error");
		return ResponseEntity.internalServerError().body(problem);
	}

	private static ProblemDetail describe(HttpMessageNotReadableException ex) {
		BodyTooLarge tooLarge = cause(ex, BodyTooLarge.class);
		if (tooLarge != null) {
			return Problems.bodyTooLarge(tooLarge);
		}
		JsonParseException parse = cause(ex, JsonParseException.class);
		if (parse != null) {
			return Problems.badRequest("Malformed JSON", "The body is not valid JSON: " + parse.getOriginalMessage()
					+ " at line " + parse.getLocation().getLineNr() + ", column " + parse.getLocation().getColumnNr());
		}
		JsonMappingException mapping = cause(ex, JsonMappingException.class);
		if (mapping != null) {
			var field = InputErrors.of(mapping);
			if (field.isPresent()) {
				return Problems.invalidFields(List.of(field.get()));
			}
		}
		return Problems.badRequest("Unreadable request", "The body must be a JSON object");
	}

	/**
	 * PostgreSQL refuses NUL in text (SQL state 22021, character not in repertoire) and
	 * characters its encoding lacks (22P05); the transaction rolled back.
	 */
	private static boolean unstorableText(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			for (SQLException sql = cause instanceof SQLException first ? first : null; sql != null; sql = sql
				.getNextException()) {
				if ("22021".equals(sql.getSQLState()) || "22P05".equals(sql.getSQLState())) {
					return true;
				}
			}
		}
		return false;
	}

	private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

}
