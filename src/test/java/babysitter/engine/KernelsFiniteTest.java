package babysitter.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The finite check over a range: a NaN or infinity anywhere in it is found, nothing outside it counts. */
class KernelsFiniteTest {

    @Test
    void aNonFiniteValueAtAnyPlaceOfTheRangeIsFound() {
        double[] bad = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int from = 0; from < 4; from++) {
            for (int to = from; to <= 11; to++) {
                double[] z = new double[12];
                for (int k = 0; k < z.length; k++) {
                    z[k] = k % 2 == 0 ? -1e300 : 3.5;
                }
                assertThat(Kernels.allFinite(z, from, to)).as("finite [%d, %d)", from, to).isTrue();
                for (int k = from; k < to; k++) {
                    for (double b : bad) {
                        double keep = z[k];
                        z[k] = b;
                        assertThat(Kernels.allFinite(z, from, to)).as("%s at %d in [%d, %d)", b, k, from, to).isFalse();
                        z[k] = keep;
                    }
                }
                if (to < z.length) {
                    z[to] = Double.NaN;
                    assertThat(Kernels.allFinite(z, from, to)).as("NaN just after [%d, %d)", from, to).isTrue();
                }
            }
        }
    }
}
