package babysitter.ui.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import babysitter.session.configuration.OptimizerBeta;
import babysitter.session.reports.Report;
import babysitter.ui.chart.ChartMarker;
import babysitter.ui.chart.LegendEntry;
import babysitter.ui.chart.LineChartCanvas;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The monitor's charts in a real stage: where markers go, what the legends and the hover box say. */
@ExtendWith(ApplicationExtension.class)
class MonitorViewTest {
    private MonitorViewModel vm;
    private MonitorView view;

    @Start
    void start(Stage stage) {
        vm = new MonitorViewModel();
        view = new MonitorView(vm);
        stage.setScene(new Scene(view, 1200, 800));
        stage.show();
    }

    private static Report.EpochReport epoch(int epoch, long step, int branch, double cost) {
        return new Report.EpochReport(epoch, step, branch, cost, 0.5, cost * 1.1, 0.45, cost * 1.2, 0.4, 0.1,
                List.of());
    }

    private <T> T fx(java.util.concurrent.Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    /** 8 epochs of 15 steps (batch 32), a change to batch 128 at step 120, 22 epochs of 4 steps. */
    private void batchChangeAtEpoch8() throws Exception {
        fx(() -> {
            vm.stepsPerEpochProperty().set(15);
            vm.xAxisProperty().set(MonitorViewModel.XAxis.EPOCH);
            List<Report> batch = new ArrayList<>();
            for (int e = 0; e < 8; e++) {
                batch.add(epoch(e, 15L * (e + 1), 0, 1.0 / (e + 1)));
            }
            batch.add(new Report.EventReport(new babysitter.store.Event.HyperparametersChanged(babysitter.engine.Hyperparameters.DEFAULTS, babysitter.engine.Hyperparameters.DEFAULTS.withLearningRate(0.01), "user", -1), 120, 8, 0));
            vm.accept(batch);
            vm.stepsPerEpochProperty().set(4);
            batch.clear();
            for (int e = 8; e < 30; e++) {
                batch.add(epoch(e, 120 + 4L * (e - 7), 0, 1.0 / (e + 1)));
            }
            vm.accept(batch);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * A live run sends the window a batch of step reports at every frame: the step chart is drawn
     * again, the epoch charts, whose lines did not change, are not (the software renderer repainted
     * them at every redraw of the step chart, a tenth of a core in the window).
     */
    @Test
    void stepReportsRedrawTheStepChartOnly() throws Exception {
        fx(() -> {
            vm.accept(List.of(new Report.StepReport(1, 0, 0, 1.0, 0.01, 0.9, 100), epoch(0, 1, 0, 1.0)));
            return null;
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(() -> view.charts().stream()
                .noneMatch(LineChartCanvas::isRedrawPending)));
        long stepDraws = fx(() -> view.stepChart().redrawCount());
        long costDraws = fx(() -> view.epochCostChart().redrawCount());
        long accuracyDraws = fx(() -> view.epochAccuracyChart().redrawCount());
        for (int step = 2; step <= 4; step++) {
            long s = step;
            fx(() -> {
                vm.accept(List.of(new Report.StepReport(s, 1, 0, 1.0 / s, 0.01, 0.9, 100)));
                return null;
            });
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(() -> !view.stepChart().isRedrawPending()));
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> view.stepChart().redrawCount())).isGreaterThan(stepDraws);
        assertThat(fx(() -> view.epochCostChart().redrawCount())).isEqualTo(costDraws);
        assertThat(fx(() -> view.epochAccuracyChart().redrawCount())).isEqualTo(accuracyDraws);
    }

    @Test
    void aBatchSizeChangeAtEpoch8IsMarkedAtEpoch8OnEveryChart() throws Exception {
        batchChangeAtEpoch8();
        for (LineChartCanvas chart : fx(view::charts)) {
            List<ChartMarker> markers = fx(chart::markers);
            assertThat(markers).as(chart.title()).hasSize(1);
            assertThat(markers.get(0).x()).as(chart.title()).isCloseTo(8.0, within(1e-9));
        }
        assertThat(vm.markerEpochX(vm.markers().get(0))).isCloseTo(8.0, within(1e-9));
    }

    @Test
    void afterARewindTheLegendsShowTheLiveLinesStyle() throws Exception {
        fx(() -> {
            vm.accept(List.of(new Report.StepReport(1, 0, 0, 1.0, 0.01, 0.9, 100), epoch(0, 10, 0, 1.0),
                    epoch(1, 20, 0, 0.8),
                    new Report.EventReport(new babysitter.store.Event.Rewind("epoch-0001", 20, 2, 0, 1, false), 10, 1, 1)));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        for (LineChartCanvas chart : fx(view::charts)) {
            List<LegendEntry> legend = fx(chart::legend);
            assertThat(legend).as(chart.title()).isNotEmpty();
            for (LegendEntry e : legend) {
                boolean dashedLive = e.name().equals("dev, batch statistics");
                assertThat(e.dashed()).as(chart.title() + ": " + e.name()).isEqualTo(dashedLive);
                assertThat(e.opacity()).as(chart.title() + ": " + e.name()).isGreaterThanOrEqualTo(0.25);
            }
            assertThat(legend).extracting(LegendEntry::name).doesNotHaveDuplicates();
        }
        assertThat(fx(() -> view.epochCostChart().legend()).stream().filter(e -> e.name().equals("train"))
                .findFirst().orElseThrow().opacity()).isEqualTo(1.0);
    }

    private Report.SiblingsReport siblings(int done) {
        List<Report.SiblingsReport.Sibling> list = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            List<Double> values = new ArrayList<>();
            for (int e = 0; e < done; e++) {
                values.add(0.5 - 0.01 * e - 0.02 * i);
            }
            list.add(new Report.SiblingsReport.Sibling(i, 0.01 * (i + 1), 0.9, i == 0,
                    Report.SiblingsReport.SiblingState.RUNNING, values, values, values, "t" + i));
        }
        return new Report.SiblingsReport("epoch-0300", 3000, 300, 0, 2, 3, Report.SiblingsReport.Phase.RUNNING, list,
                -1, OptimizerBeta.NONE);
    }

    @Test
    void siblingsOnALongRunAreShownZoomedAndNamedInTheHoverBox(FxRobot robot) throws Exception {
        fx(() -> {
            List<Report> batch = new ArrayList<>();
            for (int e = 0; e < 300; e++) {
                batch.add(epoch(e, 10L * (e + 1), 0, 1.0 / (e + 1)));
            }
            vm.accept(batch);
            vm.showSiblings(siblings(2));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        LineChartCanvas chart = view.epochCostChart();
        double[] x = fx(chart::xAxisRange);
        // the siblings' 2 epochs take a visible part of the axis, not 2/300 of it
        assertThat((2.0) / (x[1] - x[0])).isGreaterThan(0.2);
        assertThat(x[1]).isGreaterThanOrEqualTo(302);
        Point2D p = fx(() -> chart.localToScreen(chart.dataToLocal(301, 0.5)));
        robot.moveTo(p);
        WaitForAsyncUtils.waitForFxEvents();
        String hover = fx(() -> chart.hoverText().orElse(""));
        assertThat(hover).contains("sib 1 (control)").contains("sib 2").contains("sib 3").contains("train")
                .doesNotContainPattern("series \\d");
    }

    @Test
    void afterARewindEveryLineIsNamedInTheHoverBox(FxRobot robot) throws Exception {
        fx(() -> {
            vm.accept(List.of(epoch(0, 10, 0, 1.0), epoch(1, 20, 0, 0.8), epoch(2, 30, 0, 0.7),
                    new Report.EventReport(new babysitter.store.Event.Rewind("epoch-0001", 20, 2, 0, 1, false), 10, 1, 1),
                    epoch(1, 20, 1, 0.9), epoch(2, 30, 1, 0.85)));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        LineChartCanvas chart = view.epochCostChart();
        robot.moveTo(fx(() -> chart.localToScreen(chart.dataToLocal(2, 0.9))));
        WaitForAsyncUtils.waitForFxEvents();
        String hover = fx(() -> chart.hoverText().orElse(""));
        assertThat(hover).contains("train (branch 0)").contains("train (branch 1)").doesNotContainPattern("series \\d");
    }

    @Test
    void anSvgExportIsReadableByEveryoneAndUsesTheScreensColours(@TempDir Path tmp) throws Exception {
        batchChangeAtEpoch8();
        Path file = tmp.resolve("cost.svg");
        fx(() -> {
            ChartExport.writeSvg(view.epochCostChart(), file);
            return null;
        });
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r--r--");
        String svg = Files.readString(file);
        for (var s : fx(() -> view.epochCostChart().series())) {
            if (!s.data().isEmpty()) {
                assertThat(svg).contains("stroke=\"" + babysitter.ui.chart.FxColors.hex(s.color()) + "\"");
            }
        }
        assertThat(svg).contains("stroke=\"" + babysitter.plot.Palette.DEV + "\"")
                .contains("stroke=\"" + babysitter.plot.Palette.TRAIN + "\"");
    }

    @Test
    void referenceRunsAreFadedInTheLegendOfEveryChartAndTheirButtonTakesThemOff(FxRobot robot) throws Exception {
        ReferenceRun wide = new ReferenceRun("wide", Path.of("runs", "wide"), new long[] {5, 10, 15, 20},
                new double[] {1, 2, 3, 4}, new double[] {1.2, 1.0, 0.9, 0.8},
                List.of(new babysitter.store.EpochMetric(0, 10, 0, 1.0, 0.6, 1.1, 0.55, Double.NaN, Double.NaN, 1, 0, 1, 2),
                        new babysitter.store.EpochMetric(1, 20, 0, 0.8, 0.7, 0.9, 0.65, Double.NaN, Double.NaN, 1, 0, 1, 4)));
        fx(() -> {
            vm.accept(List.of(new Report.StepReport(1, 0, 0, 1.0, 0.01, 0.9, 100), epoch(0, 10, 0, 1.0)));
            vm.references().add(List.of(wide));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        for (LineChartCanvas chart : fx(view::charts)) {
            LegendEntry entry = fx(chart::legend).stream().filter(e -> e.name().startsWith("wide")).findFirst()
                    .orElseThrow(() -> new AssertionError(chart.title() + " has no legend entry for the reference"));
            assertThat(entry.opacity()).as(chart.title()).isEqualTo(babysitter.plot.Palette.REFERENCE_OPACITY);
            assertThat(entry.color()).as(chart.title()).isEqualTo(MonitorView.referenceColor(0));
            assertThat(fx(chart::series).stream().filter(c -> c.name().startsWith("wide")).findFirst().orElseThrow()
                    .data().size()).as(chart.title()).isGreaterThan(0);
        }
        assertThat(fx(() -> view.epochAccuracyChart().legend()).stream().map(LegendEntry::name))
                .contains("wide (reference, dev)", "train", "dev");
        robot.clickOn("#removeReference-0");
        WaitForAsyncUtils.waitForFxEvents();
        for (LineChartCanvas chart : fx(view::charts)) {
            assertThat(fx(chart::legend)).extracting(LegendEntry::name).noneMatch(n -> n.startsWith("wide"));
            assertThat(fx(chart::series)).noneMatch(c -> c.name().startsWith("wide"));
        }
        assertThat(robot.lookup("#referenceBar").query().isVisible()).isFalse();
    }
}
