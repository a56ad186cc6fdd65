package io.happyos.registry.launcher;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The launcher's packages form a DAG: no package reaches back to one that depends on it. */
class ArchitectureTest {

    private static final String ROOT = "io.happyos.registry.launcher";

    @Test
    void noPackageCycles() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
        assertThat(classes).as("the launcher's main classes").isNotEmpty();

        // one slice per package, the root package included
        slices().matching("io.happyos.registry.(**)").should().beFreeOfCycles().check(classes);
    }
}
