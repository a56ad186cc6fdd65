package io.happyos.registry.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The core's packages are layered: pure logic and threads at the bottom ({@code graph},
 * {@code index}, {@code stats}, {@code concurrent}), the model above them ({@code model}: the
 * store, records, snapshots, the journal's contract), the features above the model, and the
 * registry facade, its views and the activator on top ({@code internal}). No package cycles.
 */
class ArchitectureTest {

    private static final String ROOT = "io.happyos.registry.core";
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
        assertThat(classes).as("the core's main classes").isNotEmpty();
    }

    @Test
    void noPackageCycles() {
        // one slice per package, the root package included
        slices().matching("io.happyos.registry.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void onlyTheTopLayerKnowsTheFacade() {
        noClasses()
                .that()
                .resideOutsideOfPackage(ROOT + ".internal..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(ROOT + ".internal..")
                .check(classes);
    }

    @Test
    void theModelKnowsNoFeature() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        ROOT + ".model..",
                        ROOT + ".graph..",
                        ROOT + ".index..",
                        ROOT + ".stats..",
                        ROOT + ".concurrent..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        ROOT + ".bundle..",
                        ROOT + ".deploy..",
                        ROOT + ".diagnose..",
                        ROOT + ".export..",
                        ROOT + ".extension..",
                        ROOT + ".instance..",
                        ROOT + ".lifecycle..",
                        ROOT + ".persist..",
                        ROOT + ".servicecomponent..",
                        ROOT + ".usage..",
                        ROOT + ".internal..")
                .check(classes);
    }
}
