package io.tidings.journey;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidings.consent.ConsentProperties;
import io.tidings.experiment.MalformedExperiment;
import io.tidings.experiment.Variants;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static io.tidings.journey.JourneyFiles.CAMUNDA_NS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Modeler's forms (bpmn/.camunda/element-templates), the beans they bind and the
 * diagrams agree: every template is complete and binds a bean that exists; every step
 * that calls a templated bean has what its template requires, as if the analyst had used
 * the form; every bean a step calls has a form.
 */
class ElementTemplatesTest {

	static final String SCHEMA = "https://unpkg.com/@camunda/element-templates-json-schema/resources/schema.json";

	static final Pattern ID = Pattern.compile("io\\.tidings(\\.[A-Z][A-Za-z0-9]*)+");

	static List<ElementTemplate> templates() {
		return ElementTemplate.all();
	}

	static List<Path> journeys() {
		return JourneyFiles.journeys();
	}

	@ParameterizedTest
	@MethodSource("templates")
	void everyTemplateIsCompleteAndConstrainsItsInputs(ElementTemplate template) {
		JsonNode json = template.json();
		List<String> problems = new ArrayList<>();
		check(SCHEMA.equals(json.path("$schema").asText()), "$schema must be " + SCHEMA, problems);
		check(!json.path("name").asText().isBlank(), "needs a name", problems);
		check(ID.matcher(template.id()).matches(), "id must look like io.tidings.SendEmail", problems);
		check(json.path("version").isInt() && json.path("version").asInt() >= 1, "needs a version >= 1", problems);
		check(!json.path("appliesTo").isEmpty(), "needs appliesTo", problems);
		json.path("appliesTo").forEach(type -> check(type.asText().startsWith("bpmn:"), "appliesTo " + type, problems));
		check(template.implementation().isPresent(),
				"needs exactly one delegateExpression, expression or " + "conditionExpression binding", problems);
		for (JsonNode property : template.properties()) {
			problems.addAll(problemsOf(template, property));
		}
		assertThat(problems).as(template.toString()).isEmpty();
	}

	@Test
	void templateIdsAreUnique() {
		List<String> ids = templates().stream().map(ElementTemplate::id).toList();
		assertThat(ids).doesNotHaveDuplicates();
	}

	@ParameterizedTest
	@MethodSource("templates")
	void everyTemplateBindsABeanThatExists(ElementTemplate template) {
		String value = template.implementationValue();
		if (template.implementationAttribute().equals("camunda:delegateExpression")) {
			assertThat(ExpressionBeans.problemWithDelegate(value)).as(template.toString()).isEmpty();
		}
		else {
			assertThat(ExpressionBeans.rootBean(value)).as("%s calls a bean: %s", template, value).isPresent();
			assertThat(ExpressionBeans.problemWith(value)).as(template.toString()).isEmpty();
		}
	}

	@Test
	void sendEmailOffersTheDefaultTopicsAndBothCategories() {
		ElementTemplate sendEmail = templates().stream()
			.filter(template -> template.implementationValue().equals("${sendEmail}"))
			.findFirst()
			.orElseThrow();
		JsonNode category = sendEmail.properties()
			.stream()
			.filter(property -> property.path("binding").path("name").asText().equals("category"))
			.findFirst()
			.orElseThrow();
		Set<String> expected = new HashSet<>(ConsentProperties.withDefaultTopics("http://localhost", null).topics());
		expected.addAll(Set.of("marketing", "transactional"));

		assertThat(sendEmail.choices(category)).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(category.path("value").asText()).isEqualTo("marketing");
	}

