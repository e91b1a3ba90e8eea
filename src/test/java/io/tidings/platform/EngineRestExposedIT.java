package io.tidings.platform;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidings.support.ApiClient;
import io.tidings.support.PostgresApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine REST API opened up ({@code expose-all}, {@code deployment-enabled}): an
 * administrator may query tasks and deploy, other roles still may not, and task queries
 * carrying expressions are still refused while plain ones, {@code orQueries} included,
 * work.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "tidings.dev-mailbox.enabled=false", "tidings.delivery.workers=0",
				"tidings.engine-rest.expose-all=true", "tidings.engine-rest.deployment-enabled=true" })
class EngineRestExposedIT extends PostgresApiTest {

	@Test
	void plainTaskQueriesWorkAndOnesWithExpressionsAreRefused() throws Exception {
		assertThat(api.get("/engine-rest/task?assignee=demo").statusCode()).isEqualTo(200);
		assertThat(api.get("/engine-rest/task/count?assignee=demo").statusCode()).isEqualTo(200);
		HttpResponse<String> plain = api.postJson("/engine-rest/task",
				"{\"orQueries\": [{\"assignee\": \"demo\"}, {\"candidateGroup\": \"camunda-admin\"}]}");
		assertThat(plain.statusCode()).as(plain.body()).isEqualTo(200);
		assertThat(api.postJson("/engine-rest/task/count", "{\"orQueries\": [{\"assignee\": \"demo\"}]}").statusCode())
			.isEqualTo(200);

		HttpResponse<String> query = api.get("/engine-rest/task?assigneeExpression=%24%7BcurrentUser()%7D");
		assertThat(query.statusCode()).isEqualTo(400);
		assertThat(query.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		for (String body : TaskQueryBodies.WITH_EXPRESSIONS) {
			for (String path : new String[] { "/engine-rest/task", "/engine-rest/task/count",
					"/engine-rest/engine/default/task" }) {
				HttpResponse<String> refused = api.postJson(path, body);
				assertThat(refused.statusCode()).as(path + " " + body + " -> " + refused.body()).isEqualTo(400);
				JsonNode problem = json.readTree(refused.body());
				assertThat(problem.get("title").asText()).isEqualTo("Expression in a task query");
			}
		}
		JsonNode nested = json.readTree(api
			.postJson("/engine-rest/task", "{\"orQueries\": [{\"name\": \"a\"}, {\"assigneeExpression\": \"${x}\"}]}")
			.body());
		assertThat(nested.get("detail").asText()).contains("/orQueries/1/assigneeExpression");
	}

	@Test
	void anAdministratorDeploysAndOtherRolesDoNot() throws Exception {
		String key = "restDeployed" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
		HttpResponse<String> deployed = deploy(api, key);
		assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
		assertThat(json.readTree(api.get("/engine-rest/process-definition?key=" + key).body())).hasSize(1);

		String events = key("events", "deployer without the role");
		assertThat(deploy(ApiClient.withKey(port, events), key + "x").statusCode()).isEqualTo(403);
		String reader = key("reader", "reader");
		assertThat(ApiClient.withKey(port, reader).get("/engine-rest/process-definition").statusCode()).isEqualTo(403);
		assertThat(ApiClient.withKey(port, reader).get("/engine-rest/process-instance").statusCode()).isEqualTo(200);
		assertThat(api.get("/engine-rest/process-definition?maxResults=1001").statusCode()).isEqualTo(400);
	}

	private String key(String role, String name) throws Exception {
		HttpResponse<String> made = api.postJson("/api/api-keys",
				"{\"name\": \"" + name + "\", \"roles\": [\"" + role + "\"]}");
		assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
		return json.readTree(made.body()).get("secret").asText();
	}

	private static HttpResponse<String> deploy(ApiClient client, String key) {
		String boundary = "tidings" + UUID.randomUUID();
		String bpmn = """
				<?xml version="1.0" encoding="UTF-8"?>
				<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
				             xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="https://tidings.io/test">
				  <process id="%s" isExecutable="true" camunda:historyTimeToLive="1">
				    <startEvent id="start" />
				  </process>
				</definitions>"""
			.formatted(key);
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + key
				+ "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"" + key
				+ ".bpmn\"\r\nContent-Type: application/xml\r\n\r\n" + bpmn + "\r\n--" + boundary + "--\r\n";
		return client.send(client.request("/engine-rest/deployment/create")
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

}
