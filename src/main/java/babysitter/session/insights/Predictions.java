package babysitter.session.insights;

import babysitter.data.Dataset;
import babysitter.engine.Network;
import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Class probabilities of a network for every row of a data set. */
public final class Predictions {
    private Predictions() {
    }

    /**
     * The probabilities ŷ of every row of {@code d} in {@code mode}, as a rows × C array in the
     * network's precision, computed in chunks of at most {@code chunk} rows. A float64 network is
     * given the features exactly as stored.
     */
    public static INDArray of(Network net, Dataset d, Network.Mode mode, int chunk) {
        Objects.requireNonNull(net, "net");
        Objects.requireNonNull(d, "data");
        if (chunk < 1) {
            throw new IllegalArgumentException("chunk must be at least 1, got " + chunk);
        }
        DataType dt = net.config().precision().dataType();
        int rows = d.rows();
        int cols = d.columns();
        INDArray out = Nd4j.create(dt, rows, net.config().classes());
        for (int from = 0; from < rows; from += chunk) {
            int m = Math.min(chunk, rows - from);
            INDArray x;
            if (dt == DataType.DOUBLE) {
                double[] v = new double[m * cols];
                for (int i = 0; i < m; i++) {
                    d.copyRow(from + i, v, i * cols);
                }
                x = Nd4j.create(v, new long[] {m, cols}, DataType.DOUBLE);
            } else {
                float[] v = new float[m * cols];
                for (int i = 0; i < m; i++) {
                    d.copyRow(from + i, v, i * cols);
                }
                x = Nd4j.create(v, new long[] {m, cols}, 'c');
            }
            out.get(NDArrayIndex.interval(from, from + m),
                    NDArrayIndex.all()).assign(net.predict(x, mode));
        }
        return out;
    }
}
