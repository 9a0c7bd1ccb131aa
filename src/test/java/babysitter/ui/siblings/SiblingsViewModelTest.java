package babysitter.ui.siblings;

import static org.assertj.core.api.Assertions.assertThat;

import babysitter.engine.Hyperparameters;
import babysitter.engine.optim.OptimizerKind;
import babysitter.session.configuration.OptimizerBeta;
import babysitter.session.live.Command;
import babysitter.session.reports.Report.SiblingsReport.Sibling;
import babysitter.session.reports.Report.SiblingsReport.SiblingState;
import babysitter.session.reports.Report.SiblingsReport;
import babysitter.session.reports.Report;
import babysitter.ui.monitor.MonitorViewModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The dialog's validation, the panel's rows and the chart overlays, without a toolkit. */
class SiblingsViewModelTest {
    final List<Command> sent = new ArrayList<>();
    final MonitorViewModel monitor = new MonitorViewModel();
    Hyperparameters hp = Hyperparameters.DEFAULTS.withOptimizer(OptimizerKind.MOMENTUM).withLearningRate(0.01);
    final SiblingsViewModel vm = new SiblingsViewModel(sent::add, monitor, () -> hp, () -> 77L);

    @Test
    void theDefaultsAreValidAndMakeTheCommand() {
        assertThat(vm.validProperty().get()).isTrue();
        assertThat(vm.command()).contains(new Command.TrySiblings(4, 2, 0.5, 0.5, 77L));
        assertThat(vm.ranges()).contains("α from 0.0032 to 0.032").contains("β from 0.68 to 0.968")
                .contains("Sibling 1 keeps");
        assertThat(vm.trySiblings()).isTrue();
        assertThat(sent).containsExactly(new Command.TrySiblings(4, 2, 0.5, 0.5, 77L));
    }

    @Test
    void aWrongFieldNamesTheValueAndTheRuleAndDisablesOk() {
        vm.countProperty().set("abc");
        assertThat(vm.validProperty().get()).isFalse();
        assertThat(vm.countErrorProperty().get()).isEqualTo("N must be a whole number from 2 to 16, got 'abc'");
        assertThat(vm.command()).isEmpty();
        assertThat(vm.trySiblings()).isFalse();
        assertThat(sent).isEmpty();
        vm.countProperty().set("17");
        assertThat(vm.countErrorProperty().get()).contains("got '17'");
        vm.countProperty().set(" 3 ");
        assertThat(vm.countErrorProperty().get()).isEmpty();
        vm.epochsProperty().set("0");
        assertThat(vm.epochsErrorProperty().get()).isEqualTo("K must be a whole number from 1 to 100, got '0'");
        vm.epochsProperty().set("1");
        vm.alphaWindowProperty().set("-0.5");
        assertThat(vm.alphaErrorProperty().get()).isEqualTo("the α window must be a number of decades from 0 to 3, got '-0.5'");
        vm.alphaWindowProperty().set("1");
        vm.betaWindowProperty().set("4");
        assertThat(vm.betaErrorProperty().get()).contains("β window").contains("got '4'");
        assertThat(vm.validProperty().get()).isFalse();
        vm.betaWindowProperty().set("0");
        assertThat(vm.validProperty().get()).isTrue();
        assertThat(vm.command()).contains(new Command.TrySiblings(3, 1, 1, 0, 77L));
    }

    @Test
    void theRangesNameTheBetaTheOptimiserUses() {
        assertThat(vm.varied()).isEqualTo(OptimizerBeta.MOMENTUM);
        hp = Hyperparameters.DEFAULTS.withLearningRate(0.01).withMomentum(0.5); // Adam, β1 0.9, β2 0.999
        assertThat(vm.varied()).isEqualTo(OptimizerBeta.BETA1);
        assertThat(vm.ranges()).contains("β1 from 0.68 to 0.968 (log of 1−β1)").contains("β2 stays 0.999")
                .doesNotContain("ignores").contains("keeps the current α and β1");
        hp = hp.withOptimizer(OptimizerKind.RMSPROP).withBetas(0.9, 0.99);
        assertThat(vm.ranges()).contains("β2 from 0.968 to 0.9968").contains("dP²");
        hp = hp.withOptimizer(OptimizerKind.SGD);
        assertThat(vm.varied()).isEqualTo(OptimizerBeta.NONE);
        assertThat(vm.ranges()).contains("α from 0.0032 to 0.032").contains("SGD has no β: only α varies")
                .doesNotContain("β from");
    }

