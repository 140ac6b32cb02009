package dk.fjernlaan.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layout: the parts of the order's life and the capabilities they use know nothing of the web or the engine;
 * the web layer ({@code api}) and the engine adapter ({@code process}) sit on top; no package needs another that
 * needs it back.
 */
@AnalyzeClasses(packages = "dk.fjernlaan", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The use cases and the capabilities' own code. */
    private static final String[] USE_CASES = {"dk.fjernlaan.order..", "dk.fjernlaan.conversation..", "dk.fjernlaan.delivery..",
        "dk.fjernlaan.courier..", "dk.fjernlaan.automation..", "dk.fjernlaan.directory..", "dk.fjernlaan.catalogue..",
        "dk.fjernlaan.patron..", "dk.fjernlaan.notification..", "dk.fjernlaan.iso18626.."};

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("dk.fjernlaan.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noCyclesInsideThePlatform = slices().matching("dk.fjernlaan.platform.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule useCasesDoNotKnowTheWeb = noClasses().that().resideInAnyPackage(USE_CASES)
        .should().dependOnClassesThat().resideInAnyPackage("dk.fjernlaan.api..", "dk.fjernlaan.platform.web..",
            "org.springframework.web..", "org.springframework.http..", "jakarta.servlet..");

    @ArchTest
    static final ArchRule useCasesDoNotDriveTheEngine = noClasses().that().resideInAnyPackage(USE_CASES)
        .should().dependOnClassesThat().resideInAnyPackage("dk.fjernlaan.process..");

    @ArchTest
    static final ArchRule camundaStaysInTheAdaptersAndTheEngineConfiguration = noClasses()
        .that().resideOutsideOfPackages("dk.fjernlaan.process..", "dk.fjernlaan.automation.dmn..", "dk.fjernlaan.platform.engine..",
            "dk.fjernlaan.platform.security..")
        .should().dependOnClassesThat().resideInAPackage("org.camunda..");

    @ArchTest
    static final ArchRule theWebLayerDoesNotDriveTheEngine = noClasses().that().resideInAPackage("dk.fjernlaan.api..")
        .should().dependOnClassesThat().resideInAnyPackage("dk.fjernlaan.process..", "org.camunda..");
}
