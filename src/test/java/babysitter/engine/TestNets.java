package babysitter.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Small networks and data sets made from a seed, for the engine's tests. */
final class TestNets {
    private TestNets() {
    }

    /** A labelled batch. */
    record Batch(INDArray x, int[] labels) {
    }

    static NetworkConfig config(int inputs, int classes, Precision p, long seed, LayerSpec... hidden) {
        return new NetworkConfig(inputs, List.of(hidden), classes, p, NetworkConfig.DEFAULT_BN_EPSILON,
                NetworkConfig.DEFAULT_BN_MOMENTUM, seed);
    }

    /** Standard-normal inputs and uniform labels. */
    static Batch randomBatch(int rows, int cols, int classes, DataType dt, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] values = new double[rows * cols];
        for (int i = 0; i < values.length; i++) {
            values[i] = r.nextGaussian();
        }
        int[] labels = new int[rows];
        for (int i = 0; i < rows; i++) {
            labels[i] = r.nextInt(classes);
        }
        return new Batch(Nd4j.create(values, new long[] {rows, cols}, dt), labels);
    }

    /** {@code perClass} points around each of the given 2-D centres with standard deviation sd. */
    static Batch blobs(double[][] centres, int perClass, double sd, DataType dt, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = centres.length * perClass;
        double[] values = new double[n * 2];
        int[] labels = new int[n];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        java.util.Collections.shuffle(order, new java.util.Random(seed));
        for (int k = 0; k < n; k++) {
            int i = order.get(k);
            int c = i / perClass;
            values[2 * k] = centres[c][0] + sd * r.nextGaussian();
            values[2 * k + 1] = centres[c][1] + sd * r.nextGaussian();
            labels[k] = c;
        }
        return new Batch(Nd4j.create(values, new long[] {n, 2}, dt), labels);
    }

    /** Replaces γ and β by random values so that their gradients are not special. */
    static void randomiseBatchNorm(Network net, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        for (int l = 1; l < net.depth(); l++) {
            if (net.gamma(l) != null) {
                for (long i = 0; i < net.gamma(l).length(); i++) {
                    net.gamma(l).putScalar(i, 0.5 + r.nextDouble());
                    net.beta(l).putScalar(i, r.nextGaussian() * 0.5);
                }
            } else {
                for (long i = 0; i < net.bias(l).length(); i++) {
                    net.bias(l).putScalar(i, r.nextGaussian() * 0.1);
                }
            }
        }
    }

    static INDArray rows(Batch b, int from, int to) {
        return b.x().get(org.nd4j.linalg.indexing.NDArrayIndex.interval(from, to),
                org.nd4j.linalg.indexing.NDArrayIndex.all()).dup();
    }
}
