package io.tidings.platform;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidings.support.ApiClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default engine surface over real HTTP: {@code /engine-rest} answers message
 * correlation and process-instance and incident reads only, even for an administrator;
 * deployment is off; lists are bounded; and task queries with expressions are refused on
 * both mounts of the REST API, {@code /engine-rest} and Cockpit's
 * {@code /camunda/api/engine}, in query parameters and in bodies with nested
 * {@code orQueries}.
 */
class EngineRestSurfaceIT extends AccessTest {

	@ParameterizedTest
	@ValueSource(strings = { "GET /engine-rest/process-definition", "GET /engine-rest/deployment",
			"POST /engine-rest/deployment/create", "POST /engine-rest/engine/default/deployment/create",
			"GET /engine-rest/task", "GET /engine-rest/user", "GET /engine-rest/job",
			"GET /engine-rest/variable-instance", "GET /engine-rest/history/process-instance",
			"GET /engine-rest/engine", "POST /engine-rest/process-instance",
			"DELETE /engine-rest/process-instance/some-id", "PUT /engine-rest/process-instance/some-id/variables/x",
			"POST /engine-rest/process-definition/key/welcome/start", "POST /engine-rest/signal",
			"POST /engine-rest/incident/some-id/annotation", "GET /engine-rest/engine/default/process-definition" })
	void theRestIsNotExposedEvenToAnAdministrator(String request) throws Exception {
		String[] parts = request.split(" ");
		HttpResponse<String> response = api.send(api.request(parts[1])
			.header("Content-Type", "application/json")
			.method(parts[0], java.net.http.HttpRequest.BodyPublishers.ofString(parts[0].equals("GET") ? "" : "{}")));
		JsonNode problem = problem(response, 403);
		assertThat(problem.get("detail").asText()).containsAnyOf("TIDINGS_ENGINE_REST_EXPOSE_ALL",
				"TIDINGS_ENGINE_REST_DEPLOYMENT_ENABLED");
	}

	@Test
	void theDeveloperSurfaceAnswers() {
		for (String path : new String[] { "/engine-rest/process-instance", "/engine-rest/process-instance/count",
				"/engine-rest/incident", "/engine-rest/incident/count", "/engine-rest/engine/default/process-instance",
				"/engine-rest/process-instance/" }) {
			HttpResponse<String> response = api.get(path);
			assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
		}
		assertThat(api.get("/engine-rest/process-instance/no-such-instance").statusCode()).isEqualTo(404);
	}

	@Test
	void listsAreBoundedByTheConfiguredMaximum() throws Exception {
		ApiClient events = client(key("bounded lists", "events"));
		for (int i = 0; i < 4; i++) {
			HttpResponse<String> started = events.postJson("/engine-rest/message",
					"{\"messageName\": \"ProbeStarted\", \"businessKey\": \"bounded-" + i + "\"}");
			assertThat(started.statusCode()).as(started.body()).isEqualTo(204);
		}
		String query = "/engine-rest/process-instance?processDefinitionKey=correlationProbe";
		assertThat(json.readTree(api.get(query.replace("process-instance", "process-instance/count")).body())
			.get("count")
			.asInt()).isGreaterThanOrEqualTo(4);
		assertThat(json.readTree(api.get(query).body())).hasSize(3);
		assertThat(json.readTree(api.get(query + "&maxResults=2").body())).hasSize(2);
		assertThat(json.readTree(api.get(query + "&firstResult=1&maxResults=3").body())).hasSize(3);
		assertThat(problem(api.get(query + "&maxResults=4"), 400).get("detail").asText()).contains("at most 3");
		problem(api.get(query + "&maxResults=many"), 400);
		problem(api.get(query + "&maxResults=1&maxResults=100"), 400);
		problem(api.get(query + "&max%52esults=100"), 400);
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "assigneeExpression=${currentUser()}", "candidateGroupsExpression=%24%7BcurrentUserGroups()%7D",
					"assigneeExpression=%23%7B1%2B1%7D", "nameLike=%24{x}", "%24%7Bx%7D=1" })
	void taskQueryParametersWithExpressionsAreRefused(String parameter) throws Exception {
		String query = parameter.replace("{", "%7B").replace("}", "%7D");
		assertThat(problem(api.get("/engine-rest/task?" + query), 400).get("title").asText())
			.isEqualTo("Expression in a task query");
		problem(api.get("/engine-rest/task/count?" + query), 400);
		WebappSession cockpit = WebappSession.logIn(port, "demo", "demo");
		problem(cockpit.get("/camunda/api/engine/engine/default/task?" + query), 400);
	}

	@Test
	void cockpitsTaskQueriesWorkWithoutExpressionsAndAreRefusedWithThem() throws Exception {
		WebappSession cockpit = WebappSession.logIn(port, "demo", "demo");
		assertThat(cockpit.get("/camunda/api/engine/engine/default/task?assignee=demo").statusCode()).isEqualTo(200);
		HttpResponse<String> plain = cockpit.postJson("/camunda/api/engine/engine/default/task",
				"{\"orQueries\": [{\"assignee\": \"demo\"}, {\"candidateGroup\": \"camunda-admin\"}]}");
		assertThat(plain.statusCode()).as(plain.body()).isEqualTo(200);
		for (String body : TaskQueryBodies.WITH_EXPRESSIONS) {
			HttpResponse<String> refused = cockpit.postJson("/camunda/api/engine/engine/default/task", body);
			assertThat(refused.statusCode()).as(body + " -> " + refused.body()).isEqualTo(400);
			assertThat(refused.body()).contains("Expression in a task query");
		}
		// Cockpit's own unbounded lists (the trap of an engine-wide
		// queryMaxResultsLimit).
		HttpResponse<String> versions = cockpit
			.get("/camunda/api/engine/engine/default/process-definition?key=welcome");
		assertThat(versions.statusCode()).as(versions.body()).isEqualTo(200);
		assertThat(json.readTree(versions.body()).size()).isGreaterThanOrEqualTo(1);
	}

	@Test
	void engineRestTaskBodiesWithExpressionsAreRefusedBeforeAnythingElse() throws Exception {
		for (String body : TaskQueryBodies.WITH_EXPRESSIONS) {
			problem(api.postJson("/engine-rest/task", body), 400);
			problem(api.postJson("/engine-rest/task/count", body), 400);
		}
		String tooLarge = "{\"name\": \"" + "x".repeat(300 * 1024) + "\"}";
		problem(api.postJson("/engine-rest/task", tooLarge), 400);
		assertThat(URLEncoder.encode("${", StandardCharsets.UTF_8)).isEqualTo("%24%7B");
	}

}
