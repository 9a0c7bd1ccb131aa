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
     * Runs a range test on {@code trainer} in a sandbox (the trainer is put back exactly where it
     * was, nothing is recorded in between), records one "lr-range-test" event and returns the result.
     */
    static Report.LrRangeReport run(Trainer trainer, Command.LrRangeTest t) {
        double[] alphas = new double[t.steps()];
        double[] costs = new double[t.steps()];
        int done = trainer.sandboxed(() -> sweep(trainer, t, alphas, costs));
        double[] a = java.util.Arrays.copyOf(alphas, done);
        double[] c = java.util.Arrays.copyOf(costs, done);
        double suggested = suggest(a, c);
        trainer.event(new babysitter.store.Event.RangeTest(t.minAlpha(), t.maxAlpha(), done, suggested));
        return new Report.LrRangeReport(a, c, suggested);
    }

    /** The steps of the test; returns how many were taken. */
    private static int sweep(Trainer trainer, Command.LrRangeTest t, double[] alphas, double[] costs) {
        // Stop once the cost, smoothed as for the suggestion, has grown four times past its best:
        // single mini-batch costs are too noisy to stop on.
        double best = Double.POSITIVE_INFINITY;
        DebiasedAverage smoothed = new DebiasedAverage(SMOOTHING);
        int i = 0;
        while (i < t.steps() && !trainer.finished()) {
            double alpha = t.minAlpha() * Math.pow(t.maxAlpha() / t.minAlpha(), i / (double) (t.steps() - 1));
            trainer.setHyperparameters(trainer.hyperparameters().withLearningRate(alpha), "range-test");
            double cost = trainer.trainStep().cost();
            alphas[i] = alpha;
            costs[i] = cost;
            i++;
            if (!Double.isFinite(cost)) {
                break;
            }
            smoothed.add(cost);
            if (i > 10 && smoothed.value() > 4 * best) {
                break;
            }
            best = Math.min(best, smoothed.value());
        }
        return i;
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
        DebiasedAverage avg = new DebiasedAverage(SMOOTHING);
        for (int i = 0; i < n; i++) {
            avg.add(costs[i]);
            smooth[i] = avg.value();
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
