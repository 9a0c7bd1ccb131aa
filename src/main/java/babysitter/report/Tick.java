package babysitter.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** An axis tick of a {@link SvgChart}: a data value and its label; and the small helpers that make them. */
record Tick(double value, String label) {

    /** The smallest of 1, 2, 5 × 10^k that is at least {@code range / maxTicks}. */
    static double niceStep(double range, int maxTicks) {
        if (!(range > 0) || !Double.isFinite(range)) {
            throw new IllegalArgumentException("range must be positive and finite, got " + range);
        }
        double raw = range / Math.max(1, maxTicks);
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double r = raw / magnitude;
        double nice = r <= 1 + 1e-9 ? 1 : r <= 2 + 1e-9 ? 2 : r <= 5 + 1e-9 ? 5 : 10;
        return nice * magnitude;
    }

    /** Ticks at the multiples of a nice step inside [min, max]. */
    static List<Tick> linear(double min, double max, int maxTicks) {
        double step = niceStep(max - min, maxTicks);
        long first = (long) Math.ceil(min / step - 1e-9);
        long last = (long) Math.floor(max / step + 1e-9);
        List<Tick> ticks = new ArrayList<>();
        for (long k = first; k <= last; k++) {
            double v = k * step;
            ticks.add(new Tick(v, format(v)));
        }
        return ticks;
    }

    /** Ticks at the powers of ten between 10^minLog and 10^maxLog, thinned to about {@code maxTicks}. */
    static List<Tick> decades(double minLog, double maxLog, int maxTicks) {
        int low = (int) Math.ceil(minLog - 1e-9);
        int high = (int) Math.floor(maxLog + 1e-9);
        int every = Math.max(1, (int) Math.ceil((high - low + 1) / (double) maxTicks));
        List<Tick> ticks = new ArrayList<>();
        for (int e = low; e <= high; e++) {
            if (Math.floorMod(e, every) == 0) {
                double v = Math.pow(10, e);
                ticks.add(new Tick(v, format(v)));
            }
        }
        return ticks;
    }

    /** A compact label: 0, 12, 0.25, 1.5e-4, 2e+06. */
    static String format(double v) {
        if (Math.abs(v) < 1e-12) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e-3 && a < 1e6) {
            String s = String.format(Locale.ROOT, "%.6f", v);
            return s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        String s = String.format(Locale.ROOT, "%.3g", v);
        return s.replaceAll("\\.?0+e", "e");
    }
}
