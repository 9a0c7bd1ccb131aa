package babysitter.cli;

import babysitter.engine.Activation;
import babysitter.engine.Hyperparameters;
import babysitter.engine.LayerSpec;
import babysitter.engine.Network;
import babysitter.engine.NetworkConfig;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code demo}: the engine alone, with no run folder: a batch-normalised network learns three Gaussian blobs. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Engine demo: 3 Gaussian blobs, 2-16-16-3 with batch norm; one line per epoch.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "20",
            description = "Epochs to train (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (epochs < 1) {
            throw new Cli.UsageException("--epochs must be at least 1, got " + epochs);
        }
        run(epochs, spec.commandLine().getOut());
        return 0;
    }

    static void run(int epochs, PrintWriter out) {
        int perClass = 200;
        double[][] centres = {{-2, 0}, {2, 0}, {0, 2.5}};
        int n = perClass * centres.length;
        SplittableRandom random = new SplittableRandom(1);
        double[] values = new double[n * 2];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int c = i % centres.length;
            labels[i] = c;
            values[2 * i] = centres[c][0] + random.nextGaussian();
            values[2 * i + 1] = centres[c][1] + random.nextGaussian();
        }
        INDArray x = Nd4j.create(values, new long[] {n, 2}).castTo(DataType.FLOAT);
        NetworkConfig config = NetworkConfig.of(2, List.of(new LayerSpec(16, Activation.RELU, true),
                new LayerSpec(16, Activation.RELU, true)), 3, 1);
        Network net = new Network(config);
        Hyperparameters hp = Hyperparameters.DEFAULTS.withLearningRate(0.01).withBatchSize(32);
        out.printf("Babysitter engine demo: %d points in 3 Gaussian blobs, network 2-16-16-3 (batch norm, ReLU), Adam α=%s%n",
                n, hp.learningRate());
        int[] order = new int[n];
        Arrays.setAll(order, i -> i);
        for (int e = 0; e < epochs; e++) {
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            long start = System.nanoTime();
            for (int from = 0; from < n; from += hp.batchSize()) {
                int to = Math.min(n, from + hp.batchSize());
                int[] idx = Arrays.copyOfRange(order, from, to);
                int[] yb = new int[idx.length];
                for (int i = 0; i < idx.length; i++) {
                    yb[i] = labels[idx[i]];
                }
                net.trainStep(Nd4j.pullRows(x, 1, idx), yb, hp, e);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Network.Evaluation ev = net.evaluate(x, labels, Network.Mode.INFERENCE, 1024);
            out.printf("epoch %3d  cost %.4f  accuracy %5.1f %%  %,.0f samples/s%n", e + 1, ev.cost(),
                    100 * ev.accuracy(), n / seconds);
        }
        INDArray first = x.get(NDArrayIndex.interval(0, 3), NDArrayIndex.all());
        out.println("probabilities of the first three points (classes 0, 1, 2):");
        out.println(net.predict(first, Network.Mode.INFERENCE));
        out.flush();
    }
}
