package io.tidings.platform;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidings.support.ApiClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.web.servlet.handler.AbstractUrlHandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route of the running application, asked without credentials. The MVC routes (our
 * controllers and Actuator's endpoints), URL-mapped handlers and static files are read
 * from the application itself; Jersey's {@code /engine-rest} and Camunda's webapps, which
 * Spring MVC cannot see, are listed by hand. A protected route must answer 401 (a problem
 * with a Basic challenge for our routes, Camunda's own 401 for its webapps); a public one
 * is named here with the reason it is public. A route that appears in the application but
 * not in these lists fails the test, so nobody adds a route without deciding who may call
 * it.
 */
class AuthenticationMatrixIT extends AccessTest {

	private static final String PROTECTED = "protected";

	/**
	 * Every MVC route as "METHOD pattern [params]": PROTECTED, or the reason it is
	 * public.
	 */
	private static final Map<String, String> MVC_ROUTES = new TreeMap<>(Map.ofEntries(
			// Our API
			Map.entry("GET /api/api-keys", PROTECTED), Map.entry("POST /api/api-keys", PROTECTED),
			Map.entry("DELETE /api/api-keys/{id}", PROTECTED), Map.entry("GET /api/broadcasts", PROTECTED),
			Map.entry("POST /api/broadcasts", PROTECTED), Map.entry("GET /api/broadcasts/{id}", PROTECTED),
			Map.entry("DELETE /api/contacts/{id}", PROTECTED), Map.entry("GET /api/contacts/{id}", PROTECTED),
			Map.entry("GET /api/contacts", PROTECTED), Map.entry("PUT /api/contacts/{id}", PROTECTED),
			Map.entry("GET /api/contacts/{id}/consent", PROTECTED),
			Map.entry("POST /api/contacts/{id}/consent", PROTECTED),
			Map.entry("GET /api/contacts/{id}/export", PROTECTED), Map.entry("POST /api/contacts/import", PROTECTED),
			Map.entry("GET /api/contacts/imports/{importId}", PROTECTED),
			Map.entry("GET /api/contacts/imports/{importId}/rejected", PROTECTED),
			Map.entry("GET /api/deliveries/{id}", PROTECTED), Map.entry("POST /api/deliveries/{id}/retry", PROTECTED),
			Map.entry("POST /api/events", PROTECTED), Map.entry("POST /api/events/batch", PROTECTED),
			Map.entry("GET /api/experiments", PROTECTED), Map.entry("GET /api/experiments/{id}", PROTECTED),
			Map.entry("POST /api/feedback-loop", PROTECTED), Map.entry("GET /api/journeys", PROTECTED),
			Map.entry("GET /api/journeys/{key}/migrations", PROTECTED),
			Map.entry("POST /api/journeys/{key}/migrations", PROTECTED),
			Map.entry("GET /api/journeys/{key}/migrations/{batchId}", PROTECTED),
			Map.entry("POST /api/journeys/{key}/simulate", PROTECTED),
			Map.entry("GET /api/journeys/{key}/stats", PROTECTED),
			Map.entry("GET /api/journeys/{key}/stats/daily", PROTECTED), Map.entry("GET /api/segments", PROTECTED),
			Map.entry("POST /api/segments", PROTECTED), Map.entry("DELETE /api/segments/{key}", PROTECTED),
			Map.entry("GET /api/segments/{key}", PROTECTED), Map.entry("GET /api/segments/{key}/contacts", PROTECTED),
			Map.entry("GET /api/segments/{key}/count", PROTECTED), Map.entry("GET /api/suppressions", PROTECTED),
			Map.entry("POST /api/suppressions", PROTECTED), Map.entry("DELETE /api/suppressions/{email}", PROTECTED),
			Map.entry("GET /api/suppressions/{email}", PROTECTED),
			Map.entry("GET /api/templates/{key}/preview", PROTECTED),
			// Pages for operators
			Map.entry("GET /dashboard", PROTECTED), Map.entry("GET /dev/mailbox", PROTECTED),
			Map.entry("POST /dev/mailbox/clear", PROTECTED), Map.entry("GET /dev/mailbox/messages", PROTECTED),
			Map.entry("GET /dev/mailbox/{number}", PROTECTED),
			// Actuator
			Map.entry("GET /actuator", PROTECTED), Map.entry("GET /actuator/info", PROTECTED),
			Map.entry("GET /actuator/health",
					"load balancers and orchestrators probe it without credentials; it says UP or DOWN, nothing more (its parts only to admins and readers, see HealthIT)"),
			Map.entry("GET /actuator/health/**",
					"liveness and readiness probes, as health; a part's details are 404 without an operator's login"),
			// Recipients: they follow links from their mail and have no login
			Map.entry("GET /t/o/{token}", "open pixel in every tracked mail; the signed token is the credential"),
			Map.entry("GET /t/c/{token}", "tracked link in a mail; the signed token is the credential"),
			Map.entry("GET /u/{token}", "unsubscribe page linked from every marketing mail; signed token"),
			Map.entry("POST /u/{token} [!List-Unsubscribe]", "the unsubscribe page's buttons; signed token"),
			Map.entry("POST /u/{token} [List-Unsubscribe=One-Click]",
					"RFC 8058 one-click unsubscribe, which mail providers post without any login; signed token"),
			Map.entry("GET /preferences/{token}", "preference center linked from every marketing mail; signed token"),
			Map.entry("POST /preferences/{token} [action=save]", "the preference center's save; signed token"),
			Map.entry("POST /preferences/{token} [action=unsubscribe-all]",
					"the preference center's unsubscribe from all; signed token"),
			Map.entry("GET /confirm/{token}", "double opt-in confirmation link; signed token"),
			Map.entry("POST /confirm/{token}", "double opt-in confirmation button; signed token"),
			// Spring Boot
			Map.entry("ANY /error", "Spring Boot's error page, shown for failures of any route; it carries no data")));

	/** Handlers mapped by URL rather than by annotation (static files, WebJars). */
	private static final Map<String, String> URL_ROUTES = Map.of("/webjars/**",
			"Chart.js for the dashboard: published library code, no data", "/**",
			"static files, each listed in STATIC_FILES", "/camunda/app/**",
			"the webapps' page shells, listed in OTHER_ROUTES", "/camunda/api/**",
			"the webapps' API, which Camunda's own filters authenticate; probed in OTHER_ROUTES", "/camunda/assets/**",
			"the webapps' scripts, styles and images: published code, no data", "/camunda/lib/**",
			"the webapps' libraries: published code, no data", "/camunda/favicon.ico", "an icon");

	/**
	 * Files under static/: served by "/**", so they follow the security of their path.
	 */
	private static final Map<String, String> STATIC_FILES = Map.of("/dashboard/dashboard.css", PROTECTED,
			"/dashboard/dashboard.js", PROTECTED, "/dev/mailbox.css", PROTECTED);

	/** What Spring MVC cannot see: Jersey's engine REST API and Camunda's webapps. */
	private static final Map<String, String> OTHER_ROUTES = new TreeMap<>(Map.ofEntries(
			Map.entry("GET /engine-rest/engine", PROTECTED), Map.entry("POST /engine-rest/message", PROTECTED),
			Map.entry("GET /engine-rest/process-instance", PROTECTED),
			Map.entry("GET /engine-rest/process-instance/some-id", PROTECTED),
			Map.entry("GET /engine-rest/incident", PROTECTED),
			Map.entry("GET /engine-rest/process-definition", PROTECTED),
			Map.entry("POST /engine-rest/deployment/create", PROTECTED), Map.entry("GET /engine-rest/task", PROTECTED),
			Map.entry("POST /engine-rest/task", PROTECTED), Map.entry("GET /engine-rest/user", PROTECTED),
			Map.entry("GET /engine-rest/engine/default/process-definition", PROTECTED),
			Map.entry("GET /camunda/api/engine/engine/default/process-definition", PROTECTED),
			Map.entry("GET /camunda/api/engine/engine/default/task", PROTECTED),
			Map.entry("GET /camunda/api/engine/engine/default/user", PROTECTED),
			Map.entry("GET /camunda/api/cockpit/plugin/base/default/process-definition/statistics", PROTECTED),
			Map.entry("GET /camunda/app/cockpit/default/",
					"Cockpit's page shell with its login form; every call for data goes through /camunda/api and needs the login"),
			Map.entry("GET /camunda/app/admin/default/", "Admin's page shell and login form, as Cockpit's"),
			Map.entry("GET /camunda/app/tasklist/default/", "Tasklist's page shell and login form, as Cockpit's"),
			Map.entry("GET /camunda/app/welcome/default/", "the webapps' welcome page shell and login form"),
			Map.entry("POST /camunda/api/admin/auth/user/default/login/cockpit",
					"the login itself (a wrong password gets 401, see below)")));

	@Autowired
	ApplicationContext context;

	@Test
	void everyMvcRouteIsListedAndProtectedUnlessPublicForAReason() throws Exception {
		Map<String, RequestMappingInfo> routes = mvcRoutes();
		assertThat(new TreeSet<>(routes.keySet())).as("MVC routes of the running app; add new ones to MVC_ROUTES")
			.containsExactlyElementsOf(MVC_ROUTES.keySet());
		List<String> failures = new ArrayList<>();
		for (Map.Entry<String, RequestMappingInfo> route : routes.entrySet()) {
			String expected = MVC_ROUTES.get(route.getKey());
			for (HttpRequest.Builder request : requests(route.getKey(), route.getValue())) {
				check(route.getKey(), request, expected, failures);
			}
		}
		assertThat(failures).isEmpty();
	}

	@Test
	void everyUrlMappedHandlerAndStaticFileIsListed() throws Exception {
		Set<String> patterns = new TreeSet<>();
		context.getBeansOfType(AbstractUrlHandlerMapping.class)
			.values()
			.forEach(mapping -> patterns.addAll(mapping.getHandlerMap().keySet()));
		assertThat(patterns).containsExactlyInAnyOrderElementsOf(URL_ROUTES.keySet());

		Set<String> files = new TreeSet<>();
		String root = new PathMatchingResourcePatternResolver().getResource("classpath:static/").getURL().toString();
		for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath:static/**/*.*")) {
			files.add("/" + file.getURL().toString().substring(root.length()));
		}
		assertThat(files).containsExactlyInAnyOrderElementsOf(STATIC_FILES.keySet());
		List<String> failures = new ArrayList<>();
		ApiClient anonymous = ApiClient.anonymous(port);
		for (String file : files) {
			check("GET " + file, anonymous.request(file).GET(), STATIC_FILES.get(file), failures);
		}
		HttpResponse<String> chart = anonymous.get("/webjars/chart.js/dist/chart.umd.js");
		assertThat(chart.statusCode()).as("the dashboard's Chart.js").isEqualTo(200);
		assertThat(failures).isEmpty();
	}

	@Test
	void engineRestAndTheCamundaWebappsNeedALogin() throws Exception {
		List<String> failures = new ArrayList<>();
		ApiClient anonymous = ApiClient.anonymous(port);
		for (Map.Entry<String, String> route : OTHER_ROUTES.entrySet()) {
			String[] parts = route.getKey().split(" ");
			HttpRequest.Builder request = anonymous.request(parts[1])
				.header("Content-Type", "application/json")
				.method(parts[0], HttpRequest.BodyPublishers.ofString(parts[0].equals("GET") ? "" : "{}"));
			if (!parts[1].startsWith("/camunda/api/admin/auth/user/default/login")) {
				check(route.getKey(), request, route.getValue(), failures);
			}
		}
		assertThat(failures).isEmpty();
		HttpResponse<String> wrongLogin = anonymous
			.send(anonymous.request("/camunda/api/admin/auth/user/default/login/cockpit")
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("username=matrix-nobody&password=wrong")));
		assertThat(wrongLogin.statusCode()).isIn(401, 403);
	}

	private void check(String route, HttpRequest.Builder request, String expected, List<String> failures)
			throws Exception {
		HttpResponse<String> response = ApiClient.anonymous(port).send(request);
		String uri = response.request().uri().getPath();
		if (PROTECTED.equals(expected)) {
			if (response.statusCode() != 401) {
				failures.add(route + " (" + uri + "): " + response.statusCode() + " instead of 401");
			}
			else if (!uri.startsWith("/camunda/")) {
				boolean challenge = response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic");
				JsonNode body = json.readTree(response.body());
				if (!challenge || body == null || body.path("status").asInt() != 401) {
					failures.add(route + ": 401 without a Basic challenge and problem details");
				}
			}
		}
		else if (response.statusCode() == 401 || response.statusCode() == 403) {
			failures.add(route + " is listed as public (" + expected + ") but answered " + response.statusCode());
		}
	}

	private Map<String, RequestMappingInfo> mvcRoutes() {
		Map<String, RequestMappingInfo> routes = new TreeMap<>();
		for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class)
			.values()) {
			mapping.getHandlerMethods().keySet().forEach(info -> {
				Set<String> methods = new TreeSet<>();
				info.getMethodsCondition().getMethods().forEach(method -> methods.add(method.name()));
				if (methods.isEmpty()) {
					methods.add("ANY");
				}
				String params = info.getParamsCondition().getExpressions().isEmpty() ? ""
						: " " + info.getParamsCondition().getExpressions().toString().replace(", ", ",");
				for (String pattern : info.getPatternValues()) {
					for (String method : methods) {
						routes.put(method + " " + pattern + params, info);
					}
				}
			});
		}
		return routes;
	}

	/** Concrete requests for a route: its path variables filled, its parameters set. */
	private List<HttpRequest.Builder> requests(String route, RequestMappingInfo info) {
		String method = route.substring(0, route.indexOf(' '));
		String path = route.substring(route.indexOf(' ') + 1)
			.replaceAll(" \\[.*]$", "")
			.replaceAll("\\{[^}]+}", "matrix-probe")
			.replace("/**", "/liveness");
		StringBuilder query = new StringBuilder();
		info.getParamsCondition().getExpressions().forEach(expression -> {
			if (!expression.isNegated()) {
				query.append(query.isEmpty() ? "?" : "&")
					.append(expression.getName())
					.append('=')
					.append(expression.getValue() == null ? "x" : expression.getValue());
			}
		});
		ApiClient anonymous = ApiClient.anonymous(port);
		List<HttpRequest.Builder> requests = new ArrayList<>();
		for (String verb : method.equals("ANY") ? List.of("GET", "POST") : List.of(method)) {
			requests.add(anonymous.request(path + query)
				.header("Content-Type", "application/json")
				.method(verb, HttpRequest.BodyPublishers.ofString(verb.equals("GET") ? "" : "{}")));
		}
		return requests;
	}

}
