package io.tidings.platform;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * The RFC 9457 problem details Tidings answers bad requests with. Field errors carry a
 * JSON Pointer to the offending member, as in the RFC's own example.
 */
public final class Problems {

	private Problems() {
	}

	public static ProblemDetail badRequest(String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setTitle(title);
		return problem;
	}

	public static ProblemDetail invalidFields(List<InputErrors.FieldError> errors) {
		ProblemDetail problem = badRequest("Invalid request",
				String.join("; ", errors.stream().map(error -> error.field() + " " + error.message()).toList()));
		problem.setProperty("errors",
				errors.stream()
					.map(error -> Map.of("field", error.field(), "pointer", error.pointer(), "detail", error.message()))
					.toList());
		return problem;
	}

	public static ProblemDetail conflict(String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
		problem.setTitle(title);
		return problem;
	}

	public static ProblemDetail notFound(String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
		problem.setTitle(title);
		return problem;
	}

	/** 413: the body went past its limit (an ARF report, an event, an import file). */
	public static ProblemDetail bodyTooLarge(String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, detail);
		problem.setTitle("Request body too large");
		return problem;
	}

	static ProblemDetail bodyTooLarge(BodyTooLarge failure) {
		return bodyTooLarge(failure.getMessage());
	}

	static void write(HttpServletResponse response, ObjectMapper json, ProblemDetail problem) throws IOException {
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		json.writeValue(response.getOutputStream(), problem);
	}

}
