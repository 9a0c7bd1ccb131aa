package babysitter.search;

import babysitter.session.configuration.BrokenRule;
import babysitter.session.configuration.ConfigRule;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;

/**
 * One hyperparameter's range on its scale. Values are {@link Double} (LINEAR, LOG, ONE_MINUS_LOG),
 * {@link Integer} (INTEGER, POW2) or {@link String} (CHOICE).
 *
 * <p>Every scale maps its range onto the unit interval [0, 1] so that sampling, grids, narrowing
 * and plotting work alike: LOG on log10 v, ONE_MINUS_LOG on log10(1 − v) (so 0.9 → 0.99 → 0.999
 * are evenly spaced), discrete scales as equal bins (a value sits at the centre of its bin).
 *
 * @param name    the hyperparameter's name (see {@link SearchSpace#NAMES})
 * @param scale   its scale
 * @param min     the smallest value (CHOICE: 0)
 * @param max     the largest value (CHOICE: the number of choices − 1)
 * @param choices the names of a CHOICE, empty for the other scales
 */
public record Param(String name, Scale scale, double min, double max, List<String> choices) {

    /** Where a value sits in its range. */
    public enum Edge { LOW, HIGH, NONE }

    public Param {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(scale, "scale");
        choices = choices == null ? List.of() : List.copyOf(choices);
        if (scale == Scale.CHOICE) {
            if (choices.isEmpty()) {
                throw new IllegalArgumentException(name + ": a choice needs at least one choice");
            }
            if (new LinkedHashSet<>(choices).size() != choices.size()) {
                throw new BrokenRule(ConfigRule.CHOICES_NOT_DISTINCT, name, choices);
            }
            min = 0;
            max = choices.size() - 1;
        } else {
            if (!choices.isEmpty()) {
                throw new IllegalArgumentException(name + ": only the choice scale takes choices, not " + scale.jsonName());
            }
            if (!Double.isFinite(min) || !Double.isFinite(max)) {
                throw new BrokenRule(ConfigRule.RANGE_NOT_FINITE, name, min, max);
            }
            if (min > max) {
                throw new BrokenRule(ConfigRule.MIN_ABOVE_MAX, name, num(min), num(max));
            }
            switch (scale) {
                case LOG -> {
                    if (!(min > 0)) {
                        throw new BrokenRule(ConfigRule.LOG_RANGE, name, num(min));
                    }
                }
                case ONE_MINUS_LOG -> {
                    if (!(min >= 0) || !(max < 1)) {
                        throw new BrokenRule(ConfigRule.ONE_MINUS_LOG_RANGE, name, num(min), num(max));
                    }
                }
                case INTEGER -> {
                    if (min != Math.rint(min) || max != Math.rint(max)) {
                        throw new BrokenRule(ConfigRule.INTEGER_RANGE, name, num(min), num(max));
                    }
                    if (Math.abs(min) > 1e9 || Math.abs(max) > 1e9) {
                        throw new BrokenRule(ConfigRule.INTEGER_TOO_LARGE, name);
                    }
                }
                case POW2 -> {
                    if (!isPow2(min) || !isPow2(max)) {
                        throw new BrokenRule(ConfigRule.POW2_RANGE, name, num(min), num(max));
                    }
                }
                default -> {
                }
            }
        }
    }

    public static Param linear(String name, double min, double max) {
        return new Param(name, Scale.LINEAR, min, max, List.of());
    }

    public static Param log(String name, double min, double max) {
        return new Param(name, Scale.LOG, min, max, List.of());
    }

    public static Param oneMinusLog(String name, double min, double max) {
        return new Param(name, Scale.ONE_MINUS_LOG, min, max, List.of());
    }

    public static Param integer(String name, double min, double max) {
        return new Param(name, Scale.INTEGER, min, max, List.of());
    }

    public static Param pow2(String name, double min, double max) {
        return new Param(name, Scale.POW2, min, max, List.of());
    }

    public static Param choice(String name, List<String> choices) {
        return new Param(name, Scale.CHOICE, 0, 0, choices);
    }

    private static boolean isPow2(double v) {
        if (!(v >= 1) || v > (1L << 30) || v != Math.rint(v)) {
            return false;
        }
        long l = (long) v;
        return (l & (l - 1)) == 0;
    }

    private static int log2(double v) {
        return 63 - Long.numberOfLeadingZeros((long) v);
    }

    /** The smallest range of the same scale that holds all of {@code params} (one name, several rounds). */
    public static Param union(List<Param> params) {
        if (params.isEmpty()) {
            throw new IllegalArgumentException("need at least one parameter to make an axis");
        }
        Param last = params.get(params.size() - 1);
        if (last.scale() == Scale.CHOICE) {
            LinkedHashSet<String> choices = new LinkedHashSet<>();
            params.stream().filter(p -> p.scale() == Scale.CHOICE).forEach(p -> choices.addAll(p.choices()));
            return new Param(last.name(), last.scale(), last.min(), last.max(), List.copyOf(choices));
        }
        double min = last.min();
        double max = last.max();
        for (Param p : params) {
            if (p.scale() == last.scale()) {
                min = Math.min(min, p.min());
                max = Math.max(max, p.max());
            }
        }
        return new Param(last.name(), last.scale(), min, max, last.choices());
    }

