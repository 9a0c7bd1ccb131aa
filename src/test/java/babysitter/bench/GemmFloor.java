package babysitter.bench;

import java.util.Arrays;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The machine's matrix-product limit, for the training benchmark's ratios: OpenBLAS's sgemm
 * (ND4J's own build, as the engine calls it) on 2048 × 2048 matrices with 1 and 2 OpenBLAS
 * threads, in GFLOPS (median of 7), and from it the reference network's floor: an epoch of
 * Fashion-MNIST at 128 rows a batch is 84.5 GFLOP of products counting three products a layer
 * (forward, dW and dA; the engine skips layer 1's dA, 60.4 GFLOP), so floor samples/s =
 * 60,000 / (84.5e9 / GFLOPS). Then dgemm on the same matrices, for the float64 runs: how fast
 * double products are against float ones on this machine's kernel bounds the float64 / float32 ratio.
 */
public final class GemmFloor {
    private GemmFloor() {
    }

    public static void main(String[] args) {
        Nd4j.create(1); // loads ND4J's native libraries, OpenBLAS among them
        int n = 2048;
        FloatPointer a = new FloatPointer((long) n * n);
        FloatPointer b = new FloatPointer((long) n * n);
        FloatPointer c = new FloatPointer((long) n * n);
        for (long i = 0; i < (long) n * n; i++) {
            a.put(i, (float) Math.sin(i));
            b.put(i, (float) Math.cos(i));
        }
        double flop = 2.0 * n * n * n;
        double epochFlop = 469 * 3 * 2.0 * 128 * (784 * 256 + 256 * 128 + 128 * 10);
        double[] sgemm = new double[3];
        for (int threads = 1; threads <= 2; threads++) {
            Nd4j.factory().blas().setMaxThreads(threads);
            double median = median(() -> openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor,
                    openblas_nolapack.CblasNoTrans, openblas_nolapack.CblasNoTrans, n, n, n, 1f, a, n, b, n, 0f, c, n),
                    flop);
            System.out.printf("sgemm 2048³, %d OpenBLAS thread(s): %.1f GFLOPS (median of 7); reference network floor"
                    + " %,.0f samples/s (%.1f GFLOP an epoch)%n", threads, median, 60_000 / (epochFlop / (median * 1e9)),
                    epochFlop / 1e9);
            sgemm[threads] = median;
        }
        a.close();
        b.close();
        c.close();
        DoublePointer da = new DoublePointer((long) n * n);
        DoublePointer db = new DoublePointer((long) n * n);
        DoublePointer dc = new DoublePointer((long) n * n);
        for (long i = 0; i < (long) n * n; i++) {
            da.put(i, Math.sin(i));
            db.put(i, Math.cos(i));
        }
        for (int threads = 1; threads <= 2; threads++) {
            Nd4j.factory().blas().setMaxThreads(threads);
            double median = median(() -> openblas_nolapack.cblas_dgemm(openblas_nolapack.CblasRowMajor,
                    openblas_nolapack.CblasNoTrans, openblas_nolapack.CblasNoTrans, n, n, n, 1.0, da, n, db, n, 0.0, dc, n),
                    flop);
            System.out.printf("dgemm 2048³, %d OpenBLAS thread(s): %.1f GFLOPS (median of 7), %.2f of sgemm's%n",
                    threads, median, median / sgemm[threads]);
        }
    }

    /** GFLOPS of {@code product} ({@code flop} operations), the median of 7 runs after 2 warm-up runs. */
    private static double median(Runnable product, double flop) {
        double[] gflops = new double[7];
        for (int r = -2; r < gflops.length; r++) {
            long start = System.nanoTime();
            product.run();
            double seconds = (System.nanoTime() - start) / 1e9;
            if (r >= 0) {
                gflops[r] = flop / seconds / 1e9;
            }
        }
        Arrays.sort(gflops);
        return gflops[gflops.length / 2];
    }
}
