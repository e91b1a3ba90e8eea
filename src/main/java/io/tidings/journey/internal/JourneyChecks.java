package io.tidings.journey.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tidings.experiment.MalformedExperiment;
import io.tidings.experiment.Variant;
import io.tidings.experiment.Variants;
import io.tidings.template.EmailTemplates;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;

import org.springframework.beans.factory.BeanFactory;

/**
 * Rejects at deploy what would otherwise stop a journey later: a delegate expression
 * naming no bean, a send step's template that does not exist, A/B variants that cannot be
 * read or whose templates are missing (in some locale), a timer that is no ISO 8601
 * value. The message names the process and the element. Expressions that read process
 * variables can only fail at run time, where a failing job becomes an incident.
 */
class JourneyChecks extends AbstractBpmnParseListener {

	/** {@code ${name}}: a delegate expression that names a bean and nothing more. */
	private static final Pattern BEAN_NAME = Pattern.compile("^[$#]\\{\\s*([A-Za-z_$][\\w$]*)\\s*}$");

	private final BeanFactory beans;

	private final EmailTemplates templates;

	JourneyChecks(BeanFactory beans, EmailTemplates templates) {
		this.beans = beans;
		this.templates = templates;
	}

	@Override
	public void parseProcess(Element process, ProcessDefinitionEntity definition) {
		List<String> problems = new ArrayList<>();
		check(process, process.attribute("id"), problems);
		if (!problems.isEmpty()) {
			throw new ProcessEngineException(
					"Journey '" + process.attribute("id") + "' cannot be deployed: " + String.join("; ", problems));
		}
	}

	private void check(Element element, String elementId, List<String> problems) {
		String id = element.attribute("id") != null ? element.attribute("id") : elementId;
		String delegate = element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "delegateExpression");
		if (delegate == null && element.getTagName().endsWith("Listener")) {
			delegate = element.attribute("delegateExpression");
		}
		if (delegate != null) {
			checkDelegate(id, delegate.strip(), problems);
		}
		if ("inputParameter".equals(element.getTagName()) && "template".equals(element.attribute("name"))) {
			checkTemplate(id, element.getText().strip(), problems);
		}
		if ("inputOutput".equals(element.getTagName())) {
			checkVariants(id, inputs(element), problems);
		}
		if ("timerEventDefinition".equals(element.getTagName())) {
			checkTimer(id, element, "timeDuration", TimerText.Kind.DURATION, problems);
			checkTimer(id, element, "timeDate", TimerText.Kind.DATE, problems);
			checkTimer(id, element, "timeCycle", TimerText.Kind.CYCLE, problems);
		}
		for (Element child : element.elements()) {
			check(child, id, problems);
		}
	}

	private void checkDelegate(String id, String expression, List<String> problems) {
		Matcher name = BEAN_NAME.matcher(expression);
		if (name.matches() && !beans.containsBean(name.group(1))) {
			problems.add("element '" + id + "': delegate expression " + expression + " names no bean '" + name.group(1)
					+ "'");
		}
	}

	private void checkTemplate(String id, String template, List<String> problems) {
		if (template.isEmpty()) {
			problems.add("element '" + id + "': the template input is empty");
		}
		else if (!TimerText.isExpression(template) && !templates.exists(template)) {
			problems.add("element '" + id + "': template '" + template + "' does not exist");
		}
	}

	/**
	 * A send step's A/B variants: each variant's template (its own, or the step's when
	 * empty) must exist in every locale any of them exists in, or contacts of that locale
	 * would get one variant translated and the other in the default language.
	 */
	private void checkVariants(String id, Map<String, String> inputs, List<String> problems) {
		String text = inputs.get("variants");
		if (text == null || text.isBlank() || !inputs.containsKey("template") || TimerText.isExpression(text)) {
			return;
		}
		Variants variants;
		try {
			variants = Variants.ofContent(text);
		}
		catch (MalformedExperiment ex) {
			problems.add("element '" + id + "': A/B variants: " + ex.getMessage());
			return;
		}
		String own = inputs.get("template");
		Map<String, String> templateOf = new LinkedHashMap<>();
		Map<String, Set<Locale>> translations = new LinkedHashMap<>();
		for (Variant variant : variants.all()) {
			String template = variant.template() != null ? variant.template() : own;
			if (!template.isEmpty() && !TimerText.isExpression(template)) {
				templateOf.put(variant.name(), template);
				translations.computeIfAbsent(template, templates::translations);
			}
		}
		Set<Locale> all = new TreeSet<>(Comparator.comparing(Locale::toLanguageTag));
		translations.values().forEach(all::addAll);
		templateOf.forEach((variant, template) -> {
			Set<Locale> locales = translations.get(template);
			String which = "element '" + id + "': A/B variant '" + variant + "' template '" + template + "' ";
			if (locales.isEmpty() && !template.equals(own)) {
				problems.add(which + "does not exist");
			}
			else if (!locales.isEmpty() && !locales.containsAll(all)) {
				problems.add(which + "is missing for locale "
						+ all.stream().filter(locale -> !locales.contains(locale)).map(Locale::toLanguageTag).toList()
						+ ", which the step's other variants have");
			}
		});
	}

	private static Map<String, String> inputs(Element inputOutput) {
		Map<String, String> inputs = new LinkedHashMap<>();
		for (Element parameter : inputOutput.elements("inputParameter")) {
			inputs.put(parameter.attribute("name"), parameter.getText().strip());
		}
		return inputs;
	}

	private static void checkTimer(String id, Element timer, String field, TimerText.Kind kind, List<String> problems) {
		Element value = timer.element(field);
		if (value != null) {
			TimerText.problemWith(kind, value.getText())
				.ifPresent(problem -> problems.add("element '" + id + "': timer " + field + " " + problem));
		}
	}

}
