package io.tidings.consent.web;

import java.util.List;
import java.util.Locale;

import io.tidings.consent.Suppression;
import io.tidings.consent.SuppressionReason;
import io.tidings.consent.Suppressions;
import io.tidings.contact.validation.ValidEmailAddress;
import io.tidings.platform.InputErrors.FieldError;
import io.tidings.platform.InvalidInput;
import io.tidings.platform.Problems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The suppression list for operators: look up, add (a complaint reported elsewhere, a
 * manual block) and lift an address. Lifting a hard bounce is a deliberate act: the next
 * mail will go to an address that bounced.
 */
@RestController
@RequestMapping("/api/suppressions")
class SuppressionController {

	private final Suppressions suppressions;

	SuppressionController(Suppressions suppressions) {
		this.suppressions = suppressions;
	}

	@GetMapping
	SuppressionPage list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		if (page < 0 || size < 1 || size > 500) {
			throw new InvalidInput(List.of(page < 0 ? new FieldError("page", "must be 0 or more")
					: new FieldError("size", "must be between 1 and 500")));
		}
		return new SuppressionPage(page, size, suppressions.count(), suppressions.page(page, size));
	}

	@GetMapping("/{email}")
	ResponseEntity<?> find(@PathVariable String email) {
		return suppressions.find(email).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> notFound(email));
	}

	@PostMapping
	ResponseEntity<Suppression> add(@Valid @RequestBody NewSuppression body) {
		suppressions.suppress(body.email(), SuppressionReason.valueOf(body.reason().toUpperCase(Locale.ROOT)),
				body.detail());
		return ResponseEntity.status(HttpStatus.CREATED).body(suppressions.find(body.email()).orElseThrow());
	}

	@DeleteMapping("/{email}")
	ResponseEntity<?> lift(@PathVariable String email) {
		return suppressions.lift(email) ? ResponseEntity.noContent().build() : notFound(email);
	}

	private static ResponseEntity<ProblemDetail> notFound(String email) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.body(Problems.notFound("Not suppressed", "The address '" + email + "' is not on the suppression list"));
	}

	record NewSuppression(@NotBlank @Size(max = 254) @ValidEmailAddress String email,
			@NotBlank @Pattern(regexp = "(?i)hard_bounce|complaint|unsubscribed|manual",
					message = "must be one of hard_bounce, complaint, unsubscribed, manual") String reason,
			@Size(max = 2000) String detail) {
	}

	record SuppressionPage(int page, int size, long total, List<Suppression> suppressions) {
	}

}
