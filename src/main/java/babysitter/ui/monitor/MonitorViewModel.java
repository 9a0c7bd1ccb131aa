package babysitter.ui.monitor;

import babysitter.session.Report;
import babysitter.plot.MovingAverage;
import babysitter.plot.SeriesBuffer;
import babysitter.plot.StepEpochMap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The data behind the three monitor charts (cost per step, cost per epoch, accuracy per epoch):
 * every branch's history in primitive arrays, the smoothed cost, and the event markers. Toolkit
 * free: the view draws what it holds and redraws when {@link #revision()} changes.
 *
 * <p>Smoothing is a debiased exponential moving average, computed forwards only: a smoothed point
 * depends on the points before it, so new points never change the past.
 */
public final class MonitorViewModel {

    /** What the x axis of the step chart (and the markers) measures. */
    public enum XAxis {
        STEP, EPOCH, TIME;

        /** What the x choice reads: "step", "epoch", "seconds". */
        public static String label(XAxis x) {
            return switch (x) {
                case STEP -> "step";
                case EPOCH -> "epoch";
                case TIME -> "seconds";
            };
        }
    }

    /** One drawn line: which chart it belongs to and its data. */
    public record Line(Chart chart, String name, int branch, Role role, SeriesBuffer data) {
        /** For a {@link Role#SIBLING} line (whose branch is −1 − index): the sibling's index from 0, else −1. */
        public int sibling() {
            return role == Role.SIBLING ? -1 - branch : -1;
        }
    }

    /** The monitor's charts. */
    public enum Chart { STEP_COST, EPOCH_COST, EPOCH_ACCURACY }

    /** What a line shows. */
    public enum Role { RAW, SMOOTHED, TRAIN, DEV, DEV_BATCH_STATS, SIBLING }

    /** A vertical marker: an event at a step. */
    public record Marker(long step, int epoch, double seconds, int branch, String kind, String label) {
    }

    /** Event kinds that become markers. */
    static final Set<String> MARKED = Set.of("hyperparameters", "rewind", "guard", "checkpoint", "early-stop",
            "lr-range-test");

    private final ObservableList<Line> lines = FXCollections.observableArrayList();
    private final ObservableList<Marker> markers = FXCollections.observableArrayList();
    private final DoubleProperty smoothing = new SimpleDoubleProperty(0.9);
    private final BooleanProperty logY = new SimpleBooleanProperty(false);
    private final ObjectProperty<XAxis> xAxis = new SimpleObjectProperty<>(XAxis.STEP);
    private final IntegerProperty stepsPerEpoch = new SimpleIntegerProperty(1);
    private final SimpleIntegerProperty branch = new SimpleIntegerProperty(0);
    private final SimpleLongProperty revision = new SimpleLongProperty();
    private long epochChartsRevision;
    private final List<Branch> branches = new ArrayList<>();
    /** The recorded ends of epochs: markers and step points are placed on an epoch axis by them. */
    private final StepEpochMap epochEnds = new StepEpochMap();
    private long startNanos = -1;
    private long points;

    public MonitorViewModel() {
        smoothing.addListener((o, a, b) -> {
            branches.forEach(Branch::resmooth);
            bump();
        });
        xAxis.addListener((o, a, b) -> {
            branches.forEach(Branch::rebuildX);
            fillSiblings();
            bump();
        });
        stepsPerEpoch.addListener((o, a, b) -> {
            if (xAxis.get() == XAxis.EPOCH) {
                branches.forEach(Branch::rebuildX);
                bump();
            }
        });
    }

    public ObservableList<Line> lines() {
        return lines;
    }

    public ObservableList<Marker> markers() {
        return markers;
    }

    /** Strength of the smoothing, the EMA weight of the old value in [0, 0.999]. */
    public DoubleProperty smoothingProperty() {
        return smoothing;
    }

    public BooleanProperty logYProperty() {
        return logY;
    }

    public ObjectProperty<XAxis> xAxisProperty() {
        return xAxis;
    }

    /** Mini-batches per epoch, for the epoch x axis. */
    public IntegerProperty stepsPerEpochProperty() {
        return stepsPerEpoch;
    }

    /** The branch the run is on now (older branches are drawn faded). */
    public ReadOnlyIntegerProperty branchProperty() {
        return branch;
    }

    /** Changes whenever something to draw changed. */
    public ReadOnlyLongProperty revision() {
        return revision;
    }

    /**
     * Changes whenever something the epoch charts draw changed: at every change of {@link #revision()}
     * except one that only added step points (those are drawn on the step chart alone).
     */
    public long epochChartsRevision() {
        return epochChartsRevision;
    }

    /** Step points held, over all branches. */
    public long points() {
        return points;
    }

    /** Forgets everything (a new run). */
    public void reset() {
        siblingLines.clear();
        siblingsShown = null;
        siblingsNote.set("");
        lines.clear();
        markers.clear();
        branches.clear();
        epochEnds.clear();
        branch.set(0);
        startNanos = -1;
        points = 0;
        bump();
    }

    /** Takes one frame's reports (on the JavaFX thread). */
    public void accept(List<Report> batch) {
        boolean changed = false;
        boolean stepsOnly = true;
        for (Report r : batch) {
            boolean c = accept(r, System.nanoTime());
            changed |= c;
            stepsOnly &= !c || r instanceof Report.StepReport;
        }
        if (changed) {
            if (!stepsOnly) {
                epochChartsRevision++;
            }
            revision.set(revision.get() + 1);
        }
    }

    boolean accept(Report r, long nanos) {
        if (startNanos < 0) {
            startNanos = nanos;
        }
        // the run's training seconds when it happened; the arrival time only for reports without them
        double seconds = elapsedSeconds(r);
        if (Double.isNaN(seconds)) {
            seconds = (nanos - startNanos) / 1e9;
        }
        if (r instanceof Report.StepReport s) {
            if (!Double.isFinite(s.cost())) {
                return false; // a chart never receives NaN: the guard reports it as an event
            }
            branch(s.branch()).addStep(s.step(), seconds, s.cost());
            points++;
            return true;
        }
        if (r instanceof Report.EpochReport e) {
            epochEnds.add(e.branch(), e.step(), e.epoch() + 1);
            branch(e.branch()).addEpoch(e.epoch() + 1, e.step(), seconds, e.trainCost(), e.devCost(), e.trainAccuracy(),
                    e.devAccuracy(), e.devCostTrainMode(), e.devAccuracyTrainMode());
            return true;
        }
        if (r instanceof Report.EventReport e && MARKED.contains(e.kind())) {
            if (e.event() instanceof babysitter.store.Event.CheckpointTaken c
                    && !c.source().equals(babysitter.store.Event.CheckpointTaken.USER)) {
                return false; // epoch checkpoints are in the strip; automatic ones sit under a change's marker
            }
            markers.add(new Marker(e.step(), e.epoch(), seconds, e.branch(), e.kind(), e.label()));
            if (e.event() instanceof babysitter.store.Event.Rewind rewind) {
                branch(rewind.branch());
            }
            return true;
        }
        return false;
    }

    /** The x of a marker on the step chart, in the current x mode. */
    public double markerX(Marker m) {
        return switch (xAxis.get()) {
            case STEP -> m.step();
            case EPOCH -> epochOf(m.branch(), m.step());
            case TIME -> m.seconds();
        };
    }

    private static double elapsedSeconds(Report r) {
        if (r instanceof Report.StepReport s) {
            return s.elapsedSeconds();
        }
        if (r instanceof Report.EpochReport e) {
            return e.elapsedSeconds();
        }
        return r instanceof Report.EventReport e ? e.elapsedSeconds() : Double.NaN;
    }

    /**
     * The x of a marker on the epoch charts (seconds in TIME mode, else its epoch by the recorded
     * ends of epochs: a step divided by today's steps per epoch is wrong once the batch size changed).
     */
    public double markerEpochX(Marker m) {
        return xAxis.get() == XAxis.TIME ? m.seconds() : epochOf(m.branch(), m.step());
    }

    private double epochOf(int branch, long step) {
        return epochEnds.epochAt(branch, step, stepsPerEpoch.get());
    }

    /**
     * The name of a line in the hover box and the SVG: the sibling's full name, else what it shows,
     * with its branch once the run has more than one ("train (branch 2)").
     */
    public String displayName(Line line) {
        if (line.role() == Role.SIBLING) {
            return line.name();
        }
        String role = roleName(line);
        return branches.size() > 1 ? role + " (branch " + line.branch() + ")" : role;
    }

    /** What a line shows, without its branch: "train", "dev, batch statistics". */
    public static String roleName(Line line) {
        return line.name().replaceAll(" \\(branch \\d+\\)$", "");
    }

    /**
     * The epochs the epoch charts show while siblings are overlaid, or null for all: the siblings'
     * epochs and as many before them (at least two), so that on a long run the siblings are not
     * a few pixels at the right edge.
     */
    public double[] siblingWindow() {
        Report.SiblingsReport r = siblingsShown;
        if (r == null || xAxis.get() == XAxis.TIME || r.epochs() < 1) {
            return null;
        }
        double context = Math.max(2, r.epochs());
        return new double[] {Math.max(0, r.fromEpoch() - context), r.fromEpoch() + r.epochs()};
    }

    /** The columns of {@link #writeCsv}: a step's cost, then the metrics of the epoch that ended at that step. */
    public static final String CSV_HEADER = "branch,step,seconds,cost,smoothed_cost,smoothing,epoch,train_cost,dev_cost,"
            + "train_accuracy,dev_accuracy,dev_cost_batch_statistics,dev_accuracy_batch_statistics";

    /**
     * Writes the history as CSV ({@link #CSV_HEADER}), readable by everyone: a row per logged step
     * (raw and smoothed cost) by branch and step; the row of the step that ended an epoch also holds
     * that epoch's train and dev metrics (an epoch whose last step was not logged gets a row of its
     * own with the step columns empty). Values not measured are empty.
     */
    public void writeCsv(Path file) throws IOException {
        StringBuilder b = new StringBuilder(CSV_HEADER).append('\n');
        for (Branch br : branches) {
            double[] smooth = br.smoothedValues();
            int e = 0;
            for (int i = 0; i <= br.n; i++) {
                long step = i < br.n ? (long) br.step[i] : Long.MAX_VALUE;
                while (e < br.epochs.size() && (long) br.epochs.get(e)[8] < step) {
                    double[] m = br.epochs.get(e++);
                    b.append(br.id).append(',').append((long) m[8]).append(",,,,");
                    epochColumns(b, m);
                    b.append('\n');
                }
                if (i == br.n) {
                    break;
                }
                b.append(String.format(Locale.ROOT, "%d,%d,%.3f,%s,%s,%s", br.id, step, br.sec[i], br.cost[i], smooth[i],
                        smoothing.get()));
                if (e < br.epochs.size() && (long) br.epochs.get(e)[8] == step) {
                    epochColumns(b, br.epochs.get(e++));
                } else {
                    b.append(",,,,,,,");
                }
                b.append('\n');
            }
        }
        babysitter.report.ExportFile.write(file, b.toString());
    }

    private static void epochColumns(StringBuilder b, double[] m) {
        b.append(',').append((int) m[0]);
        for (int k : new int[] {2, 3, 4, 5, 6, 7}) {
            b.append(',').append(Double.isFinite(m[k]) ? Double.toString(m[k]) : "");
        }
    }

    private void bump() {
        epochChartsRevision++;
        revision.set(revision.get() + 1);
    }

    private Branch branch(int id) {
        for (Branch b : branches) {
            if (b.id == id) {
                return b;
            }
        }
        Branch b = new Branch(id);
        branches.add(b);
        if (id > branch.get()) {
            branch.set(id);
        }
        return b;
    }

    // ------------------------------------------------------------------ sibling overlays

    /** The lines of the siblings shown, two per sibling (dev accuracy, dev cost), in sibling order. */
    private final List<Line> siblingLines = new ArrayList<>();
    private Report.SiblingsReport siblingsShown;
    private final ReadOnlyStringWrapper siblingsNote = new ReadOnlyStringWrapper("");

    /**
     * Overlays "Try siblings" on the epoch charts: per sibling a line of dev accuracy and one of dev
     * cost (training cost without a dev set), from the checkpoint's epoch on, named
     * "sib 1 α=… β1=…". An adopted or discarded report (or null) removes them. Not in TIME mode
     * (see {@link #siblingsNoteProperty()}).
     */
    public void showSiblings(Report.SiblingsReport r) {
        boolean over = r == null || r.phase() == Report.SiblingsReport.Phase.ADOPTED
                || r.phase() == Report.SiblingsReport.Phase.DISCARDED;
        if (over || siblingsShown == null || !siblingsShown.checkpoint().equals(r.checkpoint())
                || siblingsShown.siblings().size() != r.siblings().size()) {
            lines.removeAll(siblingLines);
            siblingLines.clear();
            siblingsShown = null;
            if (!over) {
                for (Report.SiblingsReport.Sibling s : r.siblings()) {
                    String name = siblingName(r, s);
                    siblingLines.add(new Line(Chart.EPOCH_ACCURACY, name, -1 - s.index(), Role.SIBLING,
                            new SeriesBuffer()));
                    siblingLines.add(new Line(Chart.EPOCH_COST, name, -1 - s.index(), Role.SIBLING,
                            new SeriesBuffer()));
                }
                lines.addAll(siblingLines);
            }
        }
        if (!over) {
            siblingsShown = r;
        }
        fillSiblings();
        bump();
    }

    /** The overlay lines of the siblings shown now. */
    public List<Line> siblingLines() {
        return List.copyOf(siblingLines);
    }

    /**
     * "sib 1 α=0.0032 β1=0.914", with the symbol of the β the siblings vary (β, β1 or β2; none with
     * SGD) and "(control)" for the sibling that kept α and β.
     */
    public static String siblingName(Report.SiblingsReport r, Report.SiblingsReport.Sibling s) {
        String b = r.varied() == babysitter.session.OptimizerBeta.NONE ? ""
                : " " + r.varied().symbol() + "=" + beta(s.beta());
        return String.format(Locale.ROOT, "sib %d%s α=%s%s", s.index() + 1, s.control() ? " (control)" : "",
                alpha(s.alpha()), b);
    }

    /**
     * What the epoch charts say instead of the sibling overlays, or "": the siblings have no
     * seconds comparable with the run's (they share the cores, so N siblings each run slower than
     * the run alone would), so in TIME mode they are not drawn and this note says where they are.
     */
    public ReadOnlyStringProperty siblingsNoteProperty() {
        return siblingsNote.getReadOnlyProperty();
    }

    /** The text of {@link #siblingsNoteProperty()} while siblings are shown in TIME mode. */
    public static final String SIBLINGS_TIME_NOTE = "sibling curves: switch x to EPOCH or STEP";

    private void updateSiblingsNote() {
        siblingsNote.set(siblingsShown != null && xAxis.get() == XAxis.TIME ? SIBLINGS_TIME_NOTE : "");
    }

    /** α with two significant digits and no trailing zeros: 0.01, 0.0032, 1.5e-05. */
    public static String alpha(double a) {
        return String.format(Locale.ROOT, "%.2g", a).replaceAll("\\.?0+(e|$)", "$1");
    }

    /** β with as many digits as its distance from 1 needs: 0.9, 0.99, 0.9993. */
    public static String beta(double b) {
        if (b >= 1 || b <= 0) {
            return b <= 0 ? "0" : "1";
        }
        int digits = Math.max(2, Math.min(6, (int) Math.ceil(-Math.log10(1 - b)) + 1));
        return String.format(Locale.ROOT, "%." + digits + "f", b).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    private void fillSiblings() {
        updateSiblingsNote();
        Report.SiblingsReport r = siblingsShown;
        if (r == null) {
            return;
        }
        double[] start = null;
        for (Branch b : branches) {
            if (b.id == r.fromBranch()) {
                for (double[] e : b.epochs) {
                    if ((int) e[0] == r.fromEpoch()) {
                        start = e;
                    }
                }
            }
        }
        boolean time = xAxis.get() == XAxis.TIME;
        for (int i = 0; i < r.siblings().size(); i++) {
            Report.SiblingsReport.Sibling s = r.siblings().get(i);
            SeriesBuffer acc = siblingLines.get(2 * i).data();
            SeriesBuffer cost = siblingLines.get(2 * i + 1).data();
            acc.clear();
            cost.clear();
            if (time) {
                continue; // siblings have no common clock with the run
            }
            boolean dev = !s.devCost().isEmpty() && Double.isFinite(s.devCost().get(0));
            if (start != null) {
                addFinite(acc, r.fromEpoch(), start[5]);
                addFinite(cost, r.fromEpoch(), dev ? start[3] : start[2]);
            }
            for (int e = 0; e < s.epochsDone(); e++) {
                double x = r.fromEpoch() + e + 1;
                addFinite(acc, x, s.devAccuracy().get(e));
                addFinite(cost, x, dev ? s.devCost().get(e) : s.trainCost().get(e));
            }
        }
    }

    private static void addFinite(SeriesBuffer b, double x, double y) {
        if (Double.isFinite(y) && (b.isEmpty() || x > b.lastX())) {
            b.add(x, y);
        }
    }

    /** One branch's history: master arrays and the chart buffers derived from them. */
    private final class Branch {
        final int id;
        double[] step = new double[1024];
        double[] sec = new double[1024];
        double[] cost = new double[1024];
        int n;
        MovingAverage average = new MovingAverage(smoothing.get());
        final SeriesBuffer raw = new SeriesBuffer();
        final SeriesBuffer smooth = new SeriesBuffer();
        final SeriesBuffer trainCost = new SeriesBuffer();
        final SeriesBuffer devCost = new SeriesBuffer();
        final SeriesBuffer trainAcc = new SeriesBuffer();
        final SeriesBuffer devAcc = new SeriesBuffer();
        final SeriesBuffer devCostBatch = new SeriesBuffer();
        final SeriesBuffer devAccBatch = new SeriesBuffer();
        final List<double[]> epochs = new ArrayList<>();

        Branch(int id) {
            this.id = id;
            String suffix = id == 0 ? "" : " (branch " + id + ")";
            lines.add(new Line(Chart.STEP_COST, "cost" + suffix, id, Role.RAW, raw));
            lines.add(new Line(Chart.STEP_COST, "smoothed" + suffix, id, Role.SMOOTHED, smooth));
            lines.add(new Line(Chart.EPOCH_COST, "train" + suffix, id, Role.TRAIN, trainCost));
            lines.add(new Line(Chart.EPOCH_COST, "dev" + suffix, id, Role.DEV, devCost));
            lines.add(new Line(Chart.EPOCH_ACCURACY, "train" + suffix, id, Role.TRAIN, trainAcc));
            lines.add(new Line(Chart.EPOCH_ACCURACY, "dev" + suffix, id, Role.DEV, devAcc));
            lines.add(new Line(Chart.EPOCH_COST, "dev, batch statistics" + suffix, id, Role.DEV_BATCH_STATS,
                    devCostBatch));
            lines.add(new Line(Chart.EPOCH_ACCURACY, "dev, batch statistics" + suffix, id, Role.DEV_BATCH_STATS,
                    devAccBatch));
        }

        void addStep(long s, double seconds, double c) {
            if (n == step.length) {
                step = java.util.Arrays.copyOf(step, n * 2);
                sec = java.util.Arrays.copyOf(sec, n * 2);
                cost = java.util.Arrays.copyOf(cost, n * 2);
            }
            if (n > 0 && s <= step[n - 1]) {
                return; // a report already seen (a branch never goes back within itself)
            }
            step[n] = s;
            sec[n] = seconds;
            cost[n] = c;
            n++;
            // an epoch x extrapolated before a batch-size change may lie past the next one's: never go back
            double x = raw.isEmpty() ? x(n - 1) : Math.max(raw.lastX(), x(n - 1));
            raw.add(x, c);
            smooth.add(x, average.add(c));
        }

        double x(int i) {
            return switch (xAxis.get()) {
                case STEP -> step[i];
                case EPOCH -> epochOf(id, (long) step[i]);
                case TIME -> sec[i];
            };
        }

        void addEpoch(int epoch, long endStep, double seconds, double trainC, double devC, double trainA, double devA,
                      double devCBatch, double devABatch) {
            epochs.add(new double[] {epoch, seconds, trainC, devC, trainA, devA, devCBatch, devABatch, endStep});
            double x = xAxis.get() == XAxis.TIME ? seconds : epoch;
            if (trainCost.size() > 0 && x <= trainCost.x(trainCost.size() - 1)) {
                return;
            }
            addIfFinite(trainCost, x, trainC);
            addIfFinite(devCost, x, devC);
            addIfFinite(trainAcc, x, trainA);
            addIfFinite(devAcc, x, devA);
            addIfFinite(devCostBatch, x, devCBatch);
            addIfFinite(devAccBatch, x, devABatch);
        }

        private void addIfFinite(SeriesBuffer b, double x, double y) {
            if (Double.isFinite(y)) {
                b.add(x, y);
            }
        }

        double[] smoothedValues() {
            return MovingAverage.of(cost, n, smoothing.get());
        }

        void resmooth() {
            smooth.clear();
            average = new MovingAverage(smoothing.get());
            for (int i = 0; i < n; i++) {
                smooth.add(raw.x(i), average.add(cost[i]));
            }
        }

        void rebuildX() {
            raw.clear();
            for (int i = 0; i < n; i++) {
                raw.add(raw.isEmpty() ? x(i) : Math.max(raw.lastX(), x(i)), cost[i]);
            }
            resmooth();
            trainCost.clear();
            devCost.clear();
            trainAcc.clear();
            devAcc.clear();
            devCostBatch.clear();
            devAccBatch.clear();
            List<double[]> all = new ArrayList<>(epochs);
            epochs.clear();
            for (double[] e : all) {
                addEpoch((int) e[0], (long) e[8], e[1], e[2], e[3], e[4], e[5], e[6], e[7]);
            }
        }
    }
}
