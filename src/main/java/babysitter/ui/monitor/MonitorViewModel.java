package babysitter.ui.monitor;

import babysitter.i18n.Texts;
import babysitter.plot.MarkerKind;
import babysitter.plot.SeriesBuffer;
import babysitter.plot.StepEpochMap;
import babysitter.report.EventLabels;
import babysitter.session.reports.Report;
import babysitter.store.Event;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The data behind the three monitor charts (cost per step, cost per epoch, accuracy per epoch):
 * every branch's history ({@link BranchHistory}), the smoothed cost, the event markers, and the
 * overlays: "Try siblings" ({@link SiblingOverlay}) and recorded runs as references
 * ({@link ReferenceOverlay}). Toolkit free: the view draws what it holds and redraws when
 * {@link #revision()} changes.
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
                case STEP -> Texts.get("monitor.x.step");
                case EPOCH -> Texts.get("monitor.x.epoch");
                case TIME -> Texts.get("monitor.x.seconds");
            };
        }
    }

    /**
     * One drawn line: which chart it belongs to, what it shows and its data.
     *
     * @param branch  the live run's branch, −1 for an overlay
     * @param overlay for a {@link Role#SIBLING} the sibling's index, for a {@link Role#REFERENCE} its
     *                colour slot (from 0); −1 for the live run's lines
     */
    public record Line(Chart chart, String name, int branch, Role role, int overlay, SeriesBuffer data) {
        /** For a {@link Role#SIBLING} line: the sibling's index from 0, else −1. */
        public int sibling() {
            return role == Role.SIBLING ? overlay : -1;
        }
    }

    /** The monitor's charts. */
    public enum Chart { STEP_COST, EPOCH_COST, EPOCH_ACCURACY }

    /** What a line shows. */
    public enum Role {
        RAW("monitor.role.cost"), SMOOTHED("monitor.role.smoothed"), TRAIN("monitor.role.train"),
        DEV("monitor.role.dev"), DEV_BATCH_STATS("monitor.role.devBatchStats"), SIBLING("monitor.role.sibling"),
        REFERENCE("monitor.role.reference");

        private final String key;

        Role(String key) {
            this.key = key;
        }

        /** What the legend calls a line of the live run with this role: "train", "dev, batch statistics". */
        public String label() {
            return Texts.get(key);
        }

        /** Whether the line belongs to another run drawn over the live one (a sibling, a reference). */
        public boolean overlay() {
            return this == SIBLING || this == REFERENCE;
        }
    }

    /** A vertical marker: an event at a step. */
    public record Marker(long step, int epoch, double seconds, int branch, MarkerKind kind, String label) {
    }

    private final ObservableList<Line> lines = FXCollections.observableArrayList();
    private final ObservableList<Marker> markers = FXCollections.observableArrayList();
    private final DoubleProperty smoothing = new SimpleDoubleProperty(0.9);
    private final BooleanProperty logY = new SimpleBooleanProperty(false);
    private final ObjectProperty<XAxis> xAxis = new SimpleObjectProperty<>(XAxis.STEP);
    private final IntegerProperty stepsPerEpoch = new SimpleIntegerProperty(1);
    private final SimpleIntegerProperty branch = new SimpleIntegerProperty(0);
    private final SimpleLongProperty revision = new SimpleLongProperty();
    private long epochChartsRevision;
    private final List<BranchHistory> branches = new ArrayList<>();
    /** The recorded ends of epochs: markers and step points are placed on an epoch axis by them. */
    private final StepEpochMap epochEnds = new StepEpochMap();
    private final SiblingOverlay siblings = new SiblingOverlay(this);
    private final ReferenceOverlay references = new ReferenceOverlay(this);
    private long startNanos = -1;
    private long points;

    public MonitorViewModel() {
        smoothing.addListener((o, a, b) -> {
            branches.forEach(BranchHistory::resmooth);
            references.refill();
            changed();
        });
        xAxis.addListener((o, a, b) -> {
            branches.forEach(BranchHistory::rebuildX);
            siblings.fill();
            references.refill();
            changed();
        });
        stepsPerEpoch.addListener((o, a, b) -> {
            if (xAxis.get() == XAxis.EPOCH) {
                branches.forEach(BranchHistory::rebuildX);
                changed();
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

    /** Recorded runs drawn beside the live one; they stay when the live run changes. */
    public ReferenceOverlay references() {
        return references;
    }

    /** Forgets the live run (a new run); the reference runs stay. */
    public void reset() {
        siblings.clear();
        lines.clear();
        markers.clear();
        branches.clear();
        epochEnds.clear();
        branch.set(0);
        startNanos = -1;
        points = 0;
        references.restore();
        changed();
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
        if (r instanceof Report.EventReport e) {
            MarkerKind kind = markerKind(e.event());
            if (kind == null) {
                return false;
            }
            markers.add(new Marker(e.step(), e.epoch(), seconds, e.branch(), kind, EventLabels.label(e)));
            if (e.event() instanceof Event.Rewind rewind) {
                branch(rewind.branch());
            }
            return true;
        }
        return false;
    }

    /**
     * The marker an event gets, or null for none: changes, rewinds, the rules' interventions, range
     * tests and checkpoints a person took (epoch checkpoints are in the strip; automatic ones sit
     * under a change's marker).
     */
    static MarkerKind markerKind(Event event) {
        if (event instanceof Event.CheckpointTaken c) {
            return c.source().equals(Event.CheckpointTaken.USER) ? MarkerKind.CHECKPOINT : null;
        }
        return event instanceof Event.HyperparametersChanged ? MarkerKind.HYPERPARAMETERS
                : event instanceof Event.Rewind ? MarkerKind.REWIND
                : event instanceof Event.GuardTripped ? MarkerKind.GUARD
                : event instanceof Event.EarlyStop ? MarkerKind.EARLY_STOP
                : event instanceof Event.RangeTest ? MarkerKind.RANGE_TEST
                : null;
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

    double epochOf(int branch, long step) {
        return epochEnds.epochAt(branch, step, stepsPerEpoch.get());
    }

    /**
     * The name of a line in the hover box and the SVG: an overlay's full name, else what it shows,
     * with its branch once the run has more than one ("train (branch 2)").
     */
    public String displayName(Line line) {
        if (line.role().overlay()) {
            return line.name();
        }
        return branches.size() > 1 ? Texts.get("monitor.branch", line.role().label(), line.branch()) : line.role().label();
    }

    /** The epochs the epoch charts show while siblings are overlaid, or null for all ({@link SiblingOverlay#window()}). */
    public double[] siblingWindow() {
        return siblings.window();
    }

    /** The columns of {@link #writeCsv}: a step's cost, then the metrics of the epoch that ended at that step. */
    public static final String CSV_HEADER = HistoryCsv.HEADER;

    /**
     * Writes the live run's history as CSV ({@link #CSV_HEADER}): a row per logged step by branch and
     * step, with the metrics of the epoch that ended there; values not measured are empty.
     */
    public void writeCsv(Path file) throws IOException {
        HistoryCsv.write(file, branches, smoothing.get());
    }

    /** Tells the view that something it draws changed (on both kinds of chart). */
    void changed() {
        epochChartsRevision++;
        revision.set(revision.get() + 1);
    }

    private BranchHistory branch(int id) {
        BranchHistory known = branchIfKnown(id);
        if (known != null) {
            return known;
        }
        BranchHistory b = new BranchHistory(id, this, lines);
        branches.add(b);
        if (id > branch.get()) {
            branch.set(id);
        }
        return b;
    }

    /** The branch {@code id}, or null when nothing of it arrived yet. */
    BranchHistory branchIfKnown(int id) {
        for (BranchHistory b : branches) {
            if (b.id == id) {
                return b;
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ sibling overlays

    /**
     * Overlays "Try siblings" on the epoch charts: per sibling a line of dev accuracy and one of dev
     * cost (training cost without a dev set), from the checkpoint's epoch on, named
     * "sib 1 α=… β1=…". An adopted or discarded report (or null) removes them. Not in TIME mode
     * (see {@link #siblingsNoteProperty()}).
     */
    public void showSiblings(Report.SiblingsReport r) {
        siblings.show(r);
        changed();
    }

    /** The overlay lines of the siblings shown now. */
    public List<Line> siblingLines() {
        return siblings.lines();
    }

    /**
     * What the epoch charts say instead of the sibling overlays, or "": the siblings have no
     * seconds comparable with the run's (they share the cores, so N siblings each run slower than
     * the run alone would), so in TIME mode they are not drawn and this note says where they are.
     */
    public ReadOnlyStringProperty siblingsNoteProperty() {
        return siblings.noteProperty();
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
}
