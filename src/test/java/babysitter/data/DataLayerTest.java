package babysitter.data;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** The data layer uses only itself, the JDK, ND4J, Jackson and slf4j (kept here to leave ArchitectureTest alone). */
class DataLayerTest {

    private static final JavaClasses DATA = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("babysitter.data");

    @Test
    void dataDependsOnlyOnTheJdkNd4jJacksonAndSlf4j() {
        assertThat(DATA.contain("babysitter.data.MiniBatches")).isTrue();
        classes().that().resideInAPackage("babysitter.data..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "babysitter.data..", "java..", "org.nd4j..", "com.fasterxml.jackson..", "org.slf4j..")
                .check(DATA);
    }

    @Test
    void theRuleIsNotVacuous() {
        ArchRule withoutNd4j = classes().that().resideInAPackage("babysitter.data..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("babysitter.data..", "java..");
        assertThatThrownBy(() -> withoutNd4j.check(DATA)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("org.nd4j");
    }
}
