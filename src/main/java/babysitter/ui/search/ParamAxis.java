package babysitter.ui.search;

import babysitter.i18n.Texts;
import babysitter.plot.Ticks;
import babysitter.search.Param;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The x axis of one hyperparameter's scatter, toolkit free. Positions are the parameter's own unit
 * coordinates ({@link Param#toUnit}): a log axis for LOG, log10(1 − β) for ONE_MINUS_LOG (so 0.9,
 * 0.99, 0.999 are evenly spaced), log2 bins for POW2, one slot per category for CHOICE. Ticks are
 * placed at those positions and labelled in the parameter's values.
 */
public final class ParamAxis {
    private ParamAxis() {
    }

    /** The axis title: the name and how it is drawn. */
    public static String label(Param p) {
        return switch (p.scale()) {
            case LINEAR -> p.name();
            case LOG -> Texts.get("search.axis.log", p.name());
            case ONE_MINUS_LOG -> Texts.get("search.axis.oneMinusLog", p.name());
            case INTEGER -> p.name();
            case POW2 -> Texts.get("search.axis.pow2", p.name());
            case CHOICE -> p.name();
        };
    }

    /** The x position (unit coordinates) of a value. */
    public static double x(Param axis, Object value) {
        return axis.toUnit(value);
    }

    /** Ticks: positions in unit coordinates, labels in values. */
    public static List<Ticks.Tick> ticks(Param p) {
        List<Ticks.Tick> out = new ArrayList<>();
        switch (p.scale()) {
            case LINEAR -> {
                if (p.max() > p.min()) {
                    for (Ticks.Tick t : Ticks.linear(p.min(), p.max(), 5)) {
                        out.add(new Ticks.Tick(p.toUnit(t.value()), t.label()));
                    }
                } else {
                    out.add(new Ticks.Tick(0.5, p.format(p.min())));
                }
            }
            case LOG -> {
                if (p.max() > p.min()) {
                    for (Ticks.Tick t : Ticks.log(Math.log10(p.min()), Math.log10(p.max()), 6)) {
                        out.add(new Ticks.Tick(p.toUnit(t.value()), t.label()));
                    }
                } else {
                    out.add(new Ticks.Tick(0.5, p.format(p.min())));
                }
            }
            case ONE_MINUS_LOG -> oneMinusLogTicks(p, out);
            case INTEGER -> {
                long lo = Math.round(p.min());
                long hi = Math.round(p.max());
                long step = hi > lo ? Math.max(1, Math.round(Ticks.niceStep(hi - lo, 6))) : 1;
                for (long k = (long) Math.ceil(lo / (double) step) * step; k <= hi; k += step) {
                    out.add(new Ticks.Tick(p.toUnit((int) k), Long.toString(k)));
                }
            }
            case POW2 -> {
                List<Integer> powers = new ArrayList<>();
                for (long v = Math.round(p.min()); v <= Math.round(p.max()) && v > 0; v *= 2) {
                    powers.add((int) v);
                }
                int every = Math.max(1, (powers.size() + 7) / 8);
                for (int i = 0; i < powers.size(); i += every) {
                    out.add(new Ticks.Tick(p.toUnit(powers.get(i)), Integer.toString(powers.get(i))));
                }
            }
            case CHOICE -> {
                for (String c : p.choices()) {
                    out.add(new Ticks.Tick(p.toUnit(c), c));
                }
            }
        }
        return out;
    }

    /** 0.9, 0.99, 0.999 …: the values whose 1 − β is a power of ten (with 0.95, 0.995 … on short ranges). */
    private static void oneMinusLogTicks(Param p, List<Ticks.Tick> out) {
        if (!(p.max() > p.min())) {
            out.add(new Ticks.Tick(0.5, p.format(p.min())));
            return;
        }
        double lo = Math.log10(1 - p.max()); // most negative
        double hi = Math.log10(1 - p.min());
        int first = (int) Math.ceil(lo - 1e-9);
        int last = (int) Math.floor(hi + 1e-9);
        boolean halves = last - first < 3;
        for (int k = last; k >= first - 1; k--) {
            double[] mantissas = halves ? new double[] {5, 1} : new double[] {1};
            for (double m : mantissas) {
                double oneMinus = m * Math.pow(10, k);
                double v = 1 - oneMinus;
                double lg = Math.log10(oneMinus);
                if (lg >= lo - 1e-9 && lg <= hi + 1e-9 && v >= 0) {
                    out.add(new Ticks.Tick(p.toUnit(v), oneMinusLabel(k, m)));
                }
            }
        }
        if (out.isEmpty()) {
            out.add(new Ticks.Tick(0, p.format(p.min())));
            out.add(new Ticks.Tick(1, p.format(p.max())));
        }
    }

    /** 1 − m·10^k written out: 0.9, 0.99, 0.995, 0.5, 0. */
    static String oneMinusLabel(int k, double m) {
        if (k >= 0) {
            return m * Math.pow(10, k) >= 1 ? "0" : String.format(Locale.ROOT, "%s", 1 - m);
        }
        BigDecimal v = BigDecimal.ONE.subtract(
                BigDecimal.valueOf(m).scaleByPowerOfTen(k));
        return v.stripTrailingZeros().toPlainString();
    }
}
