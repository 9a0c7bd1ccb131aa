package babysitter.plot;

/**
 * A debiased exponential moving average, the smoothing of the cost charts: {@code v = βv + (1−β)x},
 * divided by {@code 1 − β^n} so that the first values are not pulled towards zero. Computed forwards
 * only, so a new value never changes the smoothed past.
 */
public final class MovingAverage {
    private final double beta;
    private double ema;
    private long count;

    /** @param beta the weight of the past, in [0, 1) */
    public MovingAverage(double beta) {
        if (!(beta >= 0 && beta < 1)) {
            throw new IllegalArgumentException("smoothing must be in [0, 1), got " + beta);
        }
        this.beta = beta;
    }

    /** Takes the next value and returns the smoothed value up to it. */
    public double add(double x) {
        ema = beta * ema + (1 - beta) * x;
        count++;
        return value();
    }

    /** The smoothed value of what was added so far (NaN before the first value). */
    public double value() {
        return count == 0 ? Double.NaN : ema / (1 - Math.pow(beta, count));
    }

    /** The smoothed values of the first {@code n} entries of {@code xs}. */
    public static double[] of(double[] xs, int n, double beta) {
        MovingAverage m = new MovingAverage(beta);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = m.add(xs[i]);
        }
        return out;
    }
}
