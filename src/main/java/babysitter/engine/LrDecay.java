package babysitter.engine;

import java.util.Locale;


/**
 * Learning-rate decay by epoch e (counted from 0: the first epoch is e = 0). Each form has one
 * real parameter, called {@code rate} here and {@code decayRate} in a run configuration; the
 * staircase also takes a whole number of epochs, {@code every}.
 */
public enum LrDecay {
    /** α = α0 (the rate is not used). */
    NONE,
    /** α = α0 / (1 + rate · e), rate ≥ 0. */
    INVERSE_TIME,
    /** α = rate^e · α0, rate in (0, 1]. */
    EXPONENTIAL,
    /**
     * α = k · α0 / √(e + 1), k = rate &gt; 0: the course's k/√epoch with the epochs counted from 1,
     * so that the first epoch has k · α0 rather than a division by zero.
     */
    INVERSE_SQRT,
    /** α = rate^⌊e / every⌋ · α0, rate in (0, 1]: α is multiplied by rate every {@code every} epochs. */
    STAIRCASE;

    /** Epochs per stair when a configuration does not say. */
    public static final int DEFAULT_EVERY = 10;

    /** A parameter of a decay form that breaks its rule; {@link #parameter()} names it. */
    public static final class InvalidParameter extends InvalidValue {
        private static final long serialVersionUID = 1L;
        private final String parameter;

        InvalidParameter(String parameter, String name, String englishName, Rule rule, String value,
                         String... bounds) {
            super(name, englishName, rule, value, bounds);
            this.parameter = parameter;
        }

        /** {@code "decayRate"} or {@code "decayEvery"}. */
        public String parameter() {
            return parameter;
        }
    }

    /**
     * The rate a configuration means when it names this form without a {@code decayRate}: 0.95 for
     * exponential decay (the base the course's example uses, and the only one older versions knew),
     * 1 for inverse square root, 0.5 for the staircase, 0 otherwise.
     */
    public double defaultRate() {
        return switch (this) {
            case NONE, INVERSE_TIME -> 0.0;
            case EXPONENTIAL -> 0.95;
            case INVERSE_SQRT -> 1.0;
            case STAIRCASE -> 0.5;
        };
    }

    /** Checks this form's parameters, naming the one that breaks its rule. */
    public void check(double rate, int every) {
        switch (this) {
            case NONE, INVERSE_TIME -> {
                if (!(rate >= 0) || !Double.isFinite(rate)) {
                    throw new InvalidParameter("decayRate", "decayRate." + name(), "decayRate of " + label() + " decay",
                            InvalidValue.Rule.NOT_NEGATIVE, String.valueOf(rate));
                }
            }
            case EXPONENTIAL, STAIRCASE -> {
                if (!(rate > 0 && rate <= 1)) {
                    throw new InvalidParameter("decayRate", "decayRate." + name(), "decayRate of " + label()
                            + " decay (the factor α is multiplied by)", InvalidValue.Rule.FACTOR, String.valueOf(rate));
                }
            }
            case INVERSE_SQRT -> {
                if (!(rate > 0) || !Double.isFinite(rate)) {
                    throw new InvalidParameter("decayRate", "decayRate." + name(), "decayRate of " + label()
                            + " decay (k in k·α0/√epoch)", InvalidValue.Rule.POSITIVE, String.valueOf(rate));
                }
            }
        }
        if (every < 1) {
            throw new InvalidParameter("decayEvery", "decayEvery", "decayEvery (epochs per stair)",
                    InvalidValue.Rule.AT_LEAST, String.valueOf(every), "1");
        }
    }

    /** The learning rate in effect during epoch {@code epoch} (from 0). */
    public double apply(double alpha0, double rate, int every, int epoch) {
        return switch (this) {
            case NONE -> alpha0;
            case INVERSE_TIME -> alpha0 / (1 + rate * epoch);
            case EXPONENTIAL -> Math.pow(rate, epoch) * alpha0;
            case INVERSE_SQRT -> rate * alpha0 / Math.sqrt(epoch + 1.0);
            case STAIRCASE -> Math.pow(rate, epoch / every) * alpha0;
        };
    }

    private String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
