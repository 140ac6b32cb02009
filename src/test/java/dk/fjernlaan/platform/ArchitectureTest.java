package dk.fjernlaan.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The engine is an adapter: Camunda's API is used only by the adapters ({@code ..process..}, {@code ..dmn..}) and the
 * platform, so that the rules and the order aggregate do not depend on the engine.
 */
@AnalyzeClasses(packages = "dk.fjernlaan", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule camundaStaysInTheAdapters = noClasses()
        .that().resideOutsideOfPackages("..process..", "..dmn..", "dk.fjernlaan.platform..")
        .should().dependOnClassesThat().resideInAPackage("org.camunda..");
}
