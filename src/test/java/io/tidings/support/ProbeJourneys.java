package io.tidings.support;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts the test diagram delivery-probe.bpmn over the event API, one mail per journey,
 * and reads back what became of that mail and where the journey ended.
 */
public final class ProbeJourneys {

	private final ApiClient api;

	private final HistoryService history;

	private final JdbcTemplate jdbc;

	public ProbeJourneys(ApiClient api, HistoryService history, JdbcTemplate jdbc) {
		this.api = api;
		this.history = history;
		this.jdbc = jdbc;
	}

	/**
	 * Posts {@code DeliveryProbeStarted}; email and zone may be null for a known contact.
	 * @return the id of the journey it started
	 */
	public String start(String contactId, String email, String zone, String category) {
		String contact = "{\"id\": \"" + contactId + "\"" + (email == null ? "" : ", \"email\": \"" + email + "\"")
				+ (zone == null ? "" : ", \"timeZone\": \"" + zone + "\"") + "}";
		HttpResponse<String> response = api.postJson("/api/events", """
				{"name": "DeliveryProbeStarted", "contact": %s, "data": {"category": "%s", "sendAgain": false}}"""
			.formatted(contact, category));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		return history.createHistoricProcessInstanceQuery()
			.processDefinitionKey("deliveryProbe")
			.processInstanceBusinessKey(contactId)
			.orderByProcessInstanceStartTime()
			.desc()
			.list()
			.get(0)
			.getId();
	}

	/** Waits until the journey's one mail has this status, and returns its row. */
	public Map<String, Object> deliveryOf(String journey, String status) {
		return Eventually
			.within(Duration.ofSeconds(20),
					() -> jdbc.queryForList("SELECT * FROM deliveries WHERE journey_instance_id = ?", journey),
					rows -> rows.size() == 1 && status.equals(rows.get(0).get("status")))
			.get(0);
	}

	/** The end event the journey reached, or null while it runs. */
	public String endedAt(String journey) {
		var ended = history.createHistoricActivityInstanceQuery()
			.processInstanceId(journey)
			.activityType("noneEndEvent")
			.list();
		return ended.isEmpty() ? null : ended.get(0).getActivityId();
	}

}
