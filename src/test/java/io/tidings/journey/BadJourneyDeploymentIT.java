package io.tidings.journey;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.tidings.support.PostgresApiTest;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A journey with a mistake an analyst can make in the Modeler is refused at deploy with a
 * message naming the element, through the same engine deployment the app and
 * {@code /engine-rest/deployment/create} use; what only the running journey can find out
 * becomes an incident on that element. Every shipped journey passes the checks.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "tidings.dev-mailbox.enabled=false", "tidings.delivery.workers=0",
				"tidings.triggers.enabled=false", "camunda.bpm.job-execution.enabled=false" })
@DirtiesContext
class BadJourneyDeploymentIT extends PostgresApiTest {

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	@Test
	void anUnknownDelegateIsRejectedNamingTheElement() {
		assertRejected(process("unknownDelegate", """
				<bpmn:serviceTask id="CallNobody" camunda:delegateExpression="${noSuchBean}" />"""), "CallNobody",
				"noSuchBean");
	}

	@Test
	void anUnknownDelegateInAListenerIsRejectedNamingTheElement() {
		assertRejected(process("unknownListener", """
				<bpmn:task id="Listened"><bpmn:extensionElements>
				  <camunda:executionListener event="start" delegateExpression="${noSuchListener}" />
				</bpmn:extensionElements></bpmn:task>"""), "Listened", "noSuchListener");
	}

	@Test
	void aMissingTemplateIsRejectedNamingTheElement() {
		assertRejected(process("missingTemplate", """
				<bpmn:serviceTask id="SendGhost" camunda:asyncBefore="true" camunda:delegateExpression="${sendEmail}">
				  <bpmn:extensionElements><camunda:inputOutput>
				    <camunda:inputParameter name="template">no-such-template</camunda:inputParameter>
				    <camunda:inputParameter name="category">marketing</camunda:inputParameter>
				  </camunda:inputOutput></bpmn:extensionElements>
				</bpmn:serviceTask>"""), "SendGhost", "no-such-template");
	}

	@Test
	void anABVariantTemplateMissingForALocaleIsRejectedNamingTheElementAndTemplate() {
		// announcement exists in English only; welcome in en, fr, nl, ru and zh.
		assertRejected(sendStep("variantLocale", "A:welcome:50,B:announcement:50"), "SendVariants",
				"A/B variant 'B' template 'announcement' is missing for locale [fr, nl, ru, zh]");
	}

	@Test
	void anUnknownABVariantTemplateIsRejectedNamingTheElementAndTemplate() {
		assertRejected(sendStep("variantUnknown", "A::50,B:no-such-variant:50"), "SendVariants",
				"A/B variant 'B' template 'no-such-variant' does not exist");
	}

	@Test
	void unreadableABVariantsAreRejectedNamingTheElement() {
		assertRejected(sendStep("variantAlone", "A:welcome:100"), "SendVariants", "2 to 10 variants");
		assertRejected(sendStep("variantWeightless", "A:welcome:50,B:tips:none"), "SendVariants", "A/B variants");
	}

