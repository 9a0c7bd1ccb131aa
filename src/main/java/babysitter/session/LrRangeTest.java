package babysitter.session;

/**
 * The suggestion of a learning-rate range test: the α where the smoothed cost falls fastest
 * against log α (before it blows up).
 */
public final class LrRangeTest {
    /** Weight of the old value in the cost's exponential smoothing. */
    static final double SMOOTHING = 0.9;

    private LrRangeTest() {
    }

    /**
     * @param alphas increasing learning rates
     * @param costs  the cost of the step taken with each
     * @return the suggested α, or NaN with fewer than 3 finite points
     */
    public static double suggest(double[] alphas, double[] costs) {
        int n = 0;
        while (n < costs.length && Double.isFinite(costs[n])) {
            n++;
        }
        if (n < 3) {
            return Double.NaN;
        }
        double[] smooth = new double[n];
        double avg = 0;
        for (int i = 0; i < n; i++) {
            avg = SMOOTHING * avg + (1 - SMOOTHING) * costs[i];
            smooth[i] = avg / (1 - Math.pow(SMOOTHING, i + 1));
        }
        // Only the descent before the smoothed minimum counts, and not the first points, where the
        // average has seen too little; the slope is taken over a few points against log10 α.
        int minimum = 0;
        for (int i = 1; i < n; i++) {
            if (smooth[i] < smooth[minimum]) {
                minimum = i;
            }
        }
        int skip = Math.max(1, n / 10);
        int span = Math.max(1, n / 20);
        int best = -1;
        double steepest = 0;
        for (int i = skip + span; i <= minimum; i++) {
            double slope = (smooth[i] - smooth[i - span])
                    / (Math.log10(alphas[i]) - Math.log10(alphas[i - span]));
            if (slope < steepest) {
                steepest = slope;
                best = i;
            }
        }
        return best < 0 ? Double.NaN : alphas[best];
    }
}
