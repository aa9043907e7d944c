package dev.retrylab.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency rules of ARCHITECTURE.md, stated once so the picture and the code cannot drift. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.retrylab");
    }

    @Test
    void time_dependsOnlyOnTheJdk() {
        check(noClasses().that().resideInAPackage("dev.retrylab.time..")
                .should().dependOnClassesThat().resideOutsideOfPackages("dev.retrylab.time..", "java.."));
    }

    @Test
    void strategy_dependsOnlyOnTheJdkAndTime() {
        check(noClasses().that().resideInAPackage("dev.retrylab.strategy..")
                .should().dependOnClassesThat().resideOutsideOfPackages(
                        "dev.retrylab.strategy..", "dev.retrylab.time..", "java.."));
    }

    @Test
    void engine_importsNoStrategyAndNoModel() {
        check(noClasses().that().resideInAPackage("dev.retrylab.engine..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.retrylab.strategy..", "dev.retrylab.execution..", "dev.retrylab.model.."));
    }

    @Test
    void execution_doesNotReachIntoTheSimulator() {
        check(noClasses().that().resideInAPackage("dev.retrylab.execution..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.retrylab.engine..", "dev.retrylab.model..", "dev.retrylab.fault..",
                        "dev.retrylab.scenario.."));
    }

    @Test
    void metrics_receiveNumbersAndDependOnlyOnTimeAndTheirLibraries() {
        check(noClasses().that().resideInAPackage("dev.retrylab.metrics..")
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", "dev.retrylab.metrics..",
                        "dev.retrylab.time..", "org.HdrHistogram..", "org.apache.commons.math3.."));
    }

    @Test
    void library_neverImportsTheUserInterfaces() {
        check(noClasses().that().resideInAnyPackage(
                        "dev.retrylab.time..", "dev.retrylab.strategy..", "dev.retrylab.execution..",
                        "dev.retrylab.engine..", "dev.retrylab.model..", "dev.retrylab.fault..",
                        "dev.retrylab.scenario..", "dev.retrylab.metrics..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.retrylab.cli..", "dev.retrylab.chart..", "dev.retrylab.ui..",
                        "dev.retrylab.sweep..", "dev.retrylab.report..", "picocli..", "javafx..", "org.jfree.."));
    }

    @Test
    void charts_neverImportJavaFx() {
        check(noClasses().that().resideInAPackage("dev.retrylab.chart..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "dev.retrylab.ui.."));
    }

    @Test
    void charts_neverImportTheCommandLine() {
        check(noClasses().that().resideInAPackage("dev.retrylab.chart..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.retrylab.cli..", "picocli.."));
    }

    @Test
    void workbench_neverImportsTheCommandLine() {
        check(noClasses().that().resideInAPackage("dev.retrylab.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.retrylab.cli..", "picocli.."));
    }

    @Test
    void sharedSweepAndReport_neverImportEitherFrontOrJavaFx() {
        check(noClasses().that().resideInAnyPackage("dev.retrylab.sweep..", "dev.retrylab.report..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.retrylab.cli..", "dev.retrylab.ui..", "picocli..", "javafx..", "org.jfree.chart.fx.."));
    }

    @Test
    void workbenchViewModels_neverImportJavaFx() {
        check(noClasses().that().resideInAPackage("dev.retrylab.ui.model..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.jfree.chart.fx.."));
    }

    private static void check(ArchRule rule) {
        rule.allowEmptyShould(true).check(classes);
    }
}
