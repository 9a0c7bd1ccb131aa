package babysitter.ui.network;

import babysitter.i18n.Texts;
import babysitter.session.reports.Report;
import babysitter.session.training.LayerStats;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Per-layer statistics of one run over its epochs, fed {@link Report.EpochReport}s on the JavaFX
 * thread. Each layer keeps the last {@code capacity} epochs of every {@link Metric} in primitive
 * arrays that grow with the run and the last {@code ridges} histograms of z and z̃ (by default
 * enough for every epoch of any run a person babysits, so all of them stay reachable). A new branch, or an epoch that does not
 * follow the last one (a new run), starts over. Toolkit free: no nodes, only properties.
 */
public final class NetworkViewModel {

    /** How many epochs each layer keeps. */
    public static final int DEFAULT_CAPACITY = 100_000;
    /** How many epochs of histograms each layer keeps for the waterfall. */
    public static final int DEFAULT_RIDGES = 10_000;

    /** What is kept per layer and epoch. */
    public enum Metric {
        UPDATE_RATIO, GRAD_NORM, WEIGHT_NORM, GAMMA_MIN, GAMMA_MEAN, GAMMA_MAX, BETA_MIN, BETA_MEAN, BETA_MAX,
        DEAD_SHARE, SATURATED_SHARE,
        /** mean over units of |batch μ − running μ| (NaN without batch norm) */
        MEAN_DRIFT,
        /** mean over units of |batch σ² − running σ²| (NaN without batch norm) */
        VAR_DRIFT
    }

    /** One layer's history. */
    public static final class Layer {
        private final int layer;
        private final String name;
        private final int capacity;
        private final int ridges;
        private double[] epochs;
        private final double[][] values = new double[Metric.values().length][];
        private int size;
        private final Deque<LayerStats.Histogram> z = new ArrayDeque<>();
        private final Deque<LayerStats.Histogram> zTilde = new ArrayDeque<>();
        private boolean batchNorm;
        private double[] batchMean = new double[0];
        private double[] runningMean = new double[0];
        private double[] batchVar = new double[0];
        private double[] runningVar = new double[0];

        Layer(LayerStats first, int capacity, int ridges) {
            this.layer = first.layer();
            this.name = nameOf(first);
            this.capacity = capacity;
            this.ridges = ridges;
            int initial = Math.min(capacity, 64); // grows with the run, up to the capacity
            this.epochs = new double[initial];
            for (int m = 0; m < values.length; m++) {
                values[m] = new double[initial];
            }
        }

        void add(int epoch, LayerStats s) {
            if (size == epochs.length && size < capacity) {
                int grown = (int) Math.min(capacity, 2L * size);
                epochs = Arrays.copyOf(epochs, grown);
                for (int m = 0; m < values.length; m++) {
                    values[m] = Arrays.copyOf(values[m], grown);
                }
            }
            if (size == capacity) {
                System.arraycopy(epochs, 1, epochs, 0, capacity - 1);
                for (double[] v : values) {
                    System.arraycopy(v, 1, v, 0, capacity - 1);
                }
                size--;
            }
            epochs[size] = epoch;
            set(Metric.UPDATE_RATIO, s.updateRatio());
            set(Metric.GRAD_NORM, s.gradNorm());
            set(Metric.WEIGHT_NORM, s.weightNorm());
            set(Metric.GAMMA_MIN, s.gamma().min());
            set(Metric.GAMMA_MEAN, s.gamma().mean());
            set(Metric.GAMMA_MAX, s.gamma().max());
            set(Metric.BETA_MIN, s.beta().min());
            set(Metric.BETA_MEAN, s.beta().mean());
            set(Metric.BETA_MAX, s.beta().max());
            set(Metric.DEAD_SHARE, s.deadShare());
            set(Metric.SATURATED_SHARE, s.saturatedShare());
            set(Metric.MEAN_DRIFT, meanAbsDifference(s.batchMean(), s.runningMean()));
            set(Metric.VAR_DRIFT, meanAbsDifference(s.batchVar(), s.runningVar()));
            size++;
            push(z, s.z());
            push(zTilde, s.zTilde());
            batchNorm = s.batchNorm();
            // the record's accessors hand out copies already
            batchMean = s.batchMean();
            runningMean = s.runningMean();
            batchVar = s.batchVar();
            runningVar = s.runningVar();
        }

        private void set(Metric m, double v) {
            values[m.ordinal()][size] = v;
        }

        private void push(Deque<LayerStats.Histogram> d, LayerStats.Histogram h) {
            if (h == null) {
                return;
            }
            d.addLast(h);
            while (d.size() > ridges) {
                d.removeFirst();
            }
        }

