package io.tidings.template.web;

import io.tidings.platform.Problems;
import io.tidings.template.TemplateHasNoSubject;
import io.tidings.template.TemplateRenderingFailed;
import io.tidings.template.UnknownTemplate;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The preview's template failures as problem details, before the catch-all handler. A
 * template that exists but does not render is the template's fault, not the request's
 * form: 422, saying where. Only for the preview: the same failure inside a journey is a
 * failed job, not an answer to whoever posted the event.
 */
@RestControllerAdvice(assignableTypes = TemplatePreviewController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class TemplateProblems {

	@ExceptionHandler(UnknownTemplate.class)
	ResponseEntity<ProblemDetail> unknownTemplate(UnknownTemplate ex) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Problems.notFound("Unknown template", ex.getMessage()));
	}

	@ExceptionHandler(TemplateRenderingFailed.class)
	ResponseEntity<ProblemDetail> renderingFailed(TemplateRenderingFailed ex) {
		ProblemDetail problem = unprocessable("Template failed to render", ex.getMessage());
		problem.setProperty("file", ex.templateName());
		if (ex.line() > 0) {
			problem.setProperty("line", ex.line());
			problem.setProperty("column", ex.column());
		}
		return ResponseEntity.unprocessableEntity().body(problem);
	}

	@ExceptionHandler(TemplateHasNoSubject.class)
	ResponseEntity<ProblemDetail> noSubject(TemplateHasNoSubject ex) {
		return ResponseEntity.unprocessableEntity().body(unprocessable("Template has no subject", ex.getMessage()));
	}

	private static ProblemDetail unprocessable(String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, detail);
		problem.setTitle(title);
		return problem;
	}

}
