package babysitter.engine;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The reference network's products alone, whole and split into blocks on the engine threads
 * ({@link Gemm}, {@link Lanes}): microseconds per product (median of 200 after a warm-up), and
 * the hand-off of an empty piece of work. Run with -Dbabysitter.threads=2.
 */
public final class SplitBenchmark {
    private SplitBenchmark() {
    }

    public static void main(String[] args) {
        Nd4jSetup.configure();
        int[][] shapes = {{128, 784, 256, 0}, {128, 784, 256, 1}, {128, 256, 128, 0}, {128, 256, 128, 1}, {128, 256, 128, 2}};
        String[] kinds = {"z = a·W", "dW = aᵀ·dz", "da = dz·Wᵀ"};
        for (int[] s : shapes) {
            int m = s[0];
            int k = s[1];
            int n = s[2];
            INDArray a;
            INDArray b;
            INDArray c;
            boolean ta = false;
            boolean tb = false;
            switch (s[3]) {
                case 0 -> { a = Nd4j.rand(DataType.FLOAT, m, k); b = Nd4j.rand(DataType.FLOAT, k, n); c = Nd4j.create(DataType.FLOAT, m, n); }
                case 1 -> { a = Nd4j.rand(DataType.FLOAT, m, k); b = Nd4j.rand(DataType.FLOAT, m, n); c = Nd4j.create(DataType.FLOAT, k, n); ta = true; }
                default -> { a = Nd4j.rand(DataType.FLOAT, m, n); b = Nd4j.rand(DataType.FLOAT, k, n); c = Nd4j.create(DataType.FLOAT, m, k); tb = true; }
            }
            Gemm.Operand ao = new Gemm.Operand(a);
            Gemm.Operand bo = new Gemm.Operand(b);
            Gemm.Operand co = new Gemm.Operand(c);
            StringBuilder line = new StringBuilder(String.format("%-11s %dx%dx%d:", kinds[s[3]], m, k, n));
            for (int parts = 1; parts <= 2; parts++) {
                double[] micros = new double[200];
                for (int r = -50; r < micros.length; r++) {
                    long start = System.nanoTime();
                    Gemm.multiply(a, ao, ta, b, bo, tb, c, co, parts);
                    if (r >= 0) {
                        micros[r] = (System.nanoTime() - start) / 1e3;
                    }
                }
                Arrays.sort(micros);
                line.append(String.format("  %d part(s) %.0f µs", parts, micros[100]));
            }
            System.out.println(line);
        }
        double[] handOff = new double[2000];
        for (int r = -500; r < handOff.length; r++) {
            long start = System.nanoTime();
            Lanes.shared().run(2, part -> { });
            if (r >= 0) {
                handOff[r] = (System.nanoTime() - start) / 1e3;
            }
        }
        Arrays.sort(handOff);
        for (int threads = 1; threads <= 2; threads++) {
            EngineThreads.setForThisThread(threads);
            Network net = new Network(NetworkConfig.of(784, java.util.List.of(new LayerSpec(256, Activation.RELU, true),
                    new LayerSpec(128, Activation.RELU, true)), 10, 1));
            INDArray x = Nd4j.rand(DataType.FLOAT, 128, 784);
            int[] y = new int[128];
            Arrays.setAll(y, i -> i % 10);
            double[] t = new double[1000];
            StepPhases.reset();
            for (int r = -300; r < t.length; r++) {
                if (r == 0) {
                    StepPhases.reset();
                }
                long start = System.nanoTime();
                net.trainStep(x, y, Hyperparameters.DEFAULTS, 0);
                if (r >= 0) {
                    t[r] = (System.nanoTime() - start) / 1e3;
                }
            }
            Arrays.sort(t);
            System.out.printf("train step, same batch, %d thread(s): median %.0f µs  %s%n", threads, t[500],
                    StepPhases.enabled() ? StepPhases.totals().toString().replaceAll("=(\\d+)", "=$1") : "");
        }
        double[] big = new double[235_146];
        double[] big2 = new double[235_146];
        Arrays.fill(big, 0.5);
        for (int parts = 1; parts <= 2; parts++) {
            int p = parts;
            double[] t = new double[400];
            for (int r = -100; r < t.length; r++) {
                long start = System.nanoTime();
                Lanes.shared().run(p, part -> {
                    int from = big.length * part / p;
                    int to = big.length * (part + 1) / p;
                    for (int i = from; i < to; i++) {
                        big2[i] = big2[i] * 0.9 + Math.sqrt(big[i] + i);
                    }
                });
                if (r >= 0) {
                    t[r] = (System.nanoTime() - start) / 1e3;
                }
            }
            Arrays.sort(t);
            System.out.printf("a loop over 235,146 doubles in %d part(s): median %.0f µs%n", p, t[200]);
        }
        org.nd4j.linalg.api.ndarray.INDArray params = Nd4j.rand(DataType.FLOAT, 235_146);
        org.nd4j.linalg.api.ndarray.INDArray grads = Nd4j.rand(DataType.FLOAT, 235_146);
        babysitter.engine.optim.OptimizerState state = new babysitter.engine.optim.OptimizerState(
                babysitter.engine.optim.OptimizerKind.ADAM, 235_146, DataType.FLOAT);
        for (int parts = 1; parts <= 2; parts++) {
            double[] t = new double[400];
            for (int r = -100; r < t.length; r++) {
                long start = System.nanoTime();
                state.apply(params, grads, Hyperparameters.DEFAULTS, 1e-3, parts);
                if (r >= 0) {
                    t[r] = (System.nanoTime() - start) / 1e3;
                }
            }
            Arrays.sort(t);
            System.out.printf("Adam on 235,146 float parameters in %d part(s): median %.0f µs%n", parts, t[200]);
        }
        System.out.printf("hand-off of an empty piece of work to 2 threads: median %.2f µs, p90 %.2f µs%n", handOff[1000], handOff[1800]);
    }
}