    /** The same parameter held at one value: a range of that value alone (a choice of that one). */
    public Param fixedAt(Object value) {
        Object v = coerce(value);
        if (scale == Scale.CHOICE) {
            return choice(name, List.of((String) v));
        }
        double d = ((Number) v).doubleValue();
        return new Param(name, scale, d, d, List.of());
    }

    /** How many values a discrete scale has (0 for continuous scales). */
    public int count() {
        return switch (scale) {
            case INTEGER -> (int) (max - min) + 1;
            case POW2 -> log2(max) - log2(min) + 1;
            case CHOICE -> choices.size();
            default -> 0;
        };
    }

    /** The i-th value of a discrete scale, from 0. */
    private Object discreteValue(int i) {
        return switch (scale) {
            case INTEGER -> (int) min + i;
            case POW2 -> 1 << (log2(min) + i);
            case CHOICE -> choices.get(i);
            default -> throw new IllegalStateException(scale + " is not discrete");
        };
    }

    /** The index of a value of a discrete scale (may lie outside 0..count-1 for values outside the range). */
    private int discreteIndex(Object value) {
        return switch (scale) {
            case INTEGER -> (int) Math.round(number(value)) - (int) min;
            case POW2 -> {
                double v = number(value);
                if (!isPow2(v)) {
                    throw new IllegalArgumentException(name + ": " + value + " is not a power of two");
                }
                yield log2(v) - log2(min);
            }
            case CHOICE -> {
                int i = choices.indexOf(String.valueOf(value));
                if (i < 0) {
                    throw new IllegalArgumentException(name + ": '" + value + "' is not one of " + choices);
                }
                yield i;
            }
            default -> throw new IllegalStateException(scale + " is not discrete");
        };
    }

