package babysitter.session.training;

/**
 * An exponentially weighted moving average with bias correction (course notes §6): after n values
 * v_n = β·v_(n−1) + (1−β)·x_n, and the value is v_n / (1 − β^n), so the first values are not pulled
 * towards 0. NaN before the first value.
 */
public final class DebiasedAverage {
    private final double beta;
    private double v;
    private long n;

    /** @param beta the weight of the past, in [0, 1) */
    public DebiasedAverage(double beta) {
        if (!(beta >= 0 && beta < 1)) {
            throw new IllegalArgumentException("the weight of the past must be in [0, 1), got " + beta);
        }
        this.beta = beta;
    }

    public void add(double x) {
        v = beta * v + (1 - beta) * x;
        n++;
    }

    public double value() {
        return n == 0 ? Double.NaN : v / (1 - Math.pow(beta, n));
    }

    public void reset() {
        v = 0;
        n = 0;
    }
}
