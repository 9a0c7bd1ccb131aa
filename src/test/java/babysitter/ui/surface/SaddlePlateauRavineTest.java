package babysitter.ui.surface;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SaddlePlateauRavineTest {
    private final SaddlePlateauRavine f = Surface.standard();

    @Test
    void gradientMatchesCentralDifferences() {
        double h = 1e-5;
        double[] g = new double[2];
        for (double x = -2; x <= 8.5; x += 0.37) {
            for (double y = -2.5; y <= 2.5; y += 0.41) {
                f.gradient(x, y, g);
                double dx = (f.value(x + h, y) - f.value(x - h, y)) / (2 * h);
                double dy = (f.value(x, y + h) - f.value(x, y - h)) / (2 * h);
                assertThat(g[0]).as("df/dx at (%s, %s)", x, y).isCloseTo(dx, within(1e-7 * Math.max(1, Math.abs(dx))));
                assertThat(g[1]).as("df/dy at (%s, %s)", x, y).isCloseTo(dy, within(1e-7 * Math.max(1, Math.abs(dy))));
            }
        }
    }

    @Test
    void theSaddleHasZeroGradientAndCurvesDownAlongXAndUpAlongY() {
        double[] p = f.saddlePoint();
        assertThat(Math.abs(p[0])).isLessThan(1e-6);
        double[] g = new double[2];
        f.gradient(p[0], p[1], g);
        assertThat(Math.hypot(g[0], g[1])).isLessThan(1e-12);
        double h = 1e-4;
        double fxx = (f.value(p[0] + h, p[1]) - 2 * f.value(p[0], p[1]) + f.value(p[0] - h, p[1])) / (h * h);
        double fyy = (f.value(p[0], p[1] + h) - 2 * f.value(p[0], p[1]) + f.value(p[0], p[1] - h)) / (h * h);
        double fxy = (f.value(p[0] + h, p[1] + h) - f.value(p[0] + h, p[1] - h) - f.value(p[0] - h, p[1] + h)
                + f.value(p[0] - h, p[1] - h)) / (4 * h * h);
        assertThat(fxx).isCloseTo(-2.0, within(1e-3));
        assertThat(fyy).isCloseTo(0.1, within(1e-3));
        assertThat(fxy).isCloseTo(0.0, within(1e-6));
        // a saddle: the Hessian's determinant is negative
        assertThat(fxx * fyy - fxy * fxy).isNegative();
    }

    @Test
    void thePlateauIsFlatAndTheRavineIsNarrowAcrossAndLongAlong() {
        double[] g = new double[2];
        for (double x = 2.3; x <= 3.2; x += 0.05) {
            f.gradient(x, 0, g);
            assertThat(Math.abs(g[0])).as("plateau slope at x = %s", x).isLessThan(0.08);
        }
        double h = 1e-4;
        double m = 6.5;
        double fxx = (f.value(m + h, 0) - 2 * f.value(m, 0) + f.value(m - h, 0)) / (h * h);
        double fyy = (f.value(m, h) - 2 * f.value(m, 0) + f.value(m, -h)) / (h * h);
        assertThat(fyy / fxx).isGreaterThan(50);
        // the ravine floor is below the saddle and the plateau
        assertThat(f.value(m, 0)).isLessThan(f.value(2.5, 0) - 1).isLessThan(f.value(0, 0));
    }
}
