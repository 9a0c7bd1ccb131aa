package babysitter.engine;

import org.nd4j.linalg.factory.Nd4j;

/**
 * Thread settings of ND4J, made once per process before the first network is built.
 *
 * <p>ND4J's own element-wise and reduction kernels run on one thread: on these small arrays
 * (a mini-batch of a few hundred rows) OpenMP's hand-off costs more than it gains, it competes with
 * OpenBLAS for the cores, and one thread makes every reduction sum in the same order, which makes
 * the cost sequence of a seeded run bit-identical on the same machine. Matrix products run on
 * OpenBLAS with {@value #DEFAULT_BLAS_THREADS} thread(s) unless the system property
 * {@code babysitter.blasThreads} says otherwise; OpenBLAS splits a product into blocks whose sums
 * do not depend on timing, so a fixed thread count is reproducible as well.
 */
public final class Nd4jSetup {
    public static final int DEFAULT_BLAS_THREADS = 1;
    private static volatile boolean done;

    private Nd4jSetup() {
    }

    /** Applies the settings (idempotent). */
    public static synchronized void configure() {
        if (done) {
            return;
        }
        Nd4j.getEnvironment().setMaxThreads(1);
        Nd4j.getEnvironment().setMaxMasterThreads(1);
        Nd4j.factory().blas().setMaxThreads(blasThreads());
        done = true;
    }

    /** The OpenBLAS thread count in use. */
    public static int blasThreads() {
        String value = System.getProperty("babysitter.blasThreads");
        if (value == null || value.isBlank()) {
            return DEFAULT_BLAS_THREADS;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("babysitter.blasThreads must be a whole number >= 1, got '" + value + "'");
    }
}