        /** l, from 1. */
        public int layer() {
            return layer;
        }

        /** "layer 1 · 32 relu, BN", "output · 10 softmax". */
        public String name() {
            return name;
        }

        /** How many epochs are kept. */
        public int size() {
            return size;
        }

        /** The epoch numbers, oldest first. */
        public double[] epochs() {
            return Arrays.copyOf(epochs, size);
        }

        /** One metric per kept epoch, oldest first. */
        public double[] values(Metric m) {
            return Arrays.copyOf(values[m.ordinal()], size);
        }

        /** Whether the last report had batch norm for this layer. */
        public boolean batchNorm() {
            return batchNorm;
        }

        /** μ of the last batch, per unit (a copy; empty without batch norm). */
        public double[] lastBatchMean() {
            return batchMean.clone();
        }

        /** μ_run after the last batch, per unit (a copy; empty without batch norm). */
        public double[] lastRunningMean() {
            return runningMean.clone();
        }

        /** σ² of the last batch, per unit (a copy; empty without batch norm). */
        public double[] lastBatchVar() {
            return batchVar.clone();
        }

        /** σ²_run after the last batch, per unit (a copy; empty without batch norm). */
        public double[] lastRunningVar() {
            return runningVar.clone();
        }

        /** The last report's per-unit gaps between batch and running statistics. */
        public UnitGaps lastUnitGaps() {
            return unitGaps(batchMean, runningMean, batchVar, runningVar);
        }

        /** The histograms of z (before batch norm) of the last epochs, oldest first. */
        public List<LayerStats.Histogram> zHistory() {
            return List.copyOf(z);
        }

        /** The histograms of z̃ (after batch norm) of the last epochs, oldest first. */
        public List<LayerStats.Histogram> zTildeHistory() {
            return List.copyOf(zTilde);
        }
    }

    private final int capacity;
    private final int ridges;
    private final List<Layer> layers = new ArrayList<>();
    private final ObservableList<String> layerNames = FXCollections.observableArrayList();
    private final IntegerProperty selectedIndex = new SimpleIntegerProperty(-1);
    private final ReadOnlyLongWrapper updates = new ReadOnlyLongWrapper();
    private int branch = -1;
    private int lastEpoch = Integer.MIN_VALUE;
    private boolean changing;

    public NetworkViewModel() {
        this(DEFAULT_CAPACITY, DEFAULT_RIDGES);
    }

    public NetworkViewModel(int capacity, int ridges) {
        if (capacity < 1 || ridges < 1) {
            throw new IllegalArgumentException("network view: capacity and ridges must be at least 1, got "
                    + capacity + " and " + ridges);
        }
        this.capacity = capacity;
        this.ridges = ridges;
        selectedIndex.addListener((o, a, b) -> {
            if (!changing) {
                updates.set(updates.get() + 1);
            }
        });
    }

    /** Takes one epoch's statistics; reports without layer statistics (recorded runs) are ignored. */
    public void accept(Report.EpochReport e) {
        if (e.layers().isEmpty()) {
            return;
        }
        changing = true;
        try {
            take(e);
        } finally {
            changing = false;
        }
        updates.set(updates.get() + 1);
    }

    private void take(Report.EpochReport e) {
        if (e.branch() != branch || e.epoch() <= lastEpoch) {
            clear();
        }
        branch = e.branch();
        lastEpoch = e.epoch();
        for (LayerStats s : e.layers()) {
            Layer l = find(s.layer());
            if (l == null) {
                l = new Layer(s, capacity, ridges);
                int at = 0;
                while (at < layers.size() && layers.get(at).layer() < s.layer()) {
                    at++;
                }
                layers.add(at, l);
                layerNames.add(at, l.name());
                if (selectedIndex.get() >= at) {
                    selectedIndex.set(selectedIndex.get() + 1);
                }
            }
            l.add(e.epoch(), s);
        }
        if (selectedIndex.get() < 0) {
            selectedIndex.set(0);
        }
    }

    /** Forgets everything (a new run). */
    public void reset() {
        changing = true;
        try {
            clear();
        } finally {
            changing = false;
        }
        updates.set(updates.get() + 1);
    }

    private void clear() {
        layers.clear();
        selectedIndex.set(-1);
        layerNames.clear();
        branch = -1;
        lastEpoch = Integer.MIN_VALUE;
    }

    private Layer find(int layer) {
        for (Layer l : layers) {
            if (l.layer() == layer) {
                return l;
            }
        }
        return null;
    }

    /** The layers seen, by layer number. */
    public List<Layer> layers() {
        return Collections.unmodifiableList(layers);
    }

