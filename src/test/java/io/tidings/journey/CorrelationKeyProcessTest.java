package io.tidings.journey;

import java.util.List;
import java.util.Map;

import io.tidings.contact.ContactChange;
import io.tidings.contact.Contacts;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which of a contact's waiting journeys an event continues: one started with a
 * correlation key hears only that key (or none), one started without hears any key. Runs
 * on the test probe that waits for {@code ProbeContinued}, in the welcome test's context.
 */
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:welcome-process;DB_CLOSE_DELAY=-1",
		"camunda.bpm.job-execution.enabled=false", "tidings.dev-mailbox.enabled=false", "tidings.delivery.workers=0" })
class CorrelationKeyProcessTest {

	@Autowired
	Journeys journeys;

	@Autowired
	Contacts contacts;

	@Autowired
	RuntimeService runtime;

	@Test
	void anEventWithAKeyContinuesJourneysWithThatKeyAndJourneysWithoutOne() {
		startProbes("ck-1", "cart-1", "cart-2", null);

		JourneyDispatch dispatch = journeys.dispatch(new JourneyMessage("ProbeContinued", "ck-1", "cart-1", Map.of()),
				true);

		assertThat(dispatch.continued()).isEqualTo(2);
		assertThat(waitingProbeKeys("ck-1")).containsExactly("cart-2");
	}

	@Test
	void anEventWithAnUnknownKeyContinuesOnlyJourneysWithoutOne() {
		startProbes("ck-2", "cart-1", null);

		assertThat(
				journeys.dispatch(new JourneyMessage("ProbeContinued", "ck-2", "cart-9", Map.of()), true).continued())
			.isOne();

		assertThat(waitingProbeKeys("ck-2")).containsExactly("cart-1");
	}

	@Test
	void anEventWithoutAKeyContinuesEveryWaitingJourneyOfItsContactOnly() {
		startProbes("ck-3", "cart-1", null);
		startProbes("ck-4", "cart-1");

		assertThat(journeys.dispatch(new JourneyMessage("ProbeContinued", "ck-3", null, Map.of()), true).continued())
			.isEqualTo(2);

		assertThat(waitingProbeKeys("ck-3")).isEmpty();
		assertThat(waitingProbeKeys("ck-4")).containsExactly("cart-1");
	}

	private void startProbes(String contactId, String... keys) {
		contacts.upsert(ContactChange.of(contactId, contactId + "@example.com", "Ann", null, "en", null, Map.of()));
		for (String key : keys) {
			journeys.dispatch(new JourneyMessage("ProbeStarted", contactId, key, Map.of()), true);
		}
	}

	private List<String> waitingProbeKeys(String contactId) {
		return runtime.createProcessInstanceQuery()
			.processDefinitionKey("correlationProbe")
			.processInstanceBusinessKey(contactId)
			.list()
			.stream()
			.map(instance -> (String) runtime.getVariable(instance.getId(), Journeys.CORRELATION_KEY))
			.toList();
	}

}
