package io.mtcassistant;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Only the ui package may use JavaFX: everything else stays plain Java, testable without a toolkit. */
class ArchitectureTest {

    private static final JavaClasses PRODUCT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("io.mtcassistant");

    @Test
    void onlyTheUiPackageUsesJavaFx() {
        noClasses().that().resideOutsideOfPackage("io.mtcassistant.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .because("only io.mtcassistant.ui may import javafx (see ARCHITECTURE.md)")
                .check(PRODUCT);
    }

    @Test
    void theRuleSeesTheProductClasses() {
        // Guards against an empty import, which would make the rule above pass vacuously.
        org.assertj.core.api.Assertions.assertThat(PRODUCT.containPackage("io.mtcassistant.ui")).isTrue();
        org.assertj.core.api.Assertions.assertThat(PRODUCT.containPackage("io.mtcassistant.settings")).isTrue();
    }
}