    @Test
    void withAdamTheLabelsAndRowsShowBeta1AndWithSgdNoBeta() {
        monitor.accept(List.of(epoch(0, 0.5), epoch(1, 0.6)));
        vm.accept(List.of(new SiblingsReport("epoch-0002", 12, 2, 0, 2, 2, SiblingsReport.Phase.RUNNING,
                List.of(new Sibling(0, 0.01, 0.9, true, SiblingState.RUNNING, List.of(), List.of(), List.of(), ""),
                        new Sibling(1, 0.02, 0.93, false, SiblingState.RUNNING, List.of(), List.of(), List.of(), "")),
                -1, OptimizerBeta.BETA1)));
        assertThat(monitor.siblingLines().get(2).name()).isEqualTo("sib 2 α=0.02 β1=0.93");
        assertThat(vm.rows().get(1).beta()).isEqualTo("0.93");
        assertThat(vm.betaHeadingProperty().get()).isEqualTo("β1");
        vm.accept(List.of(new SiblingsReport("epoch-0002", 12, 2, 0, 2, 2, SiblingsReport.Phase.DISCARDED, List.of(),
                -1, OptimizerBeta.BETA1)));
        vm.accept(List.of(new SiblingsReport("epoch-0002", 12, 2, 0, 2, 2, SiblingsReport.Phase.RUNNING,
                List.of(new Sibling(0, 0.01, Double.NaN, true, SiblingState.RUNNING, List.of(), List.of(), List.of(), "")),
                -1, OptimizerBeta.NONE)));
        assertThat(monitor.siblingLines().get(0).name()).isEqualTo("sib 1 (control) α=0.01");
        assertThat(vm.rows().get(0).beta()).isEqualTo("—");
    }

    @Test
    void inTimeModeTheOverlaysGiveWayToANote() {
        monitor.accept(List.of(epoch(0, 0.5), epoch(1, 0.6)));
        assertThat(monitor.siblingsNoteProperty().get()).isEmpty();
        monitor.xAxisProperty().set(MonitorViewModel.XAxis.TIME);
        assertThat(monitor.siblingsNoteProperty().get()).as("no siblings, no note").isEmpty();
        vm.accept(List.of(report(SiblingsReport.Phase.RUNNING, sib(0, SiblingState.RUNNING, 0.7),
                sib(1, SiblingState.RUNNING, 0.72))));
        assertThat(monitor.siblingLines()).hasSize(4).allMatch(l -> l.data().isEmpty());
        assertThat(monitor.siblingsNoteProperty().get()).contains("switch x to EPOCH");
        monitor.xAxisProperty().set(MonitorViewModel.XAxis.EPOCH);
        assertThat(monitor.siblingsNoteProperty().get()).isEmpty();
        assertThat(monitor.siblingLines().get(0).data().size()).isEqualTo(2);
        monitor.xAxisProperty().set(MonitorViewModel.XAxis.STEP);
        assertThat(monitor.siblingsNoteProperty().get()).as("the epoch charts stay in epochs").isEmpty();
        assertThat(monitor.siblingLines().get(0).data().size()).isEqualTo(2);
        monitor.xAxisProperty().set(MonitorViewModel.XAxis.TIME);
        assertThat(monitor.siblingsNoteProperty().get()).isNotEmpty();
        vm.accept(List.of(report(SiblingsReport.Phase.DISCARDED)));
        assertThat(monitor.siblingsNoteProperty().get()).as("siblings gone, note gone").isEmpty();
    }

    static Sibling sib(int i, SiblingState s, double... acc) {
        List<Double> a = new ArrayList<>();
        List<Double> c = new ArrayList<>();
        for (double v : acc) {
            a.add(v);
            c.add(1 - v);
        }
        return new Sibling(i, 0.01 * (i + 1), 0.9, i == 0, s, c, c, a, "sibling-1");
    }

