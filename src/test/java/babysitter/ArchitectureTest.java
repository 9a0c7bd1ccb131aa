package babysitter;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering of the design: the engine knows nothing of the layers above it, and only the UI knows JavaFX. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("babysitter");
    }

    @Test
    void theImportSeesTheEngine() {
        assertThat(classes.contain("babysitter.engine.Network")).isTrue();
        assertThat(classes.contain("babysitter.engine.optim.Adam")).isTrue();
        // main classes only: the tests (this class) are not part of the checked architecture
        assertThat(classes.contain(ArchitectureTest.class)).isFalse();
    }

    @Test
    void onlyTheUiUsesJavaFx() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("babysitter.ui..")
                .should().dependOnClassesThat().resideInAPackage("javafx..");
        rule.check(classes);
    }

    @Test
    void onlySearchClusterUsesHazelcast() {
        noClasses().that().resideOutsideOfPackage("babysitter.search.cluster..")
                .should().dependOnClassesThat().resideInAPackage("com.hazelcast..").check(classes);
        // not vacuous: the cluster package does use it
        assertThat(classes.stream().filter(c -> c.getPackageName().equals("babysitter.search.cluster"))
                .anyMatch(c -> c.getDirectDependenciesFromSelf().stream()
                        .anyMatch(d -> d.getTargetClass().getPackageName().startsWith("com.hazelcast")))).isTrue();
    }

    @Test
    void theEngineDependsOnlyOnItselfTheJdkNd4jLoggingAndJackson() {
        ArchRule rule = classes().that().resideInAPackage("babysitter.engine..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "babysitter.engine..", "java..", "org.nd4j..", "org.slf4j..", "com.fasterxml.jackson..",
                        "org.bytedeco..");
        rule.check(classes);
    }

    @Test
    void theEngineRuleCatchesAForeignDependency() {
        // the rule is not vacuous: without org.nd4j.. among the allowed packages, the engine violates it
        ArchRule rule = classes().that().resideInAPackage("babysitter.engine..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("babysitter.engine..", "java..");
        assertThatThrownBy(() -> rule.check(classes))
                .isInstanceOf(AssertionError.class).hasMessageContaining("org.nd4j");
    }

    private static void noDependency(String from, String... forbidden) {
        noClasses().that().resideInAPackage(from)
                .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void theTextsDependOnlyOnTheJdk() {
        // the window and the report both read their words through babysitter.i18n, so it may know neither
        classes().that().resideInAPackage("babysitter.i18n..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("babysitter.i18n..", "java..", "org.slf4j..")
                .check(classes);
        assertThat(classes.contain("babysitter.i18n.Texts")).isTrue();
    }

    @Test
    void dataKnowsNothingAbove() {
        noDependency("babysitter.data..", "babysitter.session..", "babysitter.search..", "babysitter.store..",
                "babysitter.cli..", "babysitter.ui..", "babysitter.report..");
    }

    @Test
    void storeKnowsNothingAbove() {
        noDependency("babysitter.store..", "babysitter.session..", "babysitter.search..", "babysitter.cli..",
                "babysitter.ui..", "babysitter.report..");
    }

    @Test
    void sessionKnowsNothingAbove() {
        noDependency("babysitter.session..", "babysitter.search..", "babysitter.cli..", "babysitter.ui..",
                "babysitter.report..");
    }

    private static final DescribedPredicate<JavaClass> JSON_TREE = DescribedPredicate.describe(
            "Jackson's tree model (JsonNode, com.fasterxml.jackson.databind.node)",
            c -> c.getName().equals("com.fasterxml.jackson.databind.JsonNode")
                    || c.getPackageName().equals("com.fasterxml.jackson.databind.node"));

    private static ArchRule withoutJsonTrees(String packages) {
        return noClasses().that().resideInAPackage(packages).should().dependOnClassesThat(JSON_TREE);
    }

    /**
     * The session reads and writes JSON through records and the codecs of babysitter.store (the
     * configuration files, the events, run.json, a checkpoint's trainer state, the insight payloads).
     */
    @Test
    void theSessionLeavesJsonTreesToTheStore() {
        withoutJsonTrees("babysitter.session..").check(classes);
    }

    @Test
    void theJsonTreeRuleIsNotVacuous() {
        // the store does work with trees, so the same rule over it must fail
        assertThatThrownBy(() -> withoutJsonTrees("babysitter.store..").check(classes))
                .isInstanceOf(AssertionError.class).hasMessageContaining("com.fasterxml.jackson.databind");
    }

    /**
     * The session's sub-packages in layers, each knowing only those before it: configuration (what
     * a run is), training (the trainer, its checkpoints, run folders), reports (what a session
     * tells its listeners), insights (confusion, samples, regions, hints), live (the session core,
     * its commands and rules).
     */
    @Test
    void sessionSubPackagesAreLayered() {
        String[] layers = {"configuration", "training", "reports", "insights", "live"};
        for (int i = 0; i < layers.length - 1; i++) {
            assertThat(classes.containPackage("babysitter.session." + layers[i]))
                    .as(layers[i]).isTrue();
            String[] above = new String[layers.length - 1 - i];
            for (int j = i + 1; j < layers.length; j++) {
                above[j - i - 1] = "babysitter.session." + layers[j] + "..";
            }
            noDependency("babysitter.session." + layers[i] + "..", above);
        }
    }

    @Test
    void searchKnowsNothingAbove() {
        noDependency("babysitter.search..", "babysitter.cli..", "babysitter.ui..");
    }

    @Test
    void reportsKnowNeitherTheUiNorTheCli() {
        noDependency("babysitter.report..", "babysitter.ui..", "babysitter.cli..", "javafx..");
    }

    @Test
    void thePlottingCoreDependsOnNothingOfOursAndNoToolkit() {
        classes().that().resideInAPackage("babysitter.plot..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("babysitter.plot..", "java..")
                .check(classes);
        assertThat(classes.contain("babysitter.plot.Ticks")).isTrue();
    }

    @Test
    void theReportAndTheScreenChartsBothDrawWithThePlottingCore() {
        for (String user : new String[] {"babysitter.report..", "babysitter.ui.chart.."}) {
            boolean uses = classes.stream().filter(c -> c.getPackageName().startsWith(user.replace("..", "")))
                    .anyMatch(c -> c.getDirectDependenciesFromSelf().stream()
                            .anyMatch(d -> d.getTargetClass().getPackageName().equals("babysitter.plot")));
            assertThat(uses).as("%s uses babysitter.plot", user).isTrue();
        }
        // and neither keeps a copy of its own: the report's tick maker is gone
        assertThat(classes.contain("babysitter.report.Tick")).isFalse();
    }

    @Test
    void theReportRuleIsNotVacuous() {
        assertThat(classes.contain("babysitter.report.RunReport")).isTrue();
        // the report does use the session layer, so forbidding it must fail
        assertThatThrownBy(() -> noDependency("babysitter.report..", "babysitter.session.."))
                .isInstanceOf(AssertionError.class).hasMessageContaining("babysitter.session");
    }

    @Test
    void theEngineKnowsNothingAbove() {
        noDependency("babysitter.engine..", "babysitter.data..", "babysitter.store..", "babysitter.session..",
                "babysitter.search..", "babysitter.cli..", "babysitter.ui..", "babysitter.report..");
    }

    /** The feature packages under babysitter.ui, each a window or a pane that the main window puts together. */
    private static final String[] UI_FEATURES = {"babysitter.ui.network..", "babysitter.ui.classes..",
        "babysitter.ui.samples..", "babysitter.ui.regions..", "babysitter.ui.search..", "babysitter.ui.siblings..",
        "babysitter.ui.surface..", "babysitter.ui.monitor..", "babysitter.ui.controls..", "babysitter.ui.setup..",
        "babysitter.ui.chart..", "babysitter.ui.fx..", "babysitter.ui.library..", "babysitter.ui.app.."};

    @Test
    void uiFeaturesDoNotDependOnTheMainWindow() {
        // the main window depends on them (it opens their windows and hands them its view-model
        // through an interface of theirs); the other way round would make a cycle
        noClasses().that().resideInAnyPackage(UI_FEATURES)
                .should().dependOnClassesThat().resideInAPackage("babysitter.ui.main..")
                .check(classes);
    }

    @Test
    void theMainWindowRuleIsNotVacuous() {
        assertThat(classes.contain("babysitter.ui.network.NetworkWindow")).isTrue();
        // the main window does depend on the network package, so forbidding that must fail
        assertThatThrownBy(() -> noDependency("babysitter.ui.main..",
                        "babysitter.ui.network.."))
                .isInstanceOf(AssertionError.class).hasMessageContaining("babysitter.ui.network");
    }

    @Test
    void noCycleBetweenUiPackages() {
        com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices().matching("babysitter.ui.(*)..")
                .should().beFreeOfCycles().check(classes);
        // the application at the top of babysitter.ui puts the packages together; none of them reaches back
        // to it (the runs folder, executors and open windows come to them in an AppContext)
        noClasses().that().resideInAPackage("babysitter.ui.*..")
                .should().dependOnClassesThat().resideInAPackage("babysitter.ui")
                .check(classes);
        // not vacuous: "babysitter.ui.*.." holds the main window's package, which does use the search's
        assertThatThrownBy(() -> noClasses().that().resideInAPackage("babysitter.ui.*..")
                        .should().dependOnClassesThat().resideInAPackage("babysitter.ui.search").check(classes))
                .isInstanceOf(AssertionError.class).hasMessageContaining("babysitter.ui.main");
    }

    @Test
    void theUiKeepsNoMutableStaticState() {
        // no public static volatile file choosers, no static list of open windows: they live in the AppContext
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields()
                .that().areDeclaredInClassesThat().resideInAnyPackage("babysitter.ui.app..", "babysitter.ui.search..",
                        "babysitter.ui.main..", "babysitter.ui.library..")
                .and().areStatic()
                .should().beFinal()
                .check(classes);
        assertThat(classes.contain("babysitter.ui.app.AppContext")).isTrue();
    }
}
