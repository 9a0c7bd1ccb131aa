package babysitter;

import babysitter.engine.Activation;
import babysitter.engine.Hyperparameters;
import babysitter.engine.LayerSpec;
import babysitter.engine.Network;
import babysitter.engine.NetworkConfig;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The launcher. Without arguments it opens the window; with arguments it runs the command line
 * ({@code train}, {@code replay}, {@code eval}, {@code export}); {@code demo} runs the engine demo
 * (a batch-normalised network learns three Gaussian blobs in 2-D, one line per epoch). It does not
 * extend {@code Application}, so the JavaFX window starts from the class path without modules.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            babysitter.ui.BabysitterApp.launchWindow();
            return;
        }
        if (!args[0].equals("demo")) {
            int code = babysitter.cli.Cli.run(args, new java.io.PrintWriter(System.out, true),
                    new java.io.PrintWriter(System.err, true));
            System.exit(code);
        }
        args = java.util.Arrays.copyOfRange(args, 1, args.length);
        int epochs = 20;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--epochs") && i + 1 < args.length) {
                epochs = parsePositive(args[++i]);
            } else if (args[i].equals("--help") || args[i].equals("-h")) {
                System.out.println("usage: babysitter demo [--epochs N]   (engine demo: 3 Gaussian blobs, 2-16-16-3 with batch norm)\n       babysitter train|replay|eval|export ...   (see babysitter --help)");
                return;
            } else {
                System.err.println("babysitter: unknown argument '" + args[i] + "' (try --help)");
                System.exit(2);
            }
        }
        runDemo(epochs, System.out);
    }

    private static int parsePositive(String text) {
        try {
            int n = Integer.parseInt(text.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        System.err.println("babysitter: --epochs must be a whole number >= 1, got '" + text + "'");
        System.exit(2);
        return -1;
    }

    static void runDemo(int epochs, PrintStream out) {
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
        INDArray x = Nd4j.create(values, new long[] {n, 2}).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT);
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
    }
}