	@Test
	void theVariantFieldsAcceptWhatTheStepsCanRead() {
		Pattern sendVariants = Pattern.compile(ElementTemplate.pattern(input("${sendEmail}", "variants")));
		Pattern splitVariants = Pattern
			.compile(ElementTemplate.pattern(input("${split.assign(execution)}", "variants")));
		List<String> samples = List.of("A:welcome:60,B:welcome-short:40", "A::50,B::50:\"Ann, your cart: here\"",
				" A:welcome:1 , B:shop/cart-reminder:2 ", "early:50,late:50", "A:welcome:60", "A:welcome:60,",
				"A:welcome:0,B::1", "A:Welcome:1,B::1", "A::1,B::1:\"\"", "A::1;B::1", "a b:1,c:1", "x:1,y:2,z:3",
				"A::1,B::1,C::1,D::1,E::1,F::1,G::1,H::1,I::1,J::1,K::1", "early:50,late");
		for (String sample : samples) {
			assertThat(sendVariants.matcher(sample).find()).as("Send email's form on %s", sample)
				.isEqualTo(reads(() -> Variants.ofContent(sample)));
			assertThat(splitVariants.matcher(sample).find()).as("A/B split's form on %s", sample)
				.isEqualTo(reads(() -> Variants.ofPaths(sample)));
		}
		assertThat(sendVariants.matcher("").find()).as("the send step's variants are optional").isTrue();
	}

