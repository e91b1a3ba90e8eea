package io.tidings.journey;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.pvm.delegate.ActivityBehavior;
import org.camunda.bpm.impl.juel.ExpressionFactoryImpl;
import org.camunda.bpm.impl.juel.SimpleContext;

import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;

/**
 * What the beans a diagram's expressions call really offer, found the way Spring finds
 * them (components under io.tidings, by their bean names), without starting the
 * application: {@code ${segments.contains(execution, 'vip')}} must name a bean
 * {@code segments} with a public method {@code contains} of two parameters.
 */
final class ExpressionBeans {

	/** An expression's root identifier, and the method it calls on it, if any. */
	private static final Pattern CALL = Pattern
		.compile("^[$#]\\{\\s*(?:!\\s*|not\\s+)?([A-Za-z_][\\w]*)(?:\\s*\\.\\s*([A-Za-z_]\\w*)\\s*(\\(.*\\))?)?");

	private static final Map<String, Class<?>> BEANS = scan();

	private ExpressionBeans() {
	}

	static boolean isBean(String name) {
		return BEANS.containsKey(name);
	}

	/** The bean an expression starts with, when it starts with one. */
	static Optional<String> rootBean(String expression) {
		Matcher call = CALL.matcher(expression.strip());
		return call.find() && isBean(call.group(1)) ? Optional.of(call.group(1)) : Optional.empty();
	}

	/**
	 * What is wrong with an expression: not valid JUEL, or a call of a known bean's
	 * method that does not exist. An expression whose root is no bean reads a process
	 * variable, which only the running journey can check.
	 */
	static Optional<String> problemWith(String expression) {
		try {
			new ExpressionFactoryImpl().createValueExpression(new SimpleContext(), expression, Object.class);
		}
		catch (RuntimeException ex) {
			return Optional.of("'" + expression + "' is not a valid expression: " + ex.getMessage());
		}
		Matcher call = CALL.matcher(expression.strip());
		if (!call.find() || !isBean(call.group(1)) || call.group(3) == null) {
			return Optional.empty();
		}
		Class<?> type = BEANS.get(call.group(1));
		int arguments = countArguments(call.group(3));
		boolean exists = Arrays.stream(type.getMethods())
			.anyMatch(method -> method.getName().equals(call.group(2)) && method.getParameterCount() == arguments
					&& Modifier.isPublic(method.getDeclaringClass().getModifiers()));
		return exists ? Optional.empty()
				: Optional.of("'" + expression + "' calls " + call.group(1) + "." + call.group(2) + " with " + arguments
						+ " argument(s), but " + type.getSimpleName() + " has no such public method");
	}

	/**
	 * What is wrong with a {@code camunda:delegateExpression}: it must name a bean that
	 * is a Camunda delegate.
	 */
	static Optional<String> problemWithDelegate(String expression) {
		Matcher call = CALL.matcher(expression.strip());
		if (!call.find() || call.group(2) != null || !isBean(call.group(1))) {
			return Optional.of("'" + expression + "' names no bean; known beans: " + BEANS.keySet());
		}
		Class<?> type = BEANS.get(call.group(1));
		if (!JavaDelegate.class.isAssignableFrom(type) && !ActivityBehavior.class.isAssignableFrom(type)) {
			return Optional.of("'" + expression + "' names " + type.getSimpleName()
					+ ", which is neither a JavaDelegate nor an ActivityBehavior");
		}
		return Optional.empty();
	}

	/** Arguments of {@code (a, 'b, c', f(d, e))}: commas outside quotes and brackets. */
	static int countArguments(String parenthesised) {
		String inside = parenthesised.substring(1, parenthesised.lastIndexOf(')')).strip();
		if (inside.isEmpty()) {
			return 0;
		}
		List<Integer> commas = new ArrayList<>();
		int depth = 0;
		Character quote = null;
		for (int i = 0; i < inside.length(); i++) {
			char c = inside.charAt(i);
			if (quote != null) {
				quote = c == quote ? null : quote;
			}
			else if (c == '\'' || c == '"') {
				quote = c;
			}
			else if (c == '(' || c == '[') {
				depth++;
			}
			else if (c == ')' || c == ']') {
				depth--;
			}
			else if (c == ',' && depth == 0) {
				commas.add(i);
			}
		}
		return commas.size() + 1;
	}

	private static Map<String, Class<?>> scan() {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
		SimpleBeanDefinitionRegistry registry = new SimpleBeanDefinitionRegistry();
		Map<String, Class<?>> beans = new TreeMap<>();
		for (BeanDefinition definition : scanner.findCandidateComponents("io.tidings")) {
			String name = AnnotationBeanNameGenerator.INSTANCE.generateBeanName((AnnotatedBeanDefinition) definition,
					registry);
			try {
				Class<?> type = Class.forName(definition.getBeanClassName());
				if (!type.getProtectionDomain().getCodeSource().getLocation().getPath().endsWith("test-classes/")) {
					beans.put(name, type);
				}
			}
			catch (ClassNotFoundException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return beans;
	}

}
