package io.tidings;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Keeps the module boundaries of docs/DESIGN: Camunda only in journey, no cycles between
 * modules, and a module's internal package used by that module alone.
 */
class ModularityTest {

	static final JavaClasses main = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.tidings");

	@Test
	void onlyTheJourneyModuleUsesCamunda() {
		noClasses().that()
			.resideOutsideOfPackage("io.tidings.journey..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.camunda..")
			.check(main);
	}

	@Test
	void modulesDoNotDependOnEachOtherInCircles() {
		slices().matching("io.tidings.(*)..").should().beFreeOfCycles().check(main);
	}

	@Test
	void internalsStayInsideTheirModule() {
		for (String module : new String[] { "analytics", "broadcast", "consent", "contact", "delivery", "event",
				"experiment", "journey", "privacy", "sendtime", "template", "tracking", "trigger" }) {
			noClasses().that()
				.resideOutsideOfPackage("io.tidings." + module + "..")
				.should()
				.dependOnClassesThat()
				.resideInAPackage("io.tidings." + module + ".internal..")
				.check(main);
		}
	}

}
