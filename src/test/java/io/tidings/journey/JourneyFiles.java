package io.tidings.journey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The files analysts edit, read the way the checks on them need: the diagrams in bpmn/, a
 * step's input parameters, the mail templates and the README's event tables.
 */
final class JourneyFiles {

	static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

	static final Path BPMN = Path.of("bpmn");

	static final Path ELEMENT_TEMPLATES = BPMN.resolve(".camunda").resolve("element-templates");

	static final Path MAIL_TEMPLATES = Path.of("templates", "mail");

	static final Path README = Path.of("README.md");

	/**
	 * The languages every translated mail is written in; the file without suffix is
	 * English.
	 */
	static final List<String> TRANSLATIONS = List.of("ru", "nl", "fr", "zh");

	/** The README sections whose tables list the message names journeys may wait for. */
	static final List<String> EVENT_TABLES = List.of("### Events the journeys know",
			"## Triggers that are not an event");

	private static final Pattern TABLE_ROW_NAME = Pattern.compile("^\\|\\s*`([A-Za-z][A-Za-z0-9_:-]*)`\\s*\\|");

	private JourneyFiles() {
	}

	static List<Path> journeys() {
		return list(BPMN, ".bpmn");
	}

	static List<Path> elementTemplates() {
		return list(ELEMENT_TEMPLATES, ".json");
	}

	private static List<Path> list(Path folder, String suffix) {
		try (Stream<Path> files = Files.list(folder)) {
			List<Path> found = files.filter(file -> file.toString().endsWith(suffix)).sorted().toList();
			assertThat(found).as("%s files in %s", suffix, folder).isNotEmpty();
			return found;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The stripped text of the element's input parameter, or null when it has none. */
	static String inputParameter(BaseElement element, String name) {
		return element.getModelInstance()
			.getModelElementsByType(CamundaInputParameter.class)
			.stream()
			.filter(parameter -> parameter.getParentElement().getParentElement().getParentElement() == element)
			.filter(parameter -> name.equals(parameter.getCamundaName()))
			.map(CamundaInputParameter::getTextContent)
			.map(String::strip)
			.findFirst()
			.orElse(null);
	}

	/**
	 * The languages a mail template has a translation in ({@code welcome_nl.html}: nl).
	 */
	static Set<String> translationsOf(String templateKey) {
		Set<String> languages = new LinkedHashSet<>();
		for (Path file : list(MAIL_TEMPLATES, ".html")) {
			String name = file.getFileName().toString();
			if (name.startsWith(templateKey + "_")) {
				languages.add(name.substring(templateKey.length() + 1, name.length() - ".html".length()));
			}
		}
		return languages;
	}

	/** Names in the first column of the README's event tables, without backticks. */
	static Set<String> documentedMessageNames() {
		return documentedMessageNames(read(README));
	}

	static Set<String> documentedMessageNames(String markdown) {
		String readme = "\n" + markdown;
		Set<String> names = new LinkedHashSet<>();
		for (String heading : EVENT_TABLES) {
			int start = readme.indexOf("\n" + heading + "\n");
			assertThat(start).as("README has the section '%s'", heading).isNotNegative();
			int level = heading.indexOf(' ');
			Matcher nextHeading = Pattern.compile("\n#{1," + level + "} ").matcher(readme);
			int end = nextHeading.find(start + heading.length() + 1) ? nextHeading.start() : readme.length();
			readme.substring(start, end).lines().map(TABLE_ROW_NAME::matcher).filter(Matcher::find).forEach(row -> {
				names.add(row.group(1));
			});
		}
		return names;
	}

	static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
