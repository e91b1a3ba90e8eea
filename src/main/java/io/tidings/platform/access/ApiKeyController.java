package io.tidings.platform.access;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import io.tidings.platform.InputErrors.FieldError;
import io.tidings.platform.InvalidInput;
import io.tidings.platform.Problems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * API keys for machine clients, for administrators: make one (its secret is in this
 * answer and nowhere else, ever), list them with their last use, revoke one.
 */
@RestController
@RequestMapping("/api/api-keys")
class ApiKeyController {

	private static final String KNOWN_ROLES = Arrays.stream(Role.values())
		.map(Role::id)
		.collect(Collectors.joining(", "));

	private final ApiKeys keys;

	ApiKeyController(ApiKeys keys) {
		this.keys = keys;
	}

	@PostMapping
	ResponseEntity<NewKeyAnswer> issue(@Valid @RequestBody NewKey body, Authentication caller) {
		List<Role> roles = roles(body.roles());
		IssuedApiKey issued = keys.issue(body.name().strip(), roles, caller.getName());
		return ResponseEntity.created(URI.create("/api/api-keys/" + issued.key().id()))
			.cacheControl(CacheControl.noStore())
			.body(NewKeyAnswer.of(issued));
	}

	@GetMapping
	List<ApiKey> list() {
		return keys.list();
	}

	@DeleteMapping("/{id}")
	ResponseEntity<?> revoke(@PathVariable String id) {
		return keys.revoke(id) ? ResponseEntity.noContent().build() : ResponseEntity.status(HttpStatus.NOT_FOUND)
			.body(Problems.notFound("Unknown API key", "There is no live API key with id '" + id + "'"));
	}

	private static List<Role> roles(List<String> ids) {
		List<FieldError> errors = new ArrayList<>();
		List<Role> roles = new ArrayList<>();
		for (int i = 0; i < ids.size(); i++) {
			Optional<Role> role = Role.of(ids.get(i));
			if (role.isPresent()) {
				roles.add(role.get());
			}
			else {
				errors.add(new FieldError("roles." + i, "must be one of " + KNOWN_ROLES));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		return roles;
	}

	record NewKey(
			@NotBlank @Size(max = 100) @Pattern(regexp = "\\P{Cntrl}*",
					message = "must not contain control characters") String name,
			@NotEmpty @Size(
					max = 4) List<@NotNull(message = "must be one of events, reader, api, admin") String> roles) {
	}

	record NewKeyAnswer(String id, String name, List<String> roles, Instant createdAt, String createdBy,
			String secret) {

		static NewKeyAnswer of(IssuedApiKey issued) {
			ApiKey key = issued.key();
			return new NewKeyAnswer(key.id(), key.name(), key.roles(), key.createdAt(), key.createdBy(),
					issued.secret());
		}

	}

}
