package babysitter.ui.controls;

import static org.assertj.core.api.Assertions.assertThat;

import babysitter.session.configuration.ConfigFiles;
import babysitter.session.configuration.RunConfig;
import babysitter.session.live.Command;
import babysitter.session.reports.Report;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The range test panel's state, without the toolkit: the typed range, the run, its result and where it goes. */
class RangeTestViewModelTest {
    private final SimpleObjectProperty<RunConfig> config = new SimpleObjectProperty<>();
    private final List<Double> toSetup = new ArrayList<>();
    private final List<Double> toRun = new ArrayList<>();
    private final List<Runnable> background = new ArrayList<>();
    private final List<Command.LrRangeTest> asked = new ArrayList<>();
    private Report.LrRangeReport answer;
    private IOException failure;
    private RuntimeException breaks;
    private RangeTestViewModel vm;

    @BeforeEach
    void setUp() throws Exception {
        config.set(ConfigFiles.parse("{ \"data\": { \"kind\": \"spiral\" } }", "test"));
        vm = new RangeTestViewModel(config, toSetup::add, toRun::add, Runnable::run, background::add, (c, r, stop) -> {
            asked.add(r);
            if (failure != null) {
                throw failure;
            }
            if (breaks != null) {
                throw breaks;
            }
            return answer;
        });
    }

    private void runInBackground() {
        List<Runnable> tasks = new ArrayList<>(background);
        background.clear();
        tasks.forEach(Runnable::run);
    }

    @Test
    void theTypedRangeIsTheRangeTested() {
        vm.minAlphaProperty().set(" 1e-4 ");
        vm.maxAlphaProperty().set("0.5");
        vm.stepsProperty().set("40");
        answer = new Report.LrRangeReport(new double[] {1e-4, 1e-3, 1e-2}, new double[] {2, 1, 3}, 1e-3);
        vm.run();
        assertThat(vm.runningProperty().get()).isTrue();
        assertThat(vm.canRunProperty().get()).isFalse();
        assertThat(vm.messageProperty().get()).startsWith("running");
        runInBackground();
        assertThat(asked).containsExactly(new Command.LrRangeTest(1e-4, 0.5, 40));
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.messageProperty().get()).startsWith("suggested α = 1.00e-03").contains("3 of 40 steps");
        assertThat(vm.canRunProperty().get()).isTrue();
    }

    @Test
    void badRangesAreRefusedWithTheRuleAndTheValue() {
        vm.minAlphaProperty().set("abc");
        assertThat(vm.errorProperty().get()).isEqualTo("minimum α must be a number from 1e-06 to 10, got 'abc'");
        assertThat(vm.canRunProperty().get()).isFalse();
        vm.minAlphaProperty().set("1e-3");
        vm.maxAlphaProperty().set("100");
        assertThat(vm.errorProperty().get()).contains("maximum α").contains("'100'");
        vm.maxAlphaProperty().set("1e-3");
        assertThat(vm.errorProperty().get()).contains("larger than the minimum");
        vm.maxAlphaProperty().set("1");
        vm.stepsProperty().set("4.5");
        assertThat(vm.errorProperty().get()).isEqualTo("steps must be a whole number from 5 to 10000, got '4.5'");
        vm.stepsProperty().set("5");
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.canRunProperty().get()).isTrue();
        vm.run();
        assertThat(background).hasSize(1);
    }

    @Test
    void withoutAValidSetupThereIsNothingToTest() {
        config.set(null);
        assertThat(vm.canRunProperty().get()).isFalse();
        assertThat(vm.errorProperty().get()).contains("setup");
        vm.run();
        assertThat(background).isEmpty();
    }

    @Test
    void aFailureIsSaidAndTheTestCanRunAgain() {
        failure = new IOException("data/missing.csv: no such file");
        vm.run();
        runInBackground();
        assertThat(vm.messageProperty().get()).isEqualTo("the range test could not run: data/missing.csv: no such file");
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.canRunProperty().get()).isTrue();
    }

    @Test
    void noSuggestionAsksForAWiderRangeAndOffersNothingToUse() {
        answer = new Report.LrRangeReport(new double[] {1e-5, 1e-4}, new double[] {2, 2}, Double.NaN);
        vm.run();
        runInBackground();
        assertThat(vm.messageProperty().get()).startsWith("no clear descent between α 1.00e-05 and 1.00e+00: try a wider range");
        vm.useInSetup();
        vm.liveRunProperty().set(true);
        vm.useInRun();
        assertThat(toSetup).isEmpty();
        assertThat(toRun).isEmpty();
    }

    @Test
    void theSuggestionGoesToTheSetupAlwaysAndToTheRunOnlyWhileThereIsOne() {
        answer = new Report.LrRangeReport(new double[] {1e-3, 1e-2, 1e-1}, new double[] {2, 1, 3}, 0.012345);
        vm.run();
        runInBackground();
        vm.useInSetup();
        assertThat(toSetup).containsExactly(0.0123);
        vm.useInRun();
        assertThat(toRun).isEmpty();
        vm.liveRunProperty().set(true);
        vm.useInRun();
        assertThat(toRun).containsExactly(0.0123);
    }

    /** Why the test could not run is said in the window's language (here a data file that is missing). */
    @Test
    void aFailureIsSaidInTheWindowsLanguage() {
        java.nio.file.Path csv = java.nio.file.Path.of("data", "missing.csv");
        breaks = new babysitter.data.DataFileException(csv, babysitter.data.DataFileException.Kind.NO_SUCH_FILE,
                babysitter.data.DataFileException.Word.DELIMITED_TEXT);
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.KOREAN);
            vm.run();
            runInBackground();
            assertThat(vm.messageProperty().get()).isEqualTo("범위 테스트를 실행할 수 없습니다: "
                    + babysitter.report.ProblemWords.dataFile((babysitter.data.DataFileException) breaks))
                    .startsWith("범위 테스트를 실행할 수 없습니다: " + csv + ": ").doesNotContain("no such file");
        } finally {
            java.util.Locale.setDefault(before);
        }
    }
}
