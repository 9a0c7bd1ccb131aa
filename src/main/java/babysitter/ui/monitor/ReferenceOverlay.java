package babysitter.ui.monitor;

import babysitter.i18n.Texts;
import babysitter.plot.MovingAverage;
import babysitter.plot.SeriesBuffer;
import babysitter.plot.StepEpochMap;
import babysitter.store.EpochMetric;
import babysitter.ui.monitor.MonitorViewModel.Chart;
import babysitter.ui.monitor.MonitorViewModel.Line;
import babysitter.ui.monitor.MonitorViewModel.Role;
import babysitter.ui.monitor.MonitorViewModel.XAxis;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Recorded runs drawn as references on the monitor's charts, beside the live run: per run its
 * smoothed step cost (at the monitor's smoothing) on the step chart, and its dev cost and dev
 * accuracy (train, for a run without a dev set) on the epoch charts. Each keeps its colour slot
 * until it is removed; they stay when the live run changes.
 */
public final class ReferenceOverlay {
    private final MonitorViewModel monitor;
    private final ObservableList<ReferenceRun> runs = FXCollections.observableArrayList();
    private final ObservableList<ReferenceRun> readOnly = FXCollections.unmodifiableObservableList(runs);
    /** Each shown run's colour slot and its three lines (step cost, epoch cost, epoch accuracy). */
    private final Map<ReferenceRun, Shown> shown = new LinkedHashMap<>();

    private record Shown(int slot, List<Line> lines) {
    }

    ReferenceOverlay(MonitorViewModel monitor) {
        this.monitor = monitor;
    }

    /** The runs shown, in the order they were added. */
    public ObservableList<ReferenceRun> runs() {
        return readOnly;
    }

    /** The colour slot of each run of {@link #runs()}, in that order. */
    public List<Integer> slots() {
        return runs.stream().map(r -> shown.get(r).slot()).toList();
    }

    /** Shows {@code added} too; a run already shown (the same folder) is replaced by its newer reading. */
    public void add(List<ReferenceRun> added) {
        for (ReferenceRun r : added) {
            runs.stream().filter(old -> old.dir().equals(r.dir())).findFirst().ifPresent(this::drop);
            BitSet used = new BitSet();
            shown.values().forEach(s -> used.set(s.slot()));
            int slot = used.nextClearBit(0);
            List<Line> lines = List.of(
                    new Line(Chart.STEP_COST, Texts.get("monitor.referenceName", r.name()), -1, Role.REFERENCE, slot,
                            new SeriesBuffer()),
                    new Line(Chart.EPOCH_COST, Texts.get("monitor.referenceNameOf", r.name(),
                            Texts.get(r.hasDev() ? "monitor.role.dev" : "monitor.role.train")), -1,
                            Role.REFERENCE, slot, new SeriesBuffer()),
                    new Line(Chart.EPOCH_ACCURACY, Texts.get("monitor.referenceNameOf", r.name(),
                            Texts.get(r.hasDev() ? "monitor.role.dev" : "monitor.role.train")), -1, Role.REFERENCE, slot, new SeriesBuffer()));
            shown.put(r, new Shown(slot, lines));
            runs.add(r);
            fill(r);
            monitor.lines().addAll(lines);
        }
        monitor.changed();
    }

    /** Takes {@code r} off the charts. */
    public void remove(ReferenceRun r) {
        drop(r);
        monitor.changed();
    }

    /** Takes every reference off the charts. */
    public void clear() {
        List.copyOf(runs).forEach(this::drop);
        monitor.changed();
    }

    private void drop(ReferenceRun r) {
        Shown s = shown.remove(r);
        if (s != null) {
            monitor.lines().removeAll(s.lines());
        }
        runs.remove(r);
    }

    /** The lines of the references, in the order of {@link #runs()}: step cost, epoch cost, epoch accuracy each. */
    List<Line> lines() {
        List<Line> all = new ArrayList<>();
        shown.values().forEach(s -> all.addAll(s.lines()));
        return all;
    }

    /** Puts the lines back after the live run's lines were cleared (a new run). */
    void restore() {
        monitor.lines().addAll(lines());
    }

    /** Places every point again (after the x mode or the smoothing changed). */
    void refill() {
        runs.forEach(this::fill);
    }

    private void fill(ReferenceRun r) {
        List<Line> lines = shown.get(r).lines();
        XAxis x = monitor.xAxisProperty().get();
        SeriesBuffer steps = lines.get(0).data();
        steps.clear();
        StepEpochMap ends = new StepEpochMap();
        r.epochs().forEach(e -> ends.add(0, e.step(), e.epoch() + 1));
        long[] step = r.steps();
        double[] seconds = r.stepSeconds();
        double[] smoothed = MovingAverage.of(r.stepCosts(), step.length, monitor.smoothingProperty().get());
        for (int i = 0; i < step.length; i++) {
            double px = switch (x) {
                case STEP -> step[i];
                case EPOCH -> ends.epochAt(0, step[i]);
                case TIME -> seconds[i];
            };
            addInOrder(steps, px, smoothed[i]);
        }
        SeriesBuffer cost = lines.get(1).data();
        SeriesBuffer accuracy = lines.get(2).data();
        cost.clear();
        accuracy.clear();
        boolean dev = r.hasDev();
        for (EpochMetric e : r.epochs()) {
            double px = x == XAxis.TIME ? e.elapsedSeconds() : e.epoch() + 1;
            addInOrder(cost, px, dev ? e.devCost() : e.trainCost());
            addInOrder(accuracy, px, dev ? e.devAccuracy() : e.trainAccuracy());
        }
    }

    /** Adds a point with a known x and a finite y that lies right of the last one (a chart's x never goes back). */
    private static void addInOrder(SeriesBuffer b, double x, double y) {
        if (!Double.isNaN(x) && Double.isFinite(y) && (b.isEmpty() || x > b.lastX())) {
            b.add(x, y);
        }
    }
}
