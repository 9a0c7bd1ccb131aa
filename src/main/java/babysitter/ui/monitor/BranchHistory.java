package babysitter.ui.monitor;

import babysitter.i18n.Texts;
import babysitter.plot.MovingAverage;
import babysitter.plot.SeriesBuffer;
import babysitter.ui.monitor.MonitorViewModel.Chart;
import babysitter.ui.monitor.MonitorViewModel.Line;
import babysitter.ui.monitor.MonitorViewModel.Role;
import babysitter.ui.monitor.MonitorViewModel.XAxis;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One branch of the live run: its step costs in primitive arrays (the master copy), its epochs, and
 * the chart lines derived from them in the monitor's current x mode and smoothing.
 */
final class BranchHistory {
    /** The columns of a row of {@link #epochs}. */
    static final int EPOCH = 0, SECONDS = 1, TRAIN_COST = 2, DEV_COST = 3, TRAIN_ACC = 4, DEV_ACC = 5,
            DEV_COST_BATCH = 6, DEV_ACC_BATCH = 7, END_STEP = 8;

    final int id;
    private final MonitorViewModel monitor;
    double[] step = new double[1024];
    double[] sec = new double[1024];
    double[] cost = new double[1024];
    int n;
    private MovingAverage average;
    private final SeriesBuffer raw = new SeriesBuffer();
    private final SeriesBuffer smooth = new SeriesBuffer();
    private final SeriesBuffer trainCost = new SeriesBuffer();
    private final SeriesBuffer devCost = new SeriesBuffer();
    private final SeriesBuffer trainAcc = new SeriesBuffer();
    private final SeriesBuffer devAcc = new SeriesBuffer();
    private final SeriesBuffer devCostBatch = new SeriesBuffer();
    private final SeriesBuffer devAccBatch = new SeriesBuffer();
    /** Per epoch, in the order recorded: the columns {@link #EPOCH} … {@link #END_STEP}. */
    final List<double[]> epochs = new ArrayList<>();

    /** A new branch whose eight lines are added to {@code lines}. */
    BranchHistory(int id, MonitorViewModel monitor, List<Line> lines) {
        this.id = id;
        this.monitor = monitor;
        this.average = new MovingAverage(monitor.smoothingProperty().get());
        lines.add(line(Chart.STEP_COST, Role.RAW, raw));
        lines.add(line(Chart.STEP_COST, Role.SMOOTHED, smooth));
        lines.add(line(Chart.EPOCH_COST, Role.TRAIN, trainCost));
        lines.add(line(Chart.EPOCH_COST, Role.DEV, devCost));
        lines.add(line(Chart.EPOCH_ACCURACY, Role.TRAIN, trainAcc));
        lines.add(line(Chart.EPOCH_ACCURACY, Role.DEV, devAcc));
        lines.add(line(Chart.EPOCH_COST, Role.DEV_BATCH_STATS, devCostBatch));
        lines.add(line(Chart.EPOCH_ACCURACY, Role.DEV_BATCH_STATS, devAccBatch));
    }

    private Line line(Chart chart, Role role, SeriesBuffer data) {
        return new Line(chart, id == 0 ? role.label() : Texts.get("monitor.branch", role.label(), id), id, role, -1, data);
    }

    void addStep(long s, double seconds, double c) {
        if (n == step.length) {
            step = Arrays.copyOf(step, n * 2);
            sec = Arrays.copyOf(sec, n * 2);
            cost = Arrays.copyOf(cost, n * 2);
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

    private double x(int i) {
        return switch (monitor.xAxisProperty().get()) {
            case STEP -> step[i];
            case EPOCH -> monitor.epochOf(id, (long) step[i]);
            case TIME -> sec[i];
        };
    }

    void addEpoch(int epoch, long endStep, double seconds, double trainC, double devC, double trainA, double devA,
                  double devCBatch, double devABatch) {
        epochs.add(new double[] {epoch, seconds, trainC, devC, trainA, devA, devCBatch, devABatch, endStep});
        double x = monitor.xAxisProperty().get() == XAxis.TIME ? seconds : epoch;
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

    private static void addIfFinite(SeriesBuffer b, double x, double y) {
        if (Double.isFinite(y)) {
            b.add(x, y);
        }
    }

    /** The smoothed cost of every step held, at the monitor's smoothing. */
    double[] smoothedValues() {
        return MovingAverage.of(cost, n, monitor.smoothingProperty().get());
    }

    /** The row of {@code epoch} (from 1), or null when not recorded on this branch. */
    double[] epoch(int epoch) {
        double[] found = null;
        for (double[] e : epochs) {
            if ((int) e[EPOCH] == epoch) {
                found = e;
            }
        }
        return found;
    }

    void resmooth() {
        smooth.clear();
        average = new MovingAverage(monitor.smoothingProperty().get());
        for (int i = 0; i < n; i++) {
            smooth.add(raw.x(i), average.add(cost[i]));
        }
    }

    /** Places every point again after the x mode (or the steps per epoch) changed. */
    void rebuildX() {
        raw.clear();
        for (int i = 0; i < n; i++) {
            raw.add(raw.isEmpty() ? x(i) : Math.max(raw.lastX(), x(i)), cost[i]);
        }
        resmooth();
        for (SeriesBuffer b : List.of(trainCost, devCost, trainAcc, devAcc, devCostBatch, devAccBatch)) {
            b.clear();
        }
        List<double[]> all = new ArrayList<>(epochs);
        epochs.clear();
        for (double[] e : all) {
            addEpoch((int) e[EPOCH], (long) e[END_STEP], e[SECONDS], e[TRAIN_COST], e[DEV_COST], e[TRAIN_ACC],
                    e[DEV_ACC], e[DEV_COST_BATCH], e[DEV_ACC_BATCH]);
        }
    }
}