    static SiblingsReport report(SiblingsReport.Phase phase, Sibling... s) {
        return new SiblingsReport("epoch-0002", 12, 2, 0, 2, 2, phase, List.of(s), -1, OptimizerBeta.MOMENTUM);
    }

    @Test
    void siblingsAreOverlaidFromTheCheckpointsEpochAndRemovedWhenAdopted() {
        // the main run: two epochs on branch 0
        monitor.accept(List.of(epoch(0, 0.5), epoch(1, 0.6)));
        vm.accept(List.of(report(SiblingsReport.Phase.RUNNING, sib(0, SiblingState.RUNNING, 0.7),
                sib(1, SiblingState.RUNNING))));
        assertThat(vm.activeProperty().get()).isTrue();
        List<MonitorViewModel.Line> lines = monitor.siblingLines();
        assertThat(lines).hasSize(4);
        assertThat(lines).extracting(MonitorViewModel.Line::chart).containsExactly(MonitorViewModel.Chart.EPOCH_ACCURACY,
                MonitorViewModel.Chart.EPOCH_COST, MonitorViewModel.Chart.EPOCH_ACCURACY, MonitorViewModel.Chart.EPOCH_COST);
        assertThat(lines.get(0).name()).isEqualTo("sib 1 (control) α=0.01 β=0.9");
        assertThat(lines.get(2).name()).isEqualTo("sib 2 α=0.02 β=0.9");
        assertThat(lines.get(2).sibling()).isEqualTo(1);
        assertThat(monitor.lines()).containsAll(lines);
        // sibling 1: from the checkpoint's epoch 2 (the main run's dev accuracy there) to epoch 3
        var acc = lines.get(0).data();
        assertThat(acc.size()).isEqualTo(2);
        assertThat(acc.x(0)).isEqualTo(2);
        assertThat(acc.y(0)).isEqualTo(0.6);
        assertThat(acc.x(1)).isEqualTo(3);
        assertThat(acc.y(1)).isEqualTo(0.7);
        assertThat(lines.get(1).data().y(1)).isEqualTo(1 - 0.7, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(vm.rows()).hasSize(2);
        assertThat(vm.winnerProperty().get()).isEqualTo(-1);
        assertThat(vm.progressTextProperty().get()).isEqualTo("1/4 sibling epochs");

        // done: the winner is highlighted and adoptable
        vm.accept(List.of(report(SiblingsReport.Phase.DONE, sib(0, SiblingState.DONE, 0.7, 0.71),
                sib(1, SiblingState.DONE, 0.7, 0.8))));
        assertThat(monitor.siblingLines()).isEqualTo(lines); // the same lines, more points
        assertThat(lines.get(2).data().size()).isEqualTo(3);
        assertThat(vm.winnerProperty().get()).isEqualTo(1);
        assertThat(vm.rows().get(1).winner()).isTrue();
        assertThat(vm.rows().get(1).state()).isEqualTo("done · best");
        assertThat(vm.rows().get(0).adoptable()).isTrue();
        assertThat(vm.progressTextProperty().get()).startsWith("4/4");
        vm.adoptWinner();
        assertThat(sent).containsExactly(new Command.AdoptSibling(1));

        vm.accept(List.of(report(SiblingsReport.Phase.ADOPTED, sib(0, SiblingState.DONE, 0.7, 0.71),
                sib(1, SiblingState.DONE, 0.7, 0.8))));
        assertThat(vm.activeProperty().get()).isFalse();
        assertThat(vm.rows()).isEmpty();
        assertThat(monitor.siblingLines()).isEmpty();
        assertThat(monitor.lines()).noneMatch(l -> l.role() == MonitorViewModel.Role.SIBLING);
    }

    @Test
    void discardSendsCancel() {
        vm.discard();
        assertThat(sent).containsExactly(new Command.CancelSiblings());
    }

    static Report.EpochReport epoch(int e, double devAcc) {
        return new Report.EpochReport(e, 6L * (e + 1), 0, 1 - devAcc, devAcc, 1 - devAcc, devAcc, 1 - devAcc, devAcc,
                0.1, List.of());
    }
}