    private double number(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                // fall through
            }
        }
        throw new IllegalArgumentException(name + ": '" + value + "' is not a number");
    }

    /** The value in this parameter's type (Double, Integer or String); numbers from JSON come in any type. */
    public Object coerce(Object value) {
        return switch (scale) {
            case LINEAR, LOG, ONE_MINUS_LOG -> number(value);
            case INTEGER, POW2 -> {
                double v = number(value);
                if (v != Math.rint(v)) {
                    throw new IllegalArgumentException(name + ": " + value + " is not a whole number");
                }
                yield (int) v;
            }
            case CHOICE -> String.valueOf(value);
        };
    }

    /** Position of a value in [0, 1] of this range (values outside the range map outside [0, 1]). */
    public double toUnit(Object value) {
        switch (scale) {
            case LINEAR -> {
                double v = number(value);
                return max == min ? 0.5 : (v - min) / (max - min);
            }
            case LOG -> {
                double v = number(value);
                return max == min ? 0.5 : (Math.log10(v) - Math.log10(min)) / (Math.log10(max) - Math.log10(min));
            }
            case ONE_MINUS_LOG -> {
                double v = number(value);
                double lo = Math.log10(1 - min);
                double hi = Math.log10(1 - max);
                return max == min ? 0.5 : (lo - Math.log10(1 - v)) / (lo - hi);
            }
            default -> {
                int n = count();
                return (discreteIndex(value) + 0.5) / n;
            }
        }
    }

    /** The value at position {@code u} of the unit range (clamped to [0, 1]); discrete scales: the bin that holds u. */
    public Object fromUnit(double u) {
        if (Double.isNaN(u)) {
            throw new IllegalArgumentException(name + ": unit position is NaN");
        }
        u = Math.max(0, Math.min(1, u));
        switch (scale) {
            case LINEAR -> {
                return u == 1 ? max : min + u * (max - min);
            }
            case LOG -> {
                if (u == 0) {
                    return min;
                }
                if (u == 1) {
                    return max;
                }
                return Math.pow(10, Math.log10(min) + u * (Math.log10(max) - Math.log10(min)));
            }
            case ONE_MINUS_LOG -> {
                if (u == 0) {
                    return min;
                }
                if (u == 1) {
                    return max;
                }
                double lo = Math.log10(1 - min);
                double hi = Math.log10(1 - max);
                return 1 - Math.pow(10, lo + u * (hi - lo));
            }
            default -> {
                return discreteValue(bin(u));
            }
        }
    }

    private int bin(double u) {
        int n = count();
        return Math.min(n - 1, (int) Math.floor(Math.max(0, Math.min(1, u)) * n));
    }

    /** A random value: {@code fromUnit} of a uniform draw. */
    public Object sample(Random r) {
        return fromUnit(r.nextDouble());
    }

    /**
     * {@code n} values evenly spaced on the scale, both ends included, without repeats (discrete
     * scales and a range of one value may give fewer).
     */
    public List<Object> grid(int n) {
        if (n < 1) {
            throw new IllegalArgumentException(name + ": a grid needs at least 1 value per axis, got " + n);
        }
        LinkedHashSet<Object> out = new LinkedHashSet<>();
        if (scale.discrete()) {
            int c = count();
            for (int i = 0; i < n; i++) {
                int idx = n == 1 ? (c - 1) / 2 : (int) Math.round(i * (c - 1) / (double) (n - 1));
                out.add(discreteValue(idx));
            }
        } else {
            for (int i = 0; i < n; i++) {
                out.add(fromUnit(n == 1 ? 0.5 : i / (double) (n - 1)));
            }
        }
        return new ArrayList<>(out);
    }

    /**
     * The same scale covering [uLo, uHi] of this unit range (swapped if given the other way round).
     * Discrete scales round outward to whole bins; CHOICE keeps the choices whose bin centre lies
     * inside (at least the one nearest to the middle).
     */
    public Param narrowed(double uLo, double uHi) {
        if (Double.isNaN(uLo) || Double.isNaN(uHi)) {
            throw new IllegalArgumentException(name + ": a narrowed range needs two numbers, got " + uLo + " and " + uHi);
        }
        double lo = Math.max(0, Math.min(1, Math.min(uLo, uHi)));
        double hi = Math.max(0, Math.min(1, Math.max(uLo, uHi)));
        switch (scale) {
            case LINEAR, LOG, ONE_MINUS_LOG -> {
                return new Param(name, scale, (double) fromUnit(lo), (double) fromUnit(hi), List.of());
            }
            case INTEGER, POW2 -> {
                int n = count();
                int a = bin(lo);
                int b = Math.max(a, Math.min(n - 1, (int) Math.ceil(hi * n - 1e-9) - 1));
                return new Param(name, scale, ((Integer) discreteValue(a)).doubleValue(),
                        ((Integer) discreteValue(b)).doubleValue(), List.of());
            }
            default -> {
                int n = count();
                List<String> kept = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    double centre = (i + 0.5) / n;
                    if (centre >= lo - 1e-12 && centre <= hi + 1e-12) {
                        kept.add(choices.get(i));
                    }
                }
                if (kept.isEmpty()) {
                    kept.add(choices.get(bin((lo + hi) / 2)));
                }
                return choice(name, kept);
            }
        }
    }

    /**
     * Whether a value sits at an end of the range: continuous scales within {@code margin} of 0 or 1
     * of the unit range; INTEGER and POW2 at the smallest or largest value when the range holds at
     * least 3 values; CHOICE never.
     */
    public Edge edge(Object value, double margin) {
        if (scale == Scale.CHOICE || min == max) {
            return Edge.NONE;
        }
        if (scale.discrete()) {
            if (count() < 3) {
                return Edge.NONE;
            }
            int i = discreteIndex(value);
            return i <= 0 ? Edge.LOW : i >= count() - 1 ? Edge.HIGH : Edge.NONE;
        }
        double u = toUnit(value);
        return u <= margin ? Edge.LOW : u >= 1 - margin ? Edge.HIGH : Edge.NONE;
    }

    /** A short display of a value: 3 significant digits (β: enough digits to show 1 − β to 3), integers plain. */
    public String format(Object value) {
        if (value == null) {
            return "-";
        }
        return switch (scale) {
            case INTEGER, POW2 -> String.valueOf((int) Math.round(number(value)));
            case CHOICE -> String.valueOf(value);
            case ONE_MINUS_LOG -> {
                double v = number(value);
                double d = 1 - v;
                if (!(d > 0) || !Double.isFinite(v)) {
                    yield num(v);
                }
                int decimals = Math.max(1, Math.min(12, (int) -Math.floor(Math.log10(d)) + 2));
                yield String.format(Locale.ROOT, "%." + decimals + "f", v);
            }
            default -> num(number(value));
        };
    }

    /** A number to 3 significant digits, plain between 1e-3 and 1e5, scientific otherwise. */
    public static String num(double v) {
        if (!Double.isFinite(v)) {
            return String.valueOf(v);
        }
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a < 1e-3 || a >= 1e5) {
            return String.format(Locale.ROOT, "%.2e", v);
        }
        return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }

    /** The range as text, e.g. "[0.0001, 1]" or "{sgd, adam}". */
    public String rangeText() {
        if (scale == Scale.CHOICE) {
            return "{" + String.join(", ", choices) + "}";
        }
        return "[" + format(scale.discrete() ? (Object) (int) min : (Object) min) + ", "
                + format(scale.discrete() ? (Object) (int) max : (Object) max) + "]";
    }
}
