package babysitter.bench;

import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Inference's largest product two ways on 2 cores: an evaluation chunk's first layer (1,000 × 784 ·
 * 784 × 256, float32) as one sgemm on 2 OpenBLAS threads (they share one packed copy of W), against
 * two sgemm calls of 500 rows on 1 OpenBLAS thread each, side by side (each packs all of W; what the
 * engine does). Prints the median of 200 of each, in rounds that alternate. Not a test: run with
 * {@code java -cp target/test-classes:target/classes:<deps> babysitter.bench.SharedOrSplitProduct [rounds]}.
 */
public final class SharedOrSplitProduct {
    private static final int ROW_MAJOR = openblas_nolapack.CblasRowMajor;
    private static final int NO_TRANS = openblas_nolapack.CblasNoTrans;

    private SharedOrSplitProduct() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        Nd4j.create(1); // loads ND4J's native libraries, OpenBLAS among them
        int m = 1000;
        int k = 784;
        int n = 256;
        FloatPointer a = new FloatPointer((long) m * k);
        FloatPointer w = new FloatPointer((long) k * n);
        FloatPointer z = new FloatPointer((long) m * n);
        for (long i = 0; i < (long) m * k; i++) {
            a.put(i, (float) Math.sin(i));
        }
        for (long i = 0; i < (long) k * n; i++) {
            w.put(i, (float) Math.cos(i));
        }
        FloatPointer aLower = new FloatPointer(a).position((long) (m / 2) * k);
        FloatPointer zLower = new FloatPointer(z).position((long) (m / 2) * n);
        ExecutorService helper = Executors.newSingleThreadExecutor();
        long[] t = new long[200];
        try {
            for (int r = 1; r <= rounds; r++) {
                Nd4j.factory().blas().setMaxThreads(2);
                for (int i = -20; i < t.length; i++) {
                    long start = System.nanoTime();
                    openblas_nolapack.cblas_sgemm(ROW_MAJOR, NO_TRANS, NO_TRANS, m, n, k, 1f, a, k, w, n, 0f, z, n);
                    if (i >= 0) {
                        t[i] = System.nanoTime() - start;
                    }
                }
                long shared = median(t);
                Nd4j.factory().blas().setMaxThreads(1);
                for (int i = -20; i < t.length; i++) {
                    long start = System.nanoTime();
                    Future<?> lower = helper.submit(() -> openblas_nolapack.cblas_sgemm(ROW_MAJOR, NO_TRANS, NO_TRANS,
                            m / 2, n, k, 1f, aLower, k, w, n, 0f, zLower, n));
                    openblas_nolapack.cblas_sgemm(ROW_MAJOR, NO_TRANS, NO_TRANS, m / 2, n, k, 1f, a, k, w, n, 0f, z, n);
                    lower.get();
                    if (i >= 0) {
                        t[i] = System.nanoTime() - start;
                    }
                }
                long split = median(t);
                System.out.printf("round %d: one call on 2 OpenBLAS threads %,d µs; two calls of 500 rows %,d µs; split/shared %.2f%n",
                        r, shared / 1000, split / 1000, (double) split / shared);
            }
        } finally {
            helper.shutdown();
        }
    }

    private static long median(long[] t) {
        long[] s = t.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
