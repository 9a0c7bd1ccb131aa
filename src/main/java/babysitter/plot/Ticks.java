package babysitter.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Axis ticks and number labels, without a toolkit: "nice" linear ticks (1, 2 or 5 × 10^k apart),
 * decades for a log scale, and compact labels (12k, 1.5M, 2.5e-4).
 */
public final class Ticks {
    private Ticks() {
    }

    /** A tick: its value in data units and its label. */
    public record Tick(double value, String label) {
    }

    /** The smallest of 1, 2, 5 × 10^k that is at least {@code range / maxTicks}. */
    public static double niceStep(double range, int maxTicks) {
        if (!(range > 0) || !Double.isFinite(range)) {
            throw new IllegalArgumentException("range must be positive and finite, got " + range);
        }
        double raw = range / Math.max(1, maxTicks);
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double normalised = raw / magnitude;
        double nice;
        if (normalised <= 1.0 + 1e-9) {
            nice = 1;
        } else if (normalised <= 2.0 + 1e-9) {
            nice = 2;
        } else if (normalised <= 5.0 + 1e-9) {
            nice = 5;
        } else {
            nice = 10;
        }
        return nice * magnitude;
    }

    /** The nice step below {@code step}: 10 → 5 → 2 → 1 → 0.5 … */
    private static double smallerNiceStep(double step) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(step) + 1e-9));
        double m = Math.rint(step / magnitude);
        return m >= 5 ? 2 * magnitude : m >= 2 ? magnitude : magnitude / 2;
    }

    /** Ticks at the multiples of a nice step that lie in [min, max], at most about {@code maxTicks}. */
    public static List<Tick> linear(double min, double max, int maxTicks) {
        if (!(max > min)) {
            throw new IllegalArgumentException("need min < max, got min = " + min + ", max = " + max);
        }
        double step = niceStep(max - min, maxTicks);
        // a nice step can leave a single tick in range (0 on -0.3..1.9 in steps of 2): take the
        // next smaller nice step until the axis has two
        while (Math.floor(max / step + 1e-9) - Math.ceil(min / step - 1e-9) < 1) {
            step = smallerNiceStep(step);
        }
        long first = (long) Math.ceil(min / step - 1e-9);
        long last = (long) Math.floor(max / step + 1e-9);
        List<Tick> ticks = new ArrayList<>();
        for (long k = first; k <= last; k++) {
            double value = k * step;
            ticks.add(new Tick(value, format(value, step)));
        }
        return ticks;
    }

    /**
     * Ticks for a log10 axis showing 10^minLog .. 10^maxLog: the decades (thinned to at most
     * {@code maxTicks}); when fewer than three decades are in range, 1, 2 and 5 × 10^k if they fit;
     * when those are fewer than two, nice linear ticks of the values. Tick values are data values, not logs.
     */
    public static List<Tick> log(double minLog, double maxLog, int maxTicks) {
        if (!(maxLog > minLog)) {
            throw new IllegalArgumentException("need minLog < maxLog, got " + minLog + ", " + maxLog);
        }
        int lowDecade = (int) Math.ceil(minLog - 1e-9);
        int highDecade = (int) Math.floor(maxLog + 1e-9);
        int decades = highDecade - lowDecade + 1;
        List<Tick> decadeTicks = new ArrayList<>();
        int every = (int) Math.ceil(decades / (double) Math.max(1, maxTicks));
        for (int e = lowDecade; e <= highDecade; e++) {
            if (Math.floorMod(e, every) == 0) {
                decadeTicks.add(new Tick(Math.pow(10, e), formatDecade(e)));
            }
        }
        if (decades >= 3) {
            return decadeTicks;
        }
        List<Tick> ticks = new ArrayList<>();
        for (int e = (int) Math.floor(minLog); e <= (int) Math.ceil(maxLog); e++) {
            for (int m : new int[] {1, 2, 5}) {
                double value = m * Math.pow(10, e);
                double logValue = Math.log10(value);
                if (logValue >= minLog - 1e-9 && logValue <= maxLog + 1e-9) {
                    ticks.add(new Tick(value, m == 1 ? formatDecade(e) : format(value, value)));
                }
            }
        }
        if (ticks.size() >= 2 && ticks.size() <= Math.max(2, maxTicks)) {
            return ticks;
        }
        if (decades >= 2) {
            return decadeTicks;
        }
        List<Tick> linear = new ArrayList<>();
        for (Tick t : linear(Math.pow(10, minLog), Math.pow(10, maxLog), Math.max(2, maxTicks))) {
            if (t.value() > 0) {
                linear.add(t);
            }
        }
        return linear;
    }

    /** 10^e as a label: plain from 0.01 to 100, "1e-3" style beyond. */
    public static String formatDecade(int exponent) {
        if (exponent >= -2 && exponent <= 2) {
            return format(Math.pow(10, exponent), Math.pow(10, exponent));
        }
        return "1e" + exponent;
    }

    /**
     * A compact tick label for {@code value} on an axis whose ticks are {@code step} apart: as many
     * decimals as the step needs (the same for all ticks of an axis: 0.5, 1.0, 1.5), k / M / G for
     * thousands, millions and billions (12k, 1.5M, 2M), scientific notation for steps below 0.001.
     */
    public static String format(double value, double step) {
        if (!Double.isFinite(value)) {
            return Double.isNaN(value) ? "NaN" : value > 0 ? "∞" : "-∞";
        }
        step = Math.abs(step);
        if (!(step > 0) || !Double.isFinite(step)) {
            step = Math.abs(value) > 0 ? Math.abs(value) : 1;
        }
        if (Math.abs(value) < step * 1e-6) {
            return step >= 1e-3 && step < 1e3 ? fixed(0, step) : "0"; // "0.0" among 0.5, 1.0 …
        }
        double abs = Math.abs(value);
        if (abs >= 1e9) {
            return stripZeros(fixed(value / 1e9, step / 1e9)) + "G";
        }
        if (abs >= 1e6) {
            return stripZeros(fixed(value / 1e6, step / 1e6)) + "M";
        }
        if (abs >= 1e3) {
            return stripZeros(fixed(value / 1e3, step / 1e3)) + "k";
        }
        if (step < 1e-3) {
            int exponent = (int) Math.floor(Math.log10(abs));
            double unit = Math.pow(10, exponent);
            return stripZeros(fixed(value / unit, Math.min(1, step / unit))) + "e" + exponent;
        }
        return fixed(value, step);
    }

    /** A value with up to five significant digits, as the hover box shows it. */
    public static String formatValue(double value) {
        if (!Double.isFinite(value)) {
            return format(value, 1);
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) value);
        }
        double abs = Math.abs(value);
        if (abs >= 1e-3 && abs < 1e6) {
            String s = String.format(Locale.ROOT, "%.5g", value);
            return s.contains("e") ? s : stripZeros(s);
        }
        String s = String.format(Locale.ROOT, "%.4e", value);
        int e = s.indexOf('e');
        return stripZeros(s.substring(0, e)) + "e" + Integer.parseInt(s.substring(e + 1));
    }

    private static String fixed(double value, double step) {
        int decimals = decimalsFor(step);
        String s = String.format(Locale.ROOT, "%." + decimals + "f", value);
        return s.equals("-0") ? "0" : s;
    }

    /** The number of decimals that show a multiple of {@code step} exactly (0..9). */
    static int decimalsFor(double step) {
        for (int d = 0; d < 9; d++) {
            double scaled = step * Math.pow(10, d);
            if (Math.abs(scaled - Math.rint(scaled)) < 1e-6 * Math.max(1, scaled)) {
                return d;
            }
        }
        return 9;
    }

    private static String stripZeros(String s) {
        if (!s.contains(".")) {
            return s;
        }
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
