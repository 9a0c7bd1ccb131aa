package babysitter.ui.monitor;

import babysitter.report.ExportFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The live run's history as CSV, readable by everyone (File ▸ Export ▸ CSV). */
final class HistoryCsv {
    /** The columns: a step's cost, then the metrics of the epoch that ended at that step. */
    static final String HEADER = "branch,step,seconds,cost,smoothed_cost,smoothing,epoch,train_cost,dev_cost,"
            + "train_accuracy,dev_accuracy,dev_cost_batch_statistics,dev_accuracy_batch_statistics";

    private HistoryCsv() {
    }

    /**
     * A row per logged step (raw and smoothed cost) by branch and step; the row of the step that
     * ended an epoch also holds that epoch's train and dev metrics (an epoch whose last step was not
     * logged gets a row of its own with the step columns empty). Values not measured are empty.
     */
    static void write(Path file, List<BranchHistory> branches, double smoothing) throws IOException {
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        for (BranchHistory br : branches) {
            double[] smooth = br.smoothedValues();
            int e = 0;
            for (int i = 0; i <= br.n; i++) {
                long step = i < br.n ? (long) br.step[i] : Long.MAX_VALUE;
                while (e < br.epochs.size() && (long) br.epochs.get(e)[BranchHistory.END_STEP] < step) {
                    double[] m = br.epochs.get(e++);
                    b.append(br.id).append(',').append((long) m[BranchHistory.END_STEP]).append(",,,,");
                    epochColumns(b, m);
                    b.append('\n');
                }
                if (i == br.n) {
                    break;
                }
                b.append(String.format(Locale.ROOT, "%d,%d,%.3f,%s,%s,%s", br.id, step, br.sec[i], br.cost[i], smooth[i],
                        smoothing));
                if (e < br.epochs.size() && (long) br.epochs.get(e)[BranchHistory.END_STEP] == step) {
                    epochColumns(b, br.epochs.get(e++));
                } else {
                    b.append(",,,,,,,");
                }
                b.append('\n');
            }
        }
        ExportFile.write(file, b.toString());
    }

    private static void epochColumns(StringBuilder b, double[] m) {
        b.append(',').append((int) m[BranchHistory.EPOCH]);
        for (int k = BranchHistory.TRAIN_COST; k <= BranchHistory.DEV_ACC_BATCH; k++) {
            b.append(',').append(Double.isFinite(m[k]) ? Double.toString(m[k]) : "");
        }
    }
}
