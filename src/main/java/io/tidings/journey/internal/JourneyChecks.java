package io.tidings.journey.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tidings.template.EmailTemplates;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;

import org.springframework.beans.factory.BeanFactory;

/**
 * Rejects at deploy what would otherwise stop a journey later: a delegate expression
 * naming no bean, a send step's template that does not exist, a timer that is no ISO 8601
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

	private static void checkTimer(String id, Element timer, String field, TimerText.Kind kind, List<String> problems) {
		Element value = timer.element(field);
		if (value != null) {
			TimerText.problemWith(kind, value.getText())
				.ifPresent(problem -> problems.add("element '" + id + "': timer " + field + " " + problem));
		}
	}

}
