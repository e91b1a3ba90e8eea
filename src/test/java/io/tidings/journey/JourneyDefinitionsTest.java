package io.tidings.journey;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The house rules for every diagram in bpmn/, checked on the files analysts edit: a
 * history time to live on every process, and every send step asynchronous, with a retry
 * cycle and a template that exists.
 */
class JourneyDefinitionsTest {

	static final Path BPMN = Path.of("bpmn");

	static final Path MAIL_TEMPLATES = Path.of("templates", "mail");

	static List<Path> journeys() throws IOException {
		try (Stream<Path> files = Files.list(BPMN)) {
			List<Path> journeys = files.filter(file -> file.toString().endsWith(".bpmn")).sorted().toList();
			assertThat(journeys).isNotEmpty();
			return journeys;
		}
	}

	@ParameterizedTest
	@MethodSource("journeys")
	void everyProcessKeepsHistoryForADeclaredTime(Path file) {
		BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
		for (Process process : model.getModelElementsByType(Process.class)) {
			assertThat(process.getCamundaHistoryTimeToLiveString()).as("historyTimeToLive of %s", process.getId())
				.isNotBlank();
			assertThat(process.isExecutable()).as("%s is executable", process.getId()).isTrue();
		}
	}

	@ParameterizedTest
	@MethodSource("journeys")
	void everySendStepIsAsyncRetriesAndNamesAnExistingTemplate(Path file) {
		BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
		for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
			if (!"${sendEmail}".equals(task.getCamundaDelegateExpression())) {
				continue;
			}
			String step = file.getFileName() + "#" + task.getId();
			assertThat(task.isCamundaAsyncBefore()).as("%s is asynchronous before", step).isTrue();
			assertThat(task.getExtensionElements()
				.getElementsQuery()
				.filterByType(CamundaFailedJobRetryTimeCycle.class)
				.count()).as("%s has a retry time cycle", step).isEqualTo(1);
			String template = inputParameter(task, "template");
			assertThat(template).as("%s names a template", step).isNotBlank();
			assertThat(MAIL_TEMPLATES.resolve(template + ".html")).as("%s's template", step).exists();
			String category = inputParameter(task, "category");
			// A topic of the default TIDINGS_CONSENT_TOPICS, so the sample journeys work
			// out of
			// the box.
			assertThat(category).as("%s's category", step)
				.isIn(null, "marketing", "transactional", "newsletter", "promotions", "product-updates");
		}
	}

	private static String inputParameter(ServiceTask task, String name) {
		return task.getModelInstance()
			.getModelElementsByType(CamundaInputParameter.class)
			.stream()
			.filter(parameter -> parameter.getParentElement().getParentElement().getParentElement() == task)
			.filter(parameter -> name.equals(parameter.getCamundaName()))
			.map(CamundaInputParameter::getTextContent)
			.map(String::strip)
			.findFirst()
			.orElse(null);
	}

}
