package io.tidings.platform.access;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Answers a caller whose roles do not cover the request with a 403 problem that names the
 * roles.
 */
public class ProblemAccessDenied implements AccessDeniedHandler {

	private final ObjectMapper json;

	public ProblemAccessDenied(ObjectMapper json) {
		this.json = json;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException {
		ProblemResponses.write(response, json, HttpStatus.FORBIDDEN, "Not allowed",
				"Your roles do not allow " + request.getMethod() + " " + request.getRequestURI()
						+ " (roles: events, reader, api, admin; see the README, \"Roles and API keys\")");
	}

}
