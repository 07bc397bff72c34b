package io.thalamus.deploy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The allowed import directions of ARCHITECTURE.md, checked on the compiled classes of every module
 * (deploy sees them all on its classpath), so a wrong import fails {@code mvn verify}.
 */
class ArchitectureTest {

    private static final String MODEL = "io.thalamus.network..";
    private static final String MODELS = "io.thalamus.models..";
    private static final String TWIN = "io.thalamus.twin..";
    private static final String TELEMETRY = "io.thalamus.telemetry..";
    private static final String SDN = "io.thalamus.sdnrouter..";
    private static final String INTENT = "io.thalamus.intent..";
    private static final String DEPLOY = "io.thalamus.deploy..";

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.thalamus");
    }

    private static void forbid(String from, String... to) {
        ArchRule rule = noClasses().that().resideInAPackage(from)
                .should().dependOnClassesThat().resideInAnyPackage(to)
                .allowEmptyShould(true);
        rule.check(classes);
    }

    @Test
    void networkModelImportsNoOtherModule() {
        forbid(MODEL, MODELS, TWIN, TELEMETRY, SDN, INTENT, DEPLOY);
    }

    @Test
    void modelLibraryImportsOnlyNetworkModel() {
        forbid(MODELS, TWIN, TELEMETRY, SDN, INTENT, DEPLOY);
    }

    @Test
    void digitalTwinNeverImportsRouterIntentsOrTelemetry() {
        forbid(TWIN, MODELS, TELEMETRY, SDN, INTENT, DEPLOY);
    }

    @Test
    void telemetryNeverImportsRouterTwinOrIntents() {
        forbid(TELEMETRY, TWIN, SDN, INTENT, DEPLOY);
    }

    @Test
    void sdnRouterImportsOnlyModelTwinAndModelLibrary() {
        forbid(SDN, TELEMETRY, INTENT, DEPLOY);
    }

    @Test
    void intentEngineNeverImportsDeploy() {
        forbid(INTENT, DEPLOY);
    }

    @Test
    void importsWereFound() {
        org.assertj.core.api.Assertions.assertThat(classes.containPackage("io.thalamus.network.topology")).isTrue();
        org.assertj.core.api.Assertions.assertThat(classes.containPackage("io.thalamus.deploy")).isTrue();
    }
}
