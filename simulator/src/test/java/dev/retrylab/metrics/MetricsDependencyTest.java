package dev.retrylab.metrics;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The metrics package receives numbers: it depends on the JDK, the time utilities, HdrHistogram
 * and Commons Math, and on nothing of the engine, the model or the user interfaces.
 */
class MetricsDependencyTest {

    @Test
    void metricsPackage_dependencies_areOnlyJdkTimeHdrHistogramAndCommonsMath() {
        JavaClasses metrics = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.retrylab.metrics");

        classes().that().resideInAPackage("dev.retrylab.metrics..").should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "dev.retrylab.metrics..", "dev.retrylab.time..", "org.HdrHistogram..",
                        "org.apache.commons.math3..")
                .check(metrics);
    }
}
