package babysitter.ui.surface;

/**
 * A landscape read from left to right, x being the direction of progress:
 *
 * <pre>
 *   f(x, y) = A·sech²(x) − B·T(x) + E·T(x)·(x − m)² + y²·(a + b·T(x)),
 *   T(x)    = (1 + tanh((x − c)/w)) / 2      (a smooth switch, ≈0 left of c, ≈1 right of c)
 * </pre>
 *
 * <ul>
 *   <li><b>saddle</b> near the origin: the hill A·sech²(x) curves down along x (f_xx ≈ −2A) while
 *       y²·a curves up along y (f_yy ≈ 2a);</li>
 *   <li><b>plateau</b> for x roughly in [2.3, 3.2]: sech² has flattened out and the switch T has
 *       not started, so the slope is under 0.08 (0.03 at its flattest) (near y = 0);</li>
 *   <li><b>ravine</b> right of c: the floor drops by B and the valley is steep across
 *       (f_yy = 2(a + b)) but shallow along (f_xx = 2E), about a hundred times flatter, with its
 *       minimum −B at (m, 0).</li>
 * </ul>
 * The function is bounded below (every term except −B·T is ≥ 0).
 *
 * @param xMin the shown domain, left
 * @param xMax right
 * @param yMin bottom
 * @param yMax top
 */
public record SaddlePlateauRavine(double hill, double drop, double slope, double minimumX, double crossLow,
                                  double crossHigh, double cliff, double cliffWidth,
                                  double xMin, double xMax, double yMin, double yMax) implements Surface {

    /** A = 1, B = 1.5, E = 0.05, m = 6.5, a = 0.05, b = 5, c = 4, w = 0.3 on [−2, 8.5] × [−2.5, 2.5]. */
    public static final SaddlePlateauRavine STANDARD =
            new SaddlePlateauRavine(1, 1.5, 0.05, 6.5, 0.05, 5, 4, 0.3, -2, 8.5, -2.5, 2.5);

    public SaddlePlateauRavine {
        if (!(hill > 0 && drop > 0 && slope > 0 && crossLow > 0 && crossHigh >= 0 && cliffWidth > 0)) {
            throw new IllegalArgumentException("surface coefficients A, B, E, a, w must be > 0 and b >= 0");
        }
        if (!(xMin < xMax && yMin < yMax)) {
            throw new IllegalArgumentException("surface domain must have xMin < xMax and yMin < yMax");
        }
    }

    @Override
    public double value(double x, double y) {
        double sech = 1 / Math.cosh(x);
        double s = switchValue(x);
        double d = x - minimumX;
        return hill * sech * sech - drop * s + slope * s * d * d + y * y * (crossLow + crossHigh * s);
    }

    @Override
    public void gradient(double x, double y, double[] out) {
        double sech = 1 / Math.cosh(x);
        double th = Math.tanh(x);
        double s = switchValue(x);
        double u = Math.tanh((x - cliff) / cliffWidth);
        double ds = (1 - u * u) / (2 * cliffWidth);
        double d = x - minimumX;
        out[0] = -2 * hill * sech * sech * th - drop * ds + slope * (ds * d * d + 2 * s * d) + y * y * crossHigh * ds;
        out[1] = 2 * y * (crossLow + crossHigh * s);
    }

    private double switchValue(double x) {
        return (1 + Math.tanh((x - cliff) / cliffWidth)) / 2;
    }

    /**
     * The saddle point, on y = 0 where ∂f/∂x changes sign from + to − near the top of the hill
     * (found by bisection on [−0.5, 0.5], to the last bit).
     */
    public double[] saddlePoint() {
        double lo = -0.5;
        double hi = 0.5;
        double[] g = new double[2];
        for (int i = 0; i < 200 && lo < hi; i++) {
            double mid = (lo + hi) / 2;
            if (mid == lo || mid == hi) {
                break;
            }
            gradient(mid, 0, g);
            if (g[0] > 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return new double[] {(lo + hi) / 2, 0};
    }
}