	@ParameterizedTest
	@MethodSource("journeys")
	void everyStepOnATemplatedBeanHasWhatTheTemplateRequires(Path file) {
		BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
		List<ElementTemplate> templates = templates();
		List<String> problems = new ArrayList<>();
		for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
			String where = file.getFileName() + "#" + element.getId();
			for (ElementTemplate template : templates) {
				String attribute = template.implementationAttribute().replaceFirst("^camunda:", "");
				if (template.implementationValue().equals(element.getAttributeValueNs(CAMUNDA_NS, attribute))) {
					template.properties()
						.forEach(property -> unmet(element, template, property)
							.ifPresent(problem -> problems.add(where + " (" + template.id() + "): " + problem)));
				}
			}
			ElementTemplate.modelerTemplateProblem(element, templates)
				.ifPresent(problem -> problems.add(where + ": " + problem));
		}
		for (ConditionExpression condition : model.getModelElementsByType(ConditionExpression.class)) {
			String text = condition.getTextContent().strip();
			for (ElementTemplate template : templates) {
				JsonNode form = template.implementation().orElseThrow();
				String value = template.implementationValue();
				boolean sameCall = template.implementationAttribute().equals("conditionExpression")
						&& text.startsWith(value.substring(0, value.indexOf('(') + 1));
				if (sameCall && !Pattern.compile(ElementTemplate.pattern(form)).matcher(text).find()) {
					problems.add(file.getFileName() + "#" + ((BaseElement) condition.getParentElement()).getId()
							+ ": condition " + text + " does not fit " + template.id() + ": "
							+ form.path("constraints").path("pattern").path("message").asText());
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	@ParameterizedTest
	@MethodSource("journeys")
	void everyBeanAStepCallsHasATemplate(Path file) {
		BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
		Set<String> templated = new HashSet<>();
		templates()
			.forEach(template -> ExpressionBeans.rootBean(template.implementationValue()).ifPresent(templated::add));
		List<String> untemplated = new ArrayList<>();
		for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
			for (String attribute : List.of("delegateExpression", "expression")) {
				String expression = element.getAttributeValueNs(CAMUNDA_NS, attribute);
				Optional<String> bean = expression == null ? Optional.empty() : ExpressionBeans.rootBean(expression);
				if (bean.isPresent() && !templated.contains(bean.get())) {
					untemplated.add(file.getFileName() + "#" + element.getId() + " calls " + bean.get());
				}
			}
		}
		assertThat(untemplated).as("steps whose bean has no element template in %s", JourneyFiles.ELEMENT_TEMPLATES)
			.isEmpty();
	}

	@Test
	void theBeanChecksRejectWhatTheyShould() {
		assertThat(ExpressionBeans.problemWith("${segments.contains(execution, 'vip')}")).isEmpty();
		assertThat(ExpressionBeans.problemWith("${lastDeliveryStatus == 'SENT'}")).isEmpty();
		assertThat(ExpressionBeans.problemWith("${segments.contain(execution, 'vip')}")).isPresent();
		assertThat(ExpressionBeans.problemWith("${segments.contains(execution)}")).isPresent();
		assertThat(ExpressionBeans.problemWith("${segments.contains(execution, 'a,b')) }")).isPresent();
		assertThat(ExpressionBeans.problemWithDelegate("${sendEmail}")).isEmpty();
		assertThat(ExpressionBeans.problemWithDelegate("${sendMail}")).isPresent();
		assertThat(ExpressionBeans.problemWithDelegate("${segments}")).isPresent();
		assertThat(ExpressionBeans.countArguments("(execution, 'a, b', f(c, d))")).isEqualTo(3);
	}

	private static JsonNode input(String implementation, String name) {
		return templates().stream()
			.filter(template -> template.implementationValue().equals(implementation))
			.flatMap(template -> template.properties().stream())
			.filter(property -> property.path("binding").path("name").asText().equals(name))
			.findFirst()
			.orElseThrow();
	}

	private static boolean reads(Runnable parse) {
		try {
			parse.run();
			return true;
		}
		catch (MalformedExperiment ex) {
			return false;
		}
	}

	private static List<String> problemsOf(ElementTemplate template, JsonNode property) {
		List<String> problems = new ArrayList<>();
		String label = property.path("label").asText(property.path("binding").path("name").asText());
		boolean hidden = property.path("type").asText().equals("Hidden");
		check(!ElementTemplate.bindingType(property).isBlank(), label + " needs a binding type", problems);
		if (property.path("type").asText().equals("Dropdown")) {
			List<String> choices = template.choices(property);
			check(!choices.isEmpty(), label + " needs choices", problems);
			check(!property.has("value") || choices.contains(property.path("value").asText()),
					label + "'s default is no choice", problems);
		}
		else if (!hidden) {
			// An optional field says so with a pattern that accepts the empty value.
			String pattern = ElementTemplate.pattern(property);
			check(!pattern.isEmpty() && (property.path("constraints").path("notEmpty").asBoolean()
					|| Pattern.compile(pattern).matcher("").find()),
					label + " needs constraints: a pattern, and notEmpty unless the pattern accepts empty", problems);
		}
		try {
			String pattern = ElementTemplate.pattern(property);
			check(pattern.isEmpty() || !property.has("value")
					|| Pattern.compile(pattern).matcher(property.path("value").asText()).find(),
					label + "'s default does not fit its own pattern", problems);
		}
		catch (PatternSyntaxException ex) {
			problems.add(label + "'s pattern does not compile: " + ex.getMessage());
		}
		return problems;
	}

	/** Whether the element satisfies one property of its template. */
	private static Optional<String> unmet(BaseElement element, ElementTemplate template, JsonNode property) {
		String name = property.path("binding").path("name").asText();
		if (ElementTemplate.bindingType(property).equals("camunda:inputParameter")) {
			String value = JourneyFiles.inputParameter(element, name);
			if (value == null || value.isBlank()) {
				return property.path("constraints").path("notEmpty").asBoolean()
						? Optional.of("needs the input parameter '" + name + "'") : Optional.empty();
			}
			if (value.startsWith("${") || value.startsWith("#{")) {
				return Optional.empty();
			}
			if (property.path("type").asText().equals("Dropdown") && !template.choices(property).contains(value)) {
				return Optional.of("'" + name + "' is '" + value + "', not one of " + template.choices(property));
			}
			String pattern = ElementTemplate.pattern(property);
			return pattern.isEmpty() || Pattern.compile(pattern).matcher(value).find() ? Optional.empty()
					: Optional.of("'" + name + "' is '" + value + "': "
							+ property.path("constraints").path("pattern").path("message").asText());
		}
		if (ElementTemplate.bindingType(property).equals("property") && property.path("type").asText().equals("Hidden")
				&& !ElementTemplate.IMPLEMENTATIONS.contains(name)) {
			String actual = element.getAttributeValueNs(CAMUNDA_NS, name.replaceFirst("^camunda:", ""));
			return property.path("value").asText().equals(actual) ? Optional.empty()
					: Optional.of(name + " must be " + property.path("value").asText() + ", is " + actual);
		}
		return Optional.empty();
	}

	private static void check(boolean holds, String problem, List<String> problems) {
		if (!holds) {
			problems.add(problem);
		}
	}

}
