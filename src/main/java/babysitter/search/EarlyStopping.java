package babysitter.search;

import java.util.Objects;

/**
 * Early stopping of poor trials.
 *
 * @param kind        none, the median rule, or asynchronous successive halving
 * @param graceEpochs epochs every trial trains before it can be stopped (median), or the first rung (halving); &gt;= 1
 * @param eta         halving: rungs at grace·eta^k epochs, and a trial goes on only in the top 1/eta; &gt; 1
 */
public record EarlyStopping(Kind kind, int graceEpochs, double eta) {

    /** The rules. */
    public enum Kind { NONE, MEDIAN, HALVING }

    public static final int DEFAULT_GRACE = 2;
    public static final double DEFAULT_ETA = 3;

    public EarlyStopping {
        Objects.requireNonNull(kind, "kind");
        if (graceEpochs < 1) {
            throw new IllegalArgumentException("grace epochs must be at least 1, got " + graceEpochs);
        }
        if (!(eta > 1) || !Double.isFinite(eta)) {
            throw new IllegalArgumentException("eta must be a number > 1, got " + eta);
        }
    }

    public static EarlyStopping none() {
        return new EarlyStopping(Kind.NONE, DEFAULT_GRACE, DEFAULT_ETA);
    }

    public static EarlyStopping median(int grace) {
        return new EarlyStopping(Kind.MEDIAN, grace, DEFAULT_ETA);
    }

    public static EarlyStopping halving(int grace, double eta) {
        return new EarlyStopping(Kind.HALVING, grace, eta);
    }
}
