package io.tidings.journey;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.tidings.consent.ConsentProperties;
import io.tidings.experiment.MalformedExperiment;
import io.tidings.experiment.Variant;
import io.tidings.experiment.Variants;
import io.tidings.journey.TimerValues.Kind;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.ThrowEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The house rules for every diagram in bpmn/, checked on the files analysts edit, so a
 * machine with only a JDK checks them too (bpmnlint's recommended rules run in .ci/run):
 * a history time to live on every process; every send step asynchronous, with a retry
 * cycle, a known category and a template that exists in English and, once translated, in
 * every language; every timer ISO 8601 or an expression; every goal step in an event
 * sub-process its goal's message starts; every message a journey waits for documented in
 * the README; every bean method an expression calls real.
 */
class JourneyDefinitionsTest {

	static List<Path> journeys() {
		return JourneyFiles.journeys();
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
	void everySendStepIsAsyncRetriesAndNamesATemplateThatExistsInEveryLanguage(Path file) {
		BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
		Set<String> categories = new HashSet<>(Set.of("marketing", "transactional"));
		categories.addAll(ConsentProperties.withDefaultTopics("http://localhost", null).topics());
		for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
			if (!"${sendEmail}".equals(task.getCamundaDelegateExpression())) {
				continue;
			}
			String step = file.getFileName() + "#" + task.getId();
			assertThat(task.isCamundaAsyncBefore()).as("%s is asynchronous before", step).isTrue();
			List<CamundaFailedJobRetryTimeCycle> retries = task.getExtensionElements()
				.getElementsQuery()
				.filterByType(CamundaFailedJobRetryTimeCycle.class)
				.list();
			assertThat(retries).as("%s has a retry time cycle", step).hasSize(1);
			assertThat(TimerValues.problemWith(Kind.CYCLE, retries.get(0).getTextContent()))
				.as("%s's retry time cycle", step)
				.isEmpty();
			String stepTemplate = JourneyFiles.inputParameter(task, "template");
			assertThat(stepTemplate).as("%s names a template", step).isNotBlank();
			for (String template : templatesOf(step, stepTemplate, JourneyFiles.inputParameter(task, "variants"))) {
				assertThat(JourneyFiles.MAIL_TEMPLATES.resolve(template + ".html")).as("%s's template", step).exists();
				Set<String> translations = JourneyFiles.translationsOf(template);
				if (!translations.isEmpty()) {
					assertThat(translations)
						.as("%s's template %s, translated at all, is translated into every language", step, template)
						.containsAll(JourneyFiles.TRANSLATIONS);
				}
			}
			String category = JourneyFiles.inputParameter(task, "category");
			if (category != null && !category.startsWith("${")) {
				assertThat(category).as("%s's category", step).isIn(categories);
			}
		}
	}

	@ParameterizedTest
	@MethodSource("journeys")
	void everyGoalStepSitsInAnEventSubProcessThatAMessageStarts(Path file) {
		BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
		List<String> problems = new ArrayList<>();
		for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
			if ("${goalReached}".equals(task.getCamundaDelegateExpression())
					&& !(task.getParentElement() instanceof SubProcess scope && scope.triggeredByEvent()
							&& scope.getChildElementsByType(StartEvent.class)
								.stream()
								.flatMap(start -> start.getEventDefinitions().stream())
								.anyMatch(MessageEventDefinition.class::isInstance))) {
				problems.add(file.getFileName() + "#" + task.getId()
						+ ": a goal step belongs in an event sub-process whose start event is the goal's message");
			}
		}
		assertThat(problems).isEmpty();
	}

	@ParameterizedTest
	@MethodSource("journeys")
	void everyTimerIsIso8601OrAnExpression(Path file) {
		BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
		List<String> problems = new ArrayList<>();
		for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
			String event = file.getFileName() + "#" + ((BaseElement) timer.getParentElement()).getId();
			int definitions = 0;
			if (timer.getTimeDuration() != null) {
				definitions++;
				TimerValues.problemWith(Kind.DURATION, timer.getTimeDuration().getTextContent())
					.ifPresent(problem -> problems.add(event + ": duration " + problem));
			}
			if (timer.getTimeDate() != null) {
				definitions++;
				TimerValues.problemWith(Kind.DATE, timer.getTimeDate().getTextContent())
					.ifPresent(problem -> problems.add(event + ": date " + problem));
			}
			if (timer.getTimeCycle() != null) {
				definitions++;
				TimerValues.problemWith(Kind.CYCLE, timer.getTimeCycle().getTextContent())
					.ifPresent(problem -> problems.add(event + ": cycle " + problem));
			}
			if (definitions != 1) {
				problems.add(event + ": a timer needs exactly one of duration, date or cycle, not " + definitions);
			}
		}
		assertThat(problems).isEmpty();
	}

	@ParameterizedTest
	@MethodSource("journeys")
	void everyMessageAJourneyStartsOnOrWaitsForIsDocumented(Path file) {
		BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
		Set<String> documented = JourneyFiles.documentedMessageNames();
		List<String> undocumented = new ArrayList<>();
		for (MessageEventDefinition definition : model.getModelElementsByType(MessageEventDefinition.class)) {
			if (!(definition.getParentElement() instanceof ThrowEvent) && definition.getMessage() != null) {
				checkDocumented(definition.getMessage(), documented, file, undocumented);
			}
		}
		for (ReceiveTask task : model.getModelElementsByType(ReceiveTask.class)) {
			if (task.getMessage() != null) {
				checkDocumented(task.getMessage(), documented, file, undocumented);
			}
		}
		assertThat(undocumented).as("message names missing from the README's tables %s", JourneyFiles.EVENT_TABLES)
			.isEmpty();
	}

	@ParameterizedTest
	@MethodSource("journeys")
	void everyExpressionCallsWhatItsBeanOffers(Path file) {
		BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
		List<String> problems = new ArrayList<>();
		for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
			for (String attribute : List.of("expression", "delegateExpression")) {
				String expression = element.getAttributeValueNs(JourneyFiles.CAMUNDA_NS, attribute);
				if (expression != null) {
					Optional<String> problem = attribute.equals("delegateExpression")
							? ExpressionBeans.problemWithDelegate(expression) : ExpressionBeans.problemWith(expression);
					problem.ifPresent(found -> problems.add(file.getFileName() + "#" + element.getId() + ": " + found));
				}
			}
		}
		for (ConditionExpression condition : model.getModelElementsByType(ConditionExpression.class)) {
			ExpressionBeans.problemWith(condition.getTextContent().strip())
				.ifPresent(found -> problems.add(file.getFileName() + "#"
						+ ((BaseElement) condition.getParentElement()).getId() + ": " + found));
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void theChecksRejectWhatTheyShould() {
		assertThat(TimerValues.problemWith(Kind.DURATION, "P2D")).isEmpty();
		assertThat(TimerValues.problemWith(Kind.DURATION, "PT1H30M")).isEmpty();
		assertThat(TimerValues.problemWith(Kind.DATE, "2026-12-24T09:00:00+01:00")).isEmpty();
		assertThat(TimerValues.problemWith(Kind.CYCLE, "R5/PT1M")).isEmpty();
		assertThat(TimerValues.problemWith(Kind.CYCLE, "R/2026-01-01T09:00:00Z/P1D")).isEmpty();
		assertThat(TimerValues.problemWith(Kind.DURATION, "${reminderDelay}")).isEmpty();
		assertThat(TimerValues.problemWith(Kind.DURATION, "2 days")).isPresent();
		assertThat(TimerValues.problemWith(Kind.DURATION, "P2X")).isPresent();
		assertThat(TimerValues.problemWith(Kind.DATE, "24.12.2026")).isPresent();
		assertThat(TimerValues.problemWith(Kind.CYCLE, "0 0 9 * * ?")).isPresent();
		assertThat(TimerValues.problemWith(Kind.CYCLE, "R5")).isPresent();
		assertThat(TimerValues.problemWith(Kind.DURATION, "${a + }")).isPresent();
		assertThat(TimerValues.problemWith(Kind.DURATION, "")).isPresent();

		assertThat(JourneyFiles.documentedMessageNames("""
				### Events the journeys know
				| event | by |
				| --- | --- |
				| `SignupReceived` | the product |
				## Elsewhere
				| `NotAnEvent` | x |
				## Triggers that are not an event
				| `BirthdayReached` | yearly |
				""")).containsExactly("SignupReceived", "BirthdayReached");

		assertThat(templatesOf("s", "welcome", "A::1,B:welcome-short:1:\"Hi\"")).containsExactly("welcome",
				"welcome-short");
		assertThat(templatesOf("s", "welcome", "${variants}")).containsExactly("welcome");
		assertThatThrownBy(() -> templatesOf("s", "welcome", "A:welcome:1")).hasMessageContaining("2 to 10 variants");
	}

	/** The step's own template and those of its A/B variants, which must be readable. */
	static Set<String> templatesOf(String step, String stepTemplate, String variants) {
		Set<String> templates = new LinkedHashSet<>(List.of(stepTemplate));
		if (variants == null || variants.isBlank() || variants.startsWith("${")) {
			return templates;
		}
		try {
			Variants.ofContent(variants)
				.all()
				.stream()
				.map(Variant::template)
				.filter(Objects::nonNull)
				.forEach(templates::add);
		}
		catch (MalformedExperiment ex) {
			throw new AssertionError(step + ": " + ex.getMessage(), ex);
		}
		return templates;
	}

	private static void checkDocumented(Message message, Set<String> documented, Path file, List<String> undocumented) {
		String name = message.getName();
		String base = name == null ? "" : name.split("\\.", 2)[0];
		if (!documented.contains(base)) {
			undocumented.add(file.getFileName() + "#" + message.getId() + ": " + name);
		}
	}

}
