package babysitter.session.live;

import babysitter.session.configuration.RunConfig;
import babysitter.session.reports.Report;
import babysitter.session.training.DebiasedAverage;
import babysitter.session.training.Runs;
import babysitter.session.training.Trainer;
import babysitter.session.training.TrainerCopies;
import babysitter.store.Event;
import java.io.IOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * The learning-rate range test: steps with α growing exponentially from a minimum to a maximum,
 * the cost of each against α, and the suggestion, the α where the smoothed cost falls fastest
 * against log α (before it blows up). It runs either in a session on the current state (put back
 * afterwards) or on a throw-away network built from a configuration ({@link #onFreshNetwork}).
 */
public final class LrRangeTest {
    /** Weight of the old value in the cost's exponential smoothing. */
    static final double SMOOTHING = 0.9;
    /** The most steps a range test may take. */
    public static final int MAX_STEPS = 10_000;

    private LrRangeTest() {
    }

    /**
     * Runs a range test on {@code trainer} in a sandbox (the trainer is put back exactly where it
     * was, nothing is recorded in between), records one "lr-range-test" event and returns the result.
     */
    static Report.LrRangeReport run(Trainer trainer, Command.LrRangeTest t) {
        double[] alphas = new double[t.steps()];
        double[] costs = new double[t.steps()];
        int done = TrainerCopies.sandboxed(trainer, () -> sweep(trainer, t, alphas, costs, () -> false));
        Report.LrRangeReport r = report(alphas, costs, done);
        trainer.event(new Event.RangeTest(t.minAlpha(), t.maxAlpha(), done, r.suggested()));
        return r;
    }

    /**
     * Runs a range test on a network of its own, built as {@code config} would start it (same data,
     * same initial weights), on the caller's thread. Nothing is recorded: no run folder, no event,
     * and no session is involved, so it may run before, during or after a run.
     *
     * @param stop asked before each step; true ends the test early with the steps taken so far
     * @throws IOException when the configuration's data cannot be read
     */
    public static Report.LrRangeReport onFreshNetwork(RunConfig config, Command.LrRangeTest t, BooleanSupplier stop)
            throws IOException {
        // one epoch holds at least one step: this many never run out before the test ends
        Trainer trainer = Runs.start(config.withEpochs(t.steps() + 1), null, null, Clock.systemUTC());
        double[] alphas = new double[t.steps()];
        double[] costs = new double[t.steps()];
        int done = sweep(trainer, t, alphas, costs, stop);
        return report(alphas, costs, done);
    }

    private static Report.LrRangeReport report(double[] alphas, double[] costs, int done) {
        double[] a = Arrays.copyOf(alphas, done);
        double[] c = Arrays.copyOf(costs, done);
        return new Report.LrRangeReport(a, c, suggest(a, c));
    }

    /** The steps of the test; returns how many were taken. */
    private static int sweep(Trainer trainer, Command.LrRangeTest t, double[] alphas, double[] costs,
                             BooleanSupplier stop) {
        // Stop once the cost, smoothed as for the suggestion, has grown four times past its best:
        // single mini-batch costs are too noisy to stop on.
        double best = Double.POSITIVE_INFINITY;
        DebiasedAverage smoothed = new DebiasedAverage(SMOOTHING);
        int i = 0;
        while (i < t.steps() && !trainer.finished() && !stop.getAsBoolean()) {
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
