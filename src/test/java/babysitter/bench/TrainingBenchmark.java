package babysitter.bench;

import babysitter.data.BatchOrder;
import babysitter.data.Dataset;
import babysitter.data.MiniBatches;
import babysitter.data.SeededRandom;
import babysitter.engine.Activation;
import babysitter.engine.Hyperparameters;
import babysitter.engine.Lanes;
import babysitter.engine.LayerSpec;
import babysitter.engine.Nd4jSetup;
import babysitter.engine.Network;
import babysitter.engine.NetworkConfig;
import babysitter.engine.Precision;
import babysitter.engine.StepPhases;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Training throughput of the reference network 784-256-128-10 (batch norm on both hidden layers,
 * ReLU, Adam 1e-3, mini-batch 128, float32) on 60,000 × 784 inputs: Fashion-MNIST when Debian's
 * dataset-fashion-mnist is installed, else random data of that shape. Prints samples/second of
 * each epoch and the median of 3 epochs after a warm-up epoch, the bytes the training thread
 * allocates per step and the young collections per 1000 steps over the timed epochs, then the test
 * accuracy and the inference throughput on the 10,000 test images (chunks of 1,000 rows, as the
 * dev evaluation of an epoch runs; median of 7 passes after 10 untimed ones, which the JIT needs).
 *
 * <p>Arguments: epochs (3) and precision ({@code float32} or {@code float64}). With
 * {@code -Dbabysitter.phases=wall} (or {@code cpu}) it also prints where the time of a step went, by phase.
 * Run by {@code bench/run.sh} (see docs/PERFORMANCE.md).
 */
public final class TrainingBenchmark {
    static final Path FASHION = Path.of("/usr/share/datasets/fashion-mnist");

    public static void main(String[] args) throws IOException {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Precision precision = args.length > 1 && args[1].equals("float64") ? Precision.FLOAT64 : Precision.FLOAT32;
        Nd4jSetup.configure();
        float[][] train = load("train");
        float[][] test = load("t10k");
        int n = train[1].length;
        int[] y = toInts(train[1]);
        NetworkConfig config = NetworkConfig.of(784, List.of(new LayerSpec(256, Activation.RELU, true),
                new LayerSpec(128, Activation.RELU, true)), 10, 1).withPrecision(precision);
        Network net = new Network(config);
        Hyperparameters hp = Hyperparameters.DEFAULTS;
        int m = hp.batchSize();
        System.out.printf("blas threads %d, %s, OPENBLAS_CORETYPE=%s, data %s%n", Nd4jSetup.blasThreads(),
                precision.name().toLowerCase(), System.getenv("OPENBLAS_CORETYPE"),
                train.length > 2 ? "random" : "Fashion-MNIST");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long allocated = 0;
        long steps = 0;
        long gcCount = 0;
        long gcMillis = 0;
        long cpuNanos = 0;
        double[] rates = new double[epochs];
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        // The batches come as in a run: the program's own MiniBatches over a data set in the
        // network's precision (as RunConfig stores it), shuffled every epoch, copied into reused
        // native arrays (a float64 network fed float32 batches would time a conversion of every batch).
        DataType dt = precision.dataType();
        List<String> classes = java.util.stream.IntStream.range(0, 10).mapToObj(String::valueOf).toList();
        List<String> pixels = java.util.stream.IntStream.range(0, 784).mapToObj(i -> "p" + i).toList();
        Dataset data = dt == DataType.DOUBLE ? new Dataset("train", toDoubles(train[0]), n, 784, y, classes, pixels)
                : new Dataset("train", train[0], n, 784, y, classes, pixels);
        MiniBatches batches = new MiniBatches(data, m, BatchOrder.SHUFFLED, new SeededRandom(7), dt);
        batches.copyInParts(net.threads(), (parts, part) -> Lanes.shared().run(parts, part::accept));
        for (int e = -1; e < epochs; e++) {
            batches.startEpoch();
            long allocatedBefore = threads.getThreadAllocatedBytes(thread);
            long[] gcBefore = gc();
            long cpuBefore = os.getProcessCpuTime();
            if (e == 0) {
                StepPhases.reset();
            }
            long start = System.nanoTime();
            double cost = 0;
            while (batches.hasNext()) {
                MiniBatches.Batch b = batches.next();
                cost = net.trainStep(b.x(), b.labels(), hp, Math.max(e, 0));
            }
            double rate = n / ((System.nanoTime() - start) / 1e9);
            long[] gcAfter = gc();
            long epochAllocated = threads.getThreadAllocatedBytes(thread) - allocatedBefore;
            long epochSteps = (n + m - 1) / m;
            if (e >= 0) {
                cpuNanos += os.getProcessCpuTime() - cpuBefore;
                allocated += epochAllocated;
                steps += epochSteps;
                gcCount += gcAfter[0] - gcBefore[0];
                gcMillis += gcAfter[1] - gcBefore[1];
            }
            System.out.printf("epoch %s: %,.0f samples/s (last batch cost %.4f)%n", e < 0 ? "warm-up" : e + 1, rate, cost);
            if (e >= 0) {
                rates[e] = rate;
            }
        }
        double[] sorted = rates.clone();
        Arrays.sort(sorted);
        System.out.printf("babysitter: median %,.0f samples/s%n", sorted[sorted.length / 2]);
        // Samples per second of the whole process's CPU time: with one OpenBLAS thread, what the
        // engine needs of one core, and much less sensitive than elapsed time to other processes.
        System.out.printf("timed epochs: %,.0f samples per CPU second of the process%n",
                (double) n * epochs / (cpuNanos / 1e9));
        System.out.printf("timed epochs: %,d bytes allocated per step (training thread), %.2f collections"
                + " and %.1f ms of collection per 1000 steps%n", allocated / steps, 1000.0 * gcCount / steps,
                1000.0 * gcMillis / steps);
        if (StepPhases.enabled()) {
            printPhases(steps);
        }
        INDArray xt = Nd4j.create(test[0], new long[] {test[1].length, 784}, 'c').castTo(dt);
        int[] yt = toInts(test[1]);
        Network.Evaluation ev = net.evaluate(xt, yt, Network.Mode.INFERENCE, 1000);
        System.out.printf("test accuracy after %d epochs (inference mode): %.4f, cost %.4f%n", epochs + 1, ev.accuracy(), ev.cost());
        // The inference code (split by rows, through the tiles) does not run while training: the
        // JIT compiles it during the first passes, which took 10 passes to reach their steady
        // speed (42k, 156–292k, then 280–320k samples/s). An epoch's dev evaluation runs it
        // every epoch, so a run sees the steady speed from its first epochs on.
        for (int warmUp = 0; warmUp < 10; warmUp++) {
            net.evaluate(xt, yt, Network.Mode.INFERENCE, 1000);
        }
        StepPhases.reset();
        double[] inference = new double[7];
        for (int r = 0; r < inference.length; r++) {
            long start = System.nanoTime();
            net.evaluate(xt, yt, Network.Mode.INFERENCE, 1000);
            inference[r] = yt.length / ((System.nanoTime() - start) / 1e9);
        }
        Arrays.sort(inference);
        System.out.printf("babysitter inference: median %,.0f samples/s (7 passes over the test set after 10 untimed)%n",
                inference[inference.length / 2]);
        if (StepPhases.enabled()) {
            System.out.print("inference, per chunk of 1,000 rows: ");
            printPhases(7L * ((yt.length + 999) / 1000));
        }
    }

