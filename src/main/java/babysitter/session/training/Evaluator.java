package babysitter.session.training;

import babysitter.data.Dataset;
import babysitter.engine.HostIO;
import babysitter.engine.Network;
import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs a network over a whole data set in chunks of rows: cost, accuracy and the confusion matrix.
 * Apart from {@link Trainer} because the report, the {@code eval} command and the insights use it
 * on networks no trainer holds.
 */
public final class Evaluator {
    private Evaluator() {
    }

    /**
     * The confusion matrix of a network on a data set in inference mode, in chunks of at most
     * {@code chunk} rows: {@code counts[true class][predicted class]}.
     */
    public static long[][] confusion(Network net, Dataset d, int chunk) {
        if (chunk < 1) {
            throw new IllegalArgumentException("chunk must be >= 1, got " + chunk);
        }
        int c = net.config().classes();
        long[][] counts = new long[c][c];
        // the same pass and argmax as the accuracy of an inference-mode evaluation
        evaluate(net, d, Network.Mode.INFERENCE, chunk, counts);
        return counts;
    }

    /** Cost and accuracy of a network on a data set, in chunks of at most {@code chunk} rows. */
    public static Network.Evaluation evaluate(Network net, Dataset d, Network.Mode mode, int chunk) {
        return evaluate(net, d, mode, chunk, null);
    }

    /**
     * Cost and accuracy of a network on a data set, in chunks of at most {@code chunk} rows; with a
     * C × C {@code confusion}, also counts each row in {@code confusion[label][predicted]}.
     */
    public static Network.Evaluation evaluate(Network net, Dataset d, Network.Mode mode, int chunk,
                                              long[][] confusion) {
        int rows = d.rows();
        int cols = d.columns();
        double costSum = 0;
        long correct = 0;
        DataType dt = net.config().precision().dataType();
        boolean exact = dt == DataType.DOUBLE;
        float[] staging = exact ? null : new float[Math.min(rows, chunk) * cols];
        double[] wide = exact ? new double[Math.min(rows, chunk) * cols] : null;
        HostIO io = new HostIO();
        Map<Integer, INDArray> inputs = new HashMap<>();
        for (int from = 0; from < rows; from += chunk) {
            int to = Math.min(rows, from + chunk);
            int m = to - from;
            // one input array per chunk size, filled in place: no allocation per chunk
            INDArray x = inputs.computeIfAbsent(m, k -> Nd4j.create(dt, k, cols));
            if (exact) {
                // a float64 network sees the values as stored (as read, for float64 data)
                for (int i = 0; i < m; i++) {
                    d.copyRow(from + i, wide, i * cols);
                }
                io.write(wide, x);
            } else {
                for (int i = 0; i < m; i++) {
                    d.copyRow(from + i, staging, i * cols);
                }
                HostIO.writeFloats(staging, x);
            }
            int[] labels = new int[m];
            for (int i = 0; i < m; i++) {
                labels[i] = d.label(from + i);
            }
            Network.Evaluation e = net.evaluate(x, labels, mode, m, confusion);
            costSum += e.cost() * m;
            correct += Math.round(e.accuracy() * m);
        }
        return new Network.Evaluation(costSum / rows, (double) correct / rows, rows);
    }
}
