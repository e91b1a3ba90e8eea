package io.tidings.journey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.model.bpmn.instance.BaseElement;

/**
 * One Camunda Modeler element template (Camunda 7 schema), as the checks read it. A file
 * holds one template or an array of them.
 */
record ElementTemplate(Path file, JsonNode json) {

	/** The bindings that say which code runs: the step's bean, or a flow's condition. */
	static final Set<String> IMPLEMENTATIONS = Set.of("camunda:delegateExpression", "camunda:expression",
			"conditionExpression");

	static List<ElementTemplate> all() {
		List<ElementTemplate> templates = new ArrayList<>();
		for (Path file : JourneyFiles.elementTemplates()) {
			templates.addAll(read(file));
		}
		return templates;
	}

	static List<ElementTemplate> read(Path file) {
		try {
			JsonNode json = new ObjectMapper().readTree(file.toFile());
			List<JsonNode> nodes = json.isArray() ? StreamSupport.stream(json.spliterator(), false).toList()
					: List.of(json);
			return nodes.stream().map(node -> new ElementTemplate(file, node)).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String id() {
		return json.path("id").asText();
	}

	List<JsonNode> properties() {
		return StreamSupport.stream(json.path("properties").spliterator(), false).toList();
	}

	/** The property that binds the implementation, if the template has exactly one. */
	Optional<JsonNode> implementation() {
		List<JsonNode> bound = properties().stream()
			.filter(property -> "property".equals(bindingType(property))
					&& IMPLEMENTATIONS.contains(property.path("binding").path("name").asText()))
			.toList();
		return bound.size() == 1 ? Optional.of(bound.get(0)) : Optional.empty();
	}

	/**
	 * The BPMN attribute the implementation is bound to, e.g. camunda:delegateExpression.
	 */
	String implementationAttribute() {
		return implementation().map(property -> property.path("binding").path("name").asText()).orElse("");
	}

	String implementationValue() {
		return implementation().map(property -> property.path("value").asText()).orElse("");
	}

	List<String> choices(JsonNode property) {
		return StreamSupport.stream(property.path("choices").spliterator(), false)
			.map(choice -> choice.path("value").asText())
			.toList();
	}

	static String bindingType(JsonNode property) {
		return property.path("binding").path("type").asText();
	}

	/**
	 * An element the Modeler applied a template to names one that exists, in a version it
	 * had.
	 */
	static Optional<String> modelerTemplateProblem(BaseElement element, List<ElementTemplate> templates) {
		String id = element.getAttributeValueNs(JourneyFiles.CAMUNDA_NS, "modelerTemplate");
		if (id == null) {
			return Optional.empty();
		}
		Optional<ElementTemplate> template = templates.stream().filter(found -> found.id().equals(id)).findFirst();
		if (template.isEmpty()) {
			return Optional
				.of("camunda:modelerTemplate " + id + " is no template in " + JourneyFiles.ELEMENT_TEMPLATES);
		}
		String version = element.getAttributeValueNs(JourneyFiles.CAMUNDA_NS, "modelerTemplateVersion");
		boolean known = version == null || (version.matches("\\d{1,9}")
				&& Integer.parseInt(version) <= template.get().json().path("version").asInt());
		return known ? Optional.empty() : Optional.of("uses version " + version + " of " + id + ", which is newer");
	}

	static String pattern(JsonNode property) {
		return property.path("constraints").path("pattern").path("value").asText();
	}

	@Override
	public String toString() {
		return file.getFileName() + " " + id();
	}

}
