package io.tidings.platform;

import java.net.http.HttpResponse;

import io.tidings.support.ApiClient;
import io.tidings.support.PostgresApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind a proxy the operator trusts ({@code server.forward-headers-strategy=native};
 * Tomcat trusts loopback and private addresses unless told otherwise), the rate limit
 * counts the client that X-Forwarded-For names, so recipients behind one proxy do not
 * share one bucket.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "tidings.dev-mailbox.enabled=false", "tidings.delivery.workers=0",
				"server.forward-headers-strategy=native", "tidings.public-pages.rate-limit.burst=3",
				"tidings.public-pages.rate-limit.per-second=0.01" })
class PublicPagesBehindProxyIT extends PostgresApiTest {

	@Test
	void eachForwardedClientHasItsOwnBucket() {
		for (int i = 0; i < 3; i++) {
			assertThat(fetchAs("203.0.113.1").statusCode()).isEqualTo(404);
		}
		HttpResponse<String> limited = fetchAs("203.0.113.1");
		assertThat(limited.statusCode()).isEqualTo(429);
		assertThat(limited.headers().firstValue("Retry-After")).isPresent();

		assertThat(fetchAs("203.0.113.2").statusCode()).isEqualTo(404);
		// The proxy's own requests (no header) are a client of their own too.
		assertThat(fetchAs(null).statusCode()).isEqualTo(404);
		// A client cannot slip out by adding its own entry in front: the proxy appends
		// the address it saw last, and that is the one counted.
		assertThat(fetchAs("198.51.100.9, 203.0.113.1").statusCode()).isEqualTo(429);
	}

	private HttpResponse<String> fetchAs(String forwardedFor) {
		ApiClient client = ApiClient.anonymous(port);
		var request = client.request("/t/o/AAAAAAAAAAAAAAAAAAAAAA");
		if (forwardedFor != null) {
			request.header("X-Forwarded-For", forwardedFor);
		}
		return client.send(request.GET());
	}

}
