package babysitter.store;

import babysitter.engine.Activation;
import babysitter.engine.Hyperparameters;
import babysitter.engine.LayerSpec;
import babysitter.engine.Network;
import babysitter.engine.NetworkConfig;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** A small float32 network and seeded random batches for the store's tests. */
final class StoreTestNets {
    private StoreTestNets() {
    }

    static Network newNetwork() {
        return new Network(NetworkConfig.of(4, List.of(new LayerSpec(5, Activation.RELU, true)), 3, 1));
    }

    /** One training step on a random batch of 8 rows drawn from {@code seed}. */
    static void trainOneStep(Network net, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[8 * 4];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        int[] labels = new int[8];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = r.nextInt(3);
        }
        INDArray features = Nd4j.create(x, new long[] {8, 4}).castTo(DataType.FLOAT);
        net.trainStep(features, labels, Hyperparameters.DEFAULTS.withLearningRate(0.05), 0);
    }

    static Network trained(int steps, long seed) {
        Network net = newNetwork();
        for (int i = 0; i < steps; i++) {
            trainOneStep(net, seed + i);
        }
        return net;
    }

    /** The raw bits of a float32 array, in c order. */
    static int[] floatBits(INDArray a) {
        float[] f = a.dup('c').data().asFloat();
        int[] bits = new int[f.length];
        for (int i = 0; i < f.length; i++) {
            bits[i] = Float.floatToRawIntBits(f[i]);
        }
        return bits;
    }
}
