package com.vigil.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The design rules of ARCHITECTURE.md, enforced over every Vigil class on the class path. */
class ArchitectureTest {
    private static final String[] ENGINE = {"com.vigil.model..", "com.vigil.plantconfig..", "com.vigil.sim..",
            "com.vigil.opcua..", "com.vigil.alarm..", "com.vigil.warning..", "com.vigil.historian..",
            "com.vigil.persistence..", "com.vigil.ingest..", "com.vigil.reports..", "com.vigil.accounts.."};
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.vigil");
    }

    @Test
    void engineModulesHaveNoJavaFx() {
        noClasses().that().resideInAnyPackage(ENGINE)
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "eu.hansolo..", "org.jfree.chart.fx..")
                .because("the engine must run headless: CLI, tests and benchmarks have no display")
                .check(classes);
    }

    @Test
    void dependenciesPointInward() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Model").definedBy("com.vigil.model..")
                .layer("Services").definedBy("com.vigil.alarm..", "com.vigil.warning..", "com.vigil.ingest..",
                        "com.vigil.reports..", "com.vigil.accounts..")
                .layer("Adapters").definedBy("com.vigil.opcua..", "com.vigil.sim..", "com.vigil.persistence..",
                        "com.vigil.historian..", "com.vigil.plantconfig..")
                .layer("UI").definedBy("com.vigil.ui..")
                .layer("App").definedBy("com.vigil.app..")
                .whereLayer("App").mayNotBeAccessedByAnyLayer()
                .whereLayer("UI").mayOnlyBeAccessedByLayers("App")
                .whereLayer("Adapters").mayOnlyBeAccessedByLayers("App", "Adapters")
                .whereLayer("Services").mayOnlyBeAccessedByLayers("UI", "App")
                .because("ui → services → model; adapters implement ports and are wired only by the app")
                .check(classes);
    }

    @Test
    void adaptersDoNotUseEachOther() {
        String[] adapters = {"opcua", "persistence", "historian", "plantconfig", "sim"};
        for (String a : adapters) {
            java.util.List<String> others = new java.util.ArrayList<>();
            for (String o : adapters) {
                // the simulator serves plant files: it may read them through plant-config
                if (!o.equals(a) && !(a.equals("sim") && o.equals("plantconfig"))) {
                    others.add("com.vigil." + o + "..");
                }
            }
            noClasses().that().resideInAPackage("com.vigil." + a + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others.toArray(String[]::new))
                    .because("each adapter stands alone; the app wires them")
                    .allowEmptyShould(true) // an adapter not yet wired into the app has no classes here
                    .check(classes);
        }
    }

    @Test
    void uiFeatureModulesDoNotImportEachOther() {
        slices().matching("com.vigil.ui.(*)..").should().notDependOnEachOther()
                .ignoreDependency(com.tngtech.archunit.base.DescribedPredicate.alwaysTrue(),
                        com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage("com.vigil.ui.kit.."))
                .because("one ui module per feature; shared pieces live in ui-kit")
                .check(classes);
    }

    @Test
    void runLaterOnlyInUiKit() {
        noClasses().that().resideOutsideOfPackage("com.vigil.ui.kit..")
                .should().callMethod(javafx.application.Platform.class, "runLater", Runnable.class)
                .because("live data reaches the FX thread through the one FxPulse, not per sample")
                .check(classes);
    }
}
