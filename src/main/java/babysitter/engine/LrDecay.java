package babysitter.engine;

/** Learning-rate decay by epoch e (counted from 0). */
public enum LrDecay {
    /** α = α0. */
    NONE,
    /** α = α0 / (1 + decay · e). */
    INVERSE_TIME,
    /** α = 0.95^e · α0. */
    EXPONENTIAL;

    /** The learning rate in effect during epoch {@code epoch}. */
    public double apply(double alpha0, double decay, int epoch) {
        return switch (this) {
            case NONE -> alpha0;
            case INVERSE_TIME -> alpha0 / (1 + decay * epoch);
            case EXPONENTIAL -> Math.pow(0.95, epoch) * alpha0;
        };
    }
}
