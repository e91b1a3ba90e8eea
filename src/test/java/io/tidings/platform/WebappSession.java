package io.tidings.platform;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cockpit's own session over plain HTTP, as its browser code does it: fetch the page for
 * the XSRF cookie, post the login form with the cookie echoed in {@code X-XSRF-TOKEN},
 * then call {@code /camunda/api/**} with the session.
 */
final class WebappSession {

	private final CookieManager cookies = new CookieManager();

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(cookies)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final String base;

	private WebappSession(int port) {
		this.base = "http://localhost:" + port;
	}

	static WebappSession logIn(int port, String user, String password) throws Exception {
		WebappSession session = new WebappSession(port);
		HttpResponse<String> login = session.tryLogIn(user, password);
		assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
		return session;
	}

	/** The answer to Cockpit's login form, whatever it is. */
	static HttpResponse<String> attemptLogIn(int port, String user, String password) throws Exception {
		return new WebappSession(port).tryLogIn(user, password);
	}

	private HttpResponse<String> tryLogIn(String user, String password) throws Exception {
		assertThat(send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/cockpit/default/")).GET()).statusCode())
			.isEqualTo(200);
		return send(request("/camunda/api/admin/auth/user/default/login/cockpit")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
					+ "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8))));
	}

	HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return send(request(path).GET());
	}

	HttpResponse<String> postJson(String path, String body) throws IOException, InterruptedException {
		return send(request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
		cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
			.reduce((first, second) -> second)
			.ifPresent(cookie -> builder.header("X-XSRF-TOKEN", cookie.getValue()));
		return builder;
	}

	private HttpResponse<String> send(HttpRequest.Builder builder) throws IOException, InterruptedException {
		return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
	}

}
