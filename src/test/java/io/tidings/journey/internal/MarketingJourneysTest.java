package io.tidings.journey.internal;

import java.io.InputStream;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MarketingJourneysTest {

	@Test
	void readsEachSendStepsOwnCategory() throws Exception {
		assertThat(categories("/bpmn/double-opt-in.bpmn")).containsEntry("SendConfirmationEmail", "transactional")
			.containsEntry("SendReminderEmail", "transactional");
		assertThat(categories("/bpmn/welcome.bpmn")).containsEntry("SendWelcomeEmail", "marketing");
		assertThat(categories("/bpmn/delivery-probe.bpmn")).containsEntry("SendProbe", "${category}");
	}

	private static Map<String, String> categories(String resource) throws Exception {
		try (InputStream in = MarketingJourneysTest.class.getResourceAsStream(resource)) {
			BpmnModelInstance model = Bpmn.readModelFromStream(in);
			Map<String, String> categories = new TreeMap<>();
			for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
				String category = MarketingJourneys.category(task);
				if (category != null) {
					categories.put(task.getId(), category);
				}
			}
			return categories;
		}
	}

}
