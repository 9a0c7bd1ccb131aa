package babysitter.session.insights;

import babysitter.data.Dataset;
import babysitter.data.Standardizer;
import babysitter.engine.Network;
import babysitter.session.reports.Report;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The sample browser's rows: the first rows of a data set with their class probabilities (one predict). */
final class Samples {
    /** Rows a {@link Report.SamplesReport} holds at most. */
    static final int MAX_ROWS = 32;

    private Samples() {
    }

    /**
     * The first up to {@code maxRows} rows of {@code d} with the network's inference-mode
     * probabilities, or null when {@code d} has no rows. The network sees the rows as they are; the
     * report holds them as loaded, {@code standardizer} undone (null: the data were not standardised).
     */
    static Report.SamplesReport compute(Network net, Dataset d, Standardizer standardizer,
                                        List<String> classNames, int maxRows, int epoch, int branch) {
        int m = Math.min(maxRows, d.rows());
        if (m == 0) {
            return null;
        }
        int cols = d.columns();
        float[] values = new float[m * cols];
        int[] labels = new int[m];
        for (int i = 0; i < m; i++) {
            d.copyRow(i, values, i * cols);
            labels[i] = d.label(i);
        }
        INDArray x;
        if (net.config().precision().dataType() == DataType.DOUBLE) {
            double[] exact = new double[m * cols];
            for (int i = 0; i < m; i++) {
                d.copyRow(i, exact, i * cols);
            }
            x = Nd4j.create(exact, new long[] {m, cols}, DataType.DOUBLE);
        } else {
            x = Nd4j.create(values.clone(), new long[] {m, cols}, 'c');
        }
        INDArray probs = net.predict(x, Network.Mode.INFERENCE).castTo(DataType.FLOAT);
        int c = (int) probs.columns();
        float[] p = probs.dup('c').data().asFloat();
        List<String> names = classNames;
        if (names.size() != c) {
            names = new ArrayList<>();
            for (int k = 0; k < c; k++) {
                names.add(Integer.toString(k));
            }
        }
        return new Report.SamplesReport(epoch, branch, names, cols, Report.SamplesReport.imageSideFor(cols),
                asLoaded(values, cols, standardizer), labels, p);
    }

    /** The rows with the standardisation undone: x · σ + μ per feature. */
    private static float[] asLoaded(float[] values, int cols, Standardizer standardizer) {
        if (standardizer == null) {
            return values;
        }
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            int j = i % cols;
            out[i] = (float) (values[i] * standardizer.std()[j] + standardizer.mean()[j]);
        }
        return out;
    }
}