	@Test
	void abVariantTemplatesTranslatedAlikeAreDeployed() {
		repository.createDeployment()
			.addString("variantsOk.bpmn", sendStep("variantsOk", "A::50,B:tips:30:\"Tips\",C:welcome-stories:20"))
			.deploy();
		assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("variantsOk").count()).isOne();
	}

	@Test
	void anInvalidTimerDurationIsRejectedNamingTheElement() {
		assertRejected(process("badDuration", """
				<bpmn:intermediateCatchEvent id="WaitBadly">
				  <bpmn:timerEventDefinition><bpmn:timeDuration>PT2X</bpmn:timeDuration></bpmn:timerEventDefinition>
				</bpmn:intermediateCatchEvent>"""), "WaitBadly", "PT2X");
	}

	@Test
	void aNonIsoTimerDateIsRejectedNamingTheElement() {
		assertRejected(process("badDate", """
				<bpmn:intermediateCatchEvent id="WaitForChristmas">
				  <bpmn:timerEventDefinition><bpmn:timeDate>24.12.2026 09:00</bpmn:timeDate></bpmn:timerEventDefinition>
				</bpmn:intermediateCatchEvent>"""), "WaitForChristmas", "24.12.2026");
	}

	@Test
	void aCronCycleOnABoundaryIsRejectedNamingTheElement() {
		String xml = process("badCycle", """
				<bpmn:task id="Waiting" />""").replace("</bpmn:process>", """
				<bpmn:boundaryEvent id="EveryMorning" attachedToRef="Waiting" cancelActivity="false">
				  <bpmn:timerEventDefinition><bpmn:timeCycle>0 0 9 * * ?</bpmn:timeCycle></bpmn:timerEventDefinition>
				</bpmn:boundaryEvent></bpmn:process>""");
		assertRejected(xml, "EveryMorning", "0 0 9 * * ?");
	}

	@Test
	void anExpressionThatOnlyFailsAtRunTimeBecomesAnIncidentOnTheElement() {
		String xml = process("runtimeFailure", """
				<bpmn:serviceTask id="CallLater" camunda:asyncBefore="true" camunda:expression="${noSuchBean.run()}">
				  <bpmn:extensionElements><camunda:failedJobRetryTimeCycle>R1/PT1S</camunda:failedJobRetryTimeCycle>
				  </bpmn:extensionElements>
				</bpmn:serviceTask>
				<bpmn:sequenceFlow id="ToCallLater" sourceRef="Start" targetRef="CallLater" />""");
		repository.createDeployment().addString("runtimeFailure.bpmn", xml).deploy();
		String instance = runtime.startProcessInstanceByKey("runtimeFailure").getId();

		for (int attempt = 0; attempt < 3; attempt++) {
			Job job = management.createJobQuery().processInstanceId(instance).singleResult();
			if (job == null || job.getRetries() == 0) {
				break;
			}
			assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("noSuchBean");
		}

		Incident incident = runtime.createIncidentQuery().processInstanceId(instance).singleResult();
		assertThat(incident).isNotNull();
		assertThat(incident.getActivityId()).isEqualTo("CallLater");
		assertThat(incident.getIncidentMessage()).contains("noSuchBean");
	}

	@Test
	void everyShippedJourneyIsDeployed() throws Exception {
		Pattern processId = Pattern.compile("<bpmn:process id=\"([^\"]+)\"");
		List<String> shipped;
		try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
			shipped = files.filter(file -> file.toString().endsWith(".bpmn")).map(file -> {
				try {
					Matcher id = processId.matcher(Files.readString(file));
					assertThat(id.find()).as(file.toString()).isTrue();
					return id.group(1);
				}
				catch (java.io.IOException ex) {
					throw new java.io.UncheckedIOException(ex);
				}
			}).toList();
		}
		assertThat(shipped).isNotEmpty();
		for (String key : shipped) {
			assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).count()).as(key)
				.isPositive();
		}
	}

	private void assertRejected(String xml, String elementId, String detail) {
		long before = repository.createDeploymentQuery().count();
		assertThatThrownBy(() -> repository.createDeployment().addString("bad.bpmn", xml).deploy())
			.hasMessageContaining("'" + elementId + "'")
			.hasMessageContaining(detail);
		assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);
	}

	private static String sendStep(String key, String variants) {
		return process(key,
				"""
						<bpmn:serviceTask id="SendVariants" camunda:asyncBefore="true" camunda:delegateExpression="${sendEmail}">
						  <bpmn:extensionElements><camunda:inputOutput>
						    <camunda:inputParameter name="template">welcome</camunda:inputParameter>
						    <camunda:inputParameter name="category">marketing</camunda:inputParameter>
						    <camunda:inputParameter name="variants">%s</camunda:inputParameter>
						  </camunda:inputOutput></bpmn:extensionElements>
						</bpmn:serviceTask>"""
					.formatted(variants));
	}

	private static String process(String key, String elements) {
		return TestDiagrams.process(key, elements);
	}

}