    /** Layer {@code l} (from 1), or null if not seen. */
    public Layer layer(int l) {
        return find(l);
    }

    /** The names of the layers, for a chooser; index i is {@code layers().get(i)}. */
    public ObservableList<String> layerNames() {
        return FXCollections.unmodifiableObservableList(layerNames);
    }

    /** The chosen layer's index in {@link #layers()} (-1: none). */
    public IntegerProperty selectedIndexProperty() {
        return selectedIndex;
    }

    /** The chosen layer, or null. */
    public Layer selected() {
        int i = selectedIndex.get();
        return i >= 0 && i < layers.size() ? layers.get(i) : null;
    }

    /** The chosen layer's last per-unit batch μ (a copy; empty when none or without batch norm). */
    public double[] selectedBatchMean() {
        Layer l = selected();
        return l == null ? new double[0] : l.lastBatchMean();
    }

    /** The chosen layer's last per-unit running μ (a copy; empty when none or without batch norm). */
    public double[] selectedRunningMean() {
        Layer l = selected();
        return l == null ? new double[0] : l.lastRunningMean();
    }

    /** The chosen layer's last per-unit batch σ² (a copy; empty when none or without batch norm). */
    public double[] selectedBatchVar() {
        Layer l = selected();
        return l == null ? new double[0] : l.lastBatchVar();
    }

    /** The chosen layer's last per-unit running σ² (a copy; empty when none or without batch norm). */
    public double[] selectedRunningVar() {
        Layer l = selected();
        return l == null ? new double[0] : l.lastRunningVar();
    }

    /** Whether the chosen layer is batch-normalised (false when none is chosen). */
    public boolean selectedHasBatchNorm() {
        Layer l = selected();
        return l != null && l.batchNorm();
    }

    /** Counts changes of the data or of the chosen layer (one per report); a view redraws when it moves. */
    public ReadOnlyLongProperty updatesProperty() {
        return updates.getReadOnlyProperty();
    }

    /** Added to σ²_run before the square root, as batch norm does, so that a dead unit does not divide by 0. */
    public static final double EPSILON = 1e-5;

    /**
     * Per-unit comparison of the last batch's statistics with the running ones.
     *
     * @param meanGap  (batch μ − running μ) / sqrt(running σ² + {@link #EPSILON}), per unit
     * @param varRatio batch σ² / running σ², per unit (NaN when both are 0, ±∞ when only running is 0)
     */
    public record UnitGaps(double[] meanGap, double[] varRatio) {
        public UnitGaps {
            meanGap = meanGap.clone();
            varRatio = varRatio.clone();
        }

        @Override
        public double[] meanGap() {
            return meanGap.clone();
        }

        @Override
        public double[] varRatio() {
            return varRatio.clone();
        }

        /** How many units. */
        public int units() {
            return meanGap.length;
        }
    }

    /**
     * The standardised μ gap and the σ² ratio of each unit. All four arrays must have the same
     * length (empty without batch norm: empty gaps).
     */
    public static UnitGaps unitGaps(double[] batchMean, double[] runningMean, double[] batchVar,
                                    double[] runningVar) {
        int n = batchMean.length;
        if (runningMean.length != n || batchVar.length != n || runningVar.length != n) {
            throw new IllegalArgumentException("network view: per-unit statistics of different lengths: "
                    + n + ", " + runningMean.length + ", " + batchVar.length + ", " + runningVar.length);
        }
        double[] gap = new double[n];
        double[] ratio = new double[n];
        for (int i = 0; i < n; i++) {
            gap[i] = (batchMean[i] - runningMean[i]) / Math.sqrt(runningVar[i] + EPSILON);
            ratio[i] = batchVar[i] / runningVar[i];
        }
        return new UnitGaps(gap, ratio);
    }

    /** The mean over units of |a − b|; NaN when empty or of different lengths. */
    static double meanAbsDifference(double[] a, double[] b) {
        if (a.length == 0 || a.length != b.length) {
            return Double.NaN;
        }
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += Math.abs(a[i] - b[i]);
        }
        return s / a.length;
    }

    /**
     * The layer's label from what the stats carry: "layer 2 · 128 relu, BN", "layer 3 · 64 tanh",
     * "output · 10 softmax".
     */
    static String nameOf(LayerStats s) {
        if (s.output()) {
            return Texts.get(s.batchNorm() ? "network.outputLabelBn" : "network.outputLabel", s.units(), s.activation());
        }
        return Texts.get(s.batchNorm() ? "network.layerLabelBn" : "network.layerLabel", s.layer(), s.units(),
                s.activation());
    }
}
