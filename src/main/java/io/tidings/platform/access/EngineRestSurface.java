package io.tidings.platform.access;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Narrows Camunda's REST API. Camunda 7 Community gets no more security fixes, so
 * {@code /engine-rest} offers by default only what a shop's developer needs: correlating
 * messages and reading process instances and incidents; deployment needs its own switch.
 * Task queries carrying expressions are refused everywhere the REST resources are mounted
 * (also Cockpit's and Tasklist's {@code /camunda/api/engine}), see
 * {@link ExpressionFreeTaskQueries}. List queries on {@code /engine-rest} are bounded by
 * {@code tidings.engine-rest.max-results}: the engine's own {@code queryMaxResultsLimit}
 * applies only to users logged in to the engine, which Cockpit's are and API clients are
 * not, so it would break Cockpit's unbounded lists and still leave the REST API open.
 * Runs after Spring Security, so an anonymous caller learns nothing here.
 */
public class EngineRestSurface extends OncePerRequestFilter {

	private static final Pattern ENGINE_REST = Pattern.compile("/engine-rest(?:/engine/[^/]+)?(/.*)?");

	private static final Pattern WEBAPP_ENGINE = Pattern.compile("/camunda/api/engine/engine/[^/]+(/.*)?");

	private static final Pattern DEPLOYING = Pattern.compile("/deployment/(create|[^/]+/redeploy)");

	private final EngineRestProperties properties;

	private final ExpressionFreeTaskQueries taskQueries;

	private final ObjectMapper json;

	public EngineRestSurface(EngineRestProperties properties, ObjectMapper json) {
		this.properties = properties;
		this.taskQueries = new ExpressionFreeTaskQueries(json);
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
		Optional<String> engineRest = resource(ENGINE_REST, path);
		Optional<String> resource = engineRest.or(() -> resource(WEBAPP_ENGINE, path));
		if (resource.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		HttpServletRequest checked = request;
		if (ExpressionFreeTaskQueries.isTaskQuery(resource.get())) {
			ExpressionFreeTaskQueries.Verdict verdict = taskQueries.check(request);
			if (verdict.refusal() != null) {
				ProblemResponses.write(response, json, HttpStatus.BAD_REQUEST, "Expression in a task query",
						verdict.refusal());
				return;
			}
			checked = verdict.request();
		}
		if (engineRest.isPresent()) {
			String refusal = refusal(request.getMethod(), engineRest.get());
			if (refusal != null) {
				ProblemResponses.write(response, json, HttpStatus.FORBIDDEN, "Not exposed", refusal);
				return;
			}
			MaxResults.Verdict bounded = MaxResults.bound(checked, properties.maxResults());
			if (bounded.refusal() != null) {
				ProblemResponses.write(response, json, HttpStatus.BAD_REQUEST, "Too many results asked for",
						bounded.refusal());
				return;
			}
			checked = bounded.request();
		}
		chain.doFilter(checked, response);
	}

	private String refusal(String method, String resource) {
		if (DEPLOYING.matcher(resource).matches()) {
			return properties.deploymentEnabled() ? null
					: "Deployment over REST is off; set TIDINGS_ENGINE_REST_DEPLOYMENT_ENABLED=true to allow it";
		}
		if (properties.exposeAll() || developerSurface(method, resource)) {
			return null;
		}
		return method + " /engine-rest" + resource + " is not exposed: /engine-rest offers POST /message and reads"
				+ " of /process-instance and /incident; set TIDINGS_ENGINE_REST_EXPOSE_ALL=true for the whole API";
	}

	private static boolean developerSurface(String method, String resource) {
		if (method.equals("POST")) {
			return resource.equals("/message");
		}
		if (method.equals("GET") || method.equals("HEAD")) {
			return under(resource, "/process-instance") || under(resource, "/incident");
		}
		return false;
	}

	private static boolean under(String resource, String collection) {
		return resource.equals(collection) || resource.startsWith(collection + "/");
	}

	/** The resource path below the API's root, without a trailing slash. */
	private static Optional<String> resource(Pattern root, String path) {
		Matcher matcher = root.matcher(path);
		if (!matcher.matches()) {
			return Optional.empty();
		}
		String resource = matcher.group(1) == null ? "" : matcher.group(1);
		while (resource.endsWith("/")) {
			resource = resource.substring(0, resource.length() - 1);
		}
		return Optional.of(resource);
	}

}
