package babysitter.session.configuration;

import java.util.Locale;
import java.util.Optional;

/**
 * The one rule for a learning rate α a person may set: from {@value #MIN} to {@value #MAX}. The setup
 * panel, the live controls (field and slider, whose ends are these bounds) and the configuration
 * reader all ask here, so a value accepted in one place is accepted in all.
 */
public final class LearningRateRange {
    public static final double MIN = 1e-6;
    public static final double MAX = 10;

    private LearningRateRange() {
    }

    /** log10 of the bounds: the ends of a log-scale slider. */
    public static double logMin() {
        return Math.log10(MIN);
    }

    public static double logMax() {
        return Math.log10(MAX);
    }

    /** Empty when {@code alpha} is allowed, else what is wrong ("α must be … , got …"). */
    public static Optional<String> problem(double alpha) {
        if (alpha >= MIN && alpha <= MAX) {
            return Optional.empty();
        }
        return Optional.of("α must be a number from " + describe() + ", got " + shown(alpha));
    }

    /** "1e-06 to 10" (the command line's English; the window words it from {@link #lowest()} and {@link #highest()}). */
    public static String describe() {
        return lowest() + " to " + highest();
    }

    /** The lowest α allowed, as written in messages: "1e-06". */
    public static String lowest() {
        return String.format(Locale.ROOT, "%.0e", MIN);
    }

    /** The highest α allowed, as written in messages: "10". */
    public static String highest() {
        return MAX == Math.rint(MAX) ? Long.toString((long) MAX) : Double.toString(MAX);
    }

    private static String shown(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
