package babysitter.engine.optim;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Level-1 BLAS on flat vectors: one native call each, no temporaries. */
final class Blas1 {
    private Blas1() {
    }

    /** y += a·x. */
    static void axpy(double a, INDArray x, INDArray y) {
        Nd4j.getBlasWrapper().level1().axpy(x.length(), a, x, y);
    }

    /** x *= a. */
    static void scal(double a, INDArray x) {
        Nd4j.getBlasWrapper().level1().scal(x.length(), a, x);
    }
}