    private static void printPhases(long steps) {
        long total = 0;
        for (long nanos : StepPhases.totals().values()) {
            total += nanos;
        }
        System.out.printf("where a step's %s went (timed epochs, %.1f µs a step in all):%n",
                StepPhases.cpuTime() ? "CPU time (trainer thread)" : "time", total / 1e3 / steps);
        for (var entry : StepPhases.totals().entrySet()) {
            System.out.printf("  %-13s %8.1f µs  %5.1f %%%n", entry.getKey().name().toLowerCase(),
                    entry.getValue() / 1e3 / steps, 100.0 * entry.getValue() / total);
        }
    }

    /** {collections, milliseconds} summed over the young-generation collectors (all but old/full ones). */
    private static long[] gc() {
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            String name = bean.getName();
            if (name.contains("Old") || name.contains("MarkSweep") || name.contains("Concurrent")) {
                continue;
            }
            count += Math.max(0, bean.getCollectionCount());
            millis += Math.max(0, bean.getCollectionTime());
        }
        return new long[] {count, millis};
    }

    private static double[] toDoubles(float[] f) {
        double[] out = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            out[i] = f[i];
        }
        return out;
    }

    private static int[] toInts(float[] f) {
        int[] out = new int[f.length];
        for (int i = 0; i < f.length; i++) {
            out[i] = (int) f[i];
        }
        return out;
    }

    /** {images, labels}, or random data of the same shape (then a third marker entry). */
    private static float[][] load(String part) throws IOException {
        Path images = FASHION.resolve(part + "-images-idx3-ubyte.gz");
        Path labels = FASHION.resolve(part + "-labels-idx1-ubyte.gz");
        if (!Files.exists(images) || !Files.exists(labels)) {
            int n = part.equals("train") ? 60_000 : 10_000;
            SplittableRandom r = new SplittableRandom(part.hashCode());
            float[] x = new float[n * 784];
            float[] y = new float[n];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) r.nextDouble();
            }
            for (int i = 0; i < n; i++) {
                y[i] = r.nextInt(10);
            }
            return new float[][] {x, y, {}};
        }
        return new float[][] {readIdx(images, 2051, 255f), readIdx(labels, 2049, 1f)};
    }

    private static float[] readIdx(Path file, int magic, float scale) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16);
             DataInputStream data = new DataInputStream(in)) {
            int found = data.readInt();
            if (found != magic) {
                throw new IOException(file + ": magic number " + found + ", expected " + magic);
            }
            int count = data.readInt();
            int size = 1;
            for (int d = 1; d < (magic & 0xff); d++) {
                size *= data.readInt();
            }
            byte[] bytes = data.readNBytes(count * size);
            float[] out = new float[bytes.length];
            for (int i = 0; i < bytes.length; i++) {
                out[i] = (bytes[i] & 0xff) / scale;
            }
            return out;
        }
    }
}
