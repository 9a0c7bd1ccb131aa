package babysitter.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A line chart as SVG text, without a toolkit: title, axis labels, "nice" ticks (1, 2 or 5 × 10^k
 * apart; decades on a log scale), one polyline per series, a legend, and vertical event markers with
 * short labels. The output is well-formed XML: every text is escaped.
 *
 * <p>Series longer than {@value #MAX_POINTS} points are decimated by min/max: the points are
 * grouped by the pixel column they fall in, and each group keeps its first, lowest, highest and last
 * point (in data order), so spikes survive. When that still leaves more than {@value #MAX_POINTS}
 * points (more than 500 occupied columns, or x not increasing), groups of {@code ceil(n / 500)}
 * consecutive points are used instead, with the same four points each. Non-finite values, and on a
 * log scale values &lt;= 0, are skipped and break the line.
 */
public final class SvgChart {

    /** Series longer than this are decimated. */
    public static final int MAX_POINTS = 2000;
    /** Width and height of the whole chart in SVG user units. */
    public static final int WIDTH = 720;
    public static final int HEIGHT = 340;
    /** The plot area inside the chart. */
    static final double LEFT = 70;
    static final double RIGHT = 20;
    static final double TOP = 40;
    static final double BOTTOM = 50;

    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b",
        "#e377c2", "#17becf", "#7f7f7f", "#bcbd22"};
    private static final int MAX_LABEL = 28;

    /** A named series of points; x and y have the same length. */
    public record Series(String name, double[] x, double[] y) {
        public Series {
            Objects.requireNonNull(name, "series name");
            if (x.length != y.length) {
                throw new IllegalArgumentException("series '" + name + "': x has " + x.length + " values but y has "
                        + y.length);
            }
            x = x.clone();
            y = y.clone();
        }
    }

    /** A vertical line at {@code x} with a short label (the full label is the line's tooltip). */
    public record Marker(double x, String label) {
        public Marker {
            Objects.requireNonNull(label, "marker label");
        }
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();
    private final List<Marker> markers = new ArrayList<>();
    private boolean logY;
    private double[] xRange;
    private double[] yRange;

    public SvgChart(String title, String xLabel, String yLabel) {
        this.title = Objects.requireNonNull(title, "title");
        this.xLabel = Objects.requireNonNull(xLabel, "x label");
        this.yLabel = Objects.requireNonNull(yLabel, "y label");
    }

    public SvgChart series(Series s) {
        series.add(Objects.requireNonNull(s, "series"));
        return this;
    }

    public SvgChart series(String name, double[] x, double[] y) {
        return series(new Series(name, x, y));
    }

    public SvgChart marker(double x, String label) {
        markers.add(new Marker(x, label));
        return this;
    }

    /** A log10 y axis: values &lt;= 0 are skipped. */
    public SvgChart logY(boolean on) {
        this.logY = on;
        return this;
    }

    /** A fixed x range instead of the data's extent. */
    public SvgChart xRange(double min, double max) {
        checkRange("x", min, max);
        xRange = new double[] {min, max};
        return this;
    }

    /** A fixed y range (data values, also on a log scale) instead of one rounded out from the data. */
    public SvgChart yRange(double min, double max) {
        checkRange("y", min, max);
        if (logY && !(min > 0)) {
            throw new IllegalArgumentException("a log y range must be positive, got min = " + min);
        }
        yRange = new double[] {min, max};
        return this;
    }

    private static void checkRange(String axis, double min, double max) {
        if (!(max > min) || !Double.isFinite(min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException(axis + " range needs finite min < max, got " + min + ", " + max);
        }
    }

    private boolean usable(double x, double y) {
        return Double.isFinite(x) && Double.isFinite(y) && (!logY || y > 0);
    }

    /** The chart as an SVG document (no XML declaration, so it can also be inlined in HTML). */
    public String toSvg() {
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        // data extents
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (int i = 0; i < s.x().length; i++) {
                if (usable(s.x()[i], s.y()[i])) {
                    xMin = Math.min(xMin, s.x()[i]);
                    xMax = Math.max(xMax, s.x()[i]);
                    double v = logY ? Math.log10(s.y()[i]) : s.y()[i];
                    yMin = Math.min(yMin, v);
                    yMax = Math.max(yMax, v);
                }
            }
        }
        boolean empty = xMin > xMax;
        if (xRange != null) {
            xMin = xRange[0];
            xMax = xRange[1];
        } else if (empty) {
            xMin = 0;
            xMax = 1;
        } else if (xMax == xMin) {
            xMin -= 0.5;
            xMax += 0.5;
        }
        List<Tick> yTicks;
        if (yRange != null) {
            yMin = logY ? Math.log10(yRange[0]) : yRange[0];
            yMax = logY ? Math.log10(yRange[1]) : yRange[1];
        } else if (empty) {
            yMin = 0;
            yMax = 1;
        } else if (logY) {
            yMin = Math.floor(yMin);
            yMax = Math.max(Math.ceil(yMax), yMin + 1);
        } else {
            if (yMax == yMin) {
                yMin -= Math.max(0.5, Math.abs(yMin) * 0.1);
                yMax += Math.max(0.5, Math.abs(yMax) * 0.1);
            }
            double step = Tick.niceStep(yMax - yMin, 6);
            yMin = Math.floor(yMin / step + 1e-9) * step;
            yMax = Math.ceil(yMax / step - 1e-9) * step;
        }
        yTicks = logY ? Tick.decades(yMin, yMax, 8) : Tick.linear(yMin, yMax, 6);
        List<Tick> xTicks = Tick.linear(xMin, xMax, 8);
        final double x0 = xMin;
        final double xs = plotW / (xMax - xMin);
        final double y0 = yMin;
        final double ys = plotH / (yMax - yMin);

        StringBuilder b = new StringBuilder();
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" font-family=\"sans-serif\" font-size=\"11\">\n");
        b.append("<title>").append(escape(title)).append("</title>\n");
        b.append("<rect x=\"0\" y=\"0\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" fill=\"#ffffff\"/>\n");
        b.append("<text x=\"").append(num(WIDTH / 2.0)).append("\" y=\"18\" text-anchor=\"middle\" font-size=\"14\""
                + " font-weight=\"bold\">").append(escape(title)).append("</text>\n");
        // grid and ticks
        b.append("<g class=\"grid\" stroke=\"#e4e4e4\" stroke-width=\"1\">\n");
        for (Tick t : yTicks) {
            double py = TOP + plotH - ((logY ? Math.log10(t.value()) : t.value()) - y0) * ys;
            b.append("<line x1=\"").append(num(LEFT)).append("\" y1=\"").append(num(py)).append("\" x2=\"")
                    .append(num(LEFT + plotW)).append("\" y2=\"").append(num(py)).append("\"/>\n");
        }
        for (Tick t : xTicks) {
            double px = LEFT + (t.value() - x0) * xs;
            b.append("<line x1=\"").append(num(px)).append("\" y1=\"").append(num(TOP)).append("\" x2=\"")
                    .append(num(px)).append("\" y2=\"").append(num(TOP + plotH)).append("\"/>\n");
        }
        b.append("</g>\n<g class=\"ticks\" fill=\"#333333\">\n");
        for (Tick t : yTicks) {
            double py = TOP + plotH - ((logY ? Math.log10(t.value()) : t.value()) - y0) * ys;
            b.append("<text x=\"").append(num(LEFT - 6)).append("\" y=\"").append(num(py + 4))
                    .append("\" text-anchor=\"end\">").append(escape(t.label())).append("</text>\n");
        }
        for (Tick t : xTicks) {
            double px = LEFT + (t.value() - x0) * xs;
            b.append("<text x=\"").append(num(px)).append("\" y=\"").append(num(TOP + plotH + 16))
                    .append("\" text-anchor=\"middle\">").append(escape(t.label())).append("</text>\n");
        }
        b.append("</g>\n");
        b.append("<rect x=\"").append(num(LEFT)).append("\" y=\"").append(num(TOP)).append("\" width=\"")
                .append(num(plotW)).append("\" height=\"").append(num(plotH))
                .append("\" fill=\"none\" stroke=\"#888888\"/>\n");
        b.append("<text x=\"").append(num(LEFT + plotW / 2)).append("\" y=\"").append(num(HEIGHT - 10))
                .append("\" text-anchor=\"middle\">").append(escape(xLabel)).append("</text>\n");
        b.append("<text x=\"16\" y=\"").append(num(TOP + plotH / 2)).append("\" text-anchor=\"middle\" transform=\"rotate(-90 16 ")
                .append(num(TOP + plotH / 2)).append(")\">").append(escape(yLabel + (logY ? " (log scale)" : "")))
                .append("</text>\n");
        // markers
        b.append("<g class=\"markers\">\n");
        for (Marker m : markers) {
            if (!Double.isFinite(m.x()) || m.x() < xMin || m.x() > xMax) {
                continue;
            }
            double px = LEFT + (m.x() - x0) * xs;
            b.append("<g class=\"marker\"><title>").append(escape(m.label())).append("</title><line x1=\"")
                    .append(num(px)).append("\" y1=\"").append(num(TOP)).append("\" x2=\"").append(num(px))
                    .append("\" y2=\"").append(num(TOP + plotH))
                    .append("\" stroke=\"#999999\" stroke-dasharray=\"4 3\"/><text x=\"").append(num(px + 3))
                    .append("\" y=\"").append(num(TOP + 4)).append("\" font-size=\"9\" fill=\"#555555\" transform=\"rotate(90 ")
                    .append(num(px + 3)).append(' ').append(num(TOP + 4)).append(")\">").append(escape(shorten(m.label())))
                    .append("</text></g>\n");
        }
        b.append("</g>\n");
        // series
        for (int k = 0; k < series.size(); k++) {
            Series s = series.get(k);
            String colour = COLOURS[k % COLOURS.length];
            b.append("<g class=\"series\" fill=\"none\" stroke=\"").append(colour)
                    .append("\" stroke-width=\"1.5\" stroke-linejoin=\"round\"><title>").append(escape(s.name()))
                    .append("</title>\n");
            for (double[][] segment : segments(s)) {
                double[] pts = decimate(segment[0], segment[1], x0, xs);
                b.append("<polyline points=\"");
                for (int i = 0; i < pts.length; i += 2) {
                    double px = LEFT + (pts[i] - x0) * xs;
                    double v = logY ? Math.log10(pts[i + 1]) : pts[i + 1];
                    double py = TOP + plotH - (v - y0) * ys;
                    b.append(i == 0 ? "" : " ").append(num(px)).append(',').append(num(py));
                }
                b.append("\"/>\n");
            }
            b.append("</g>\n");
        }
        // legend, top right, one row
        double lx = LEFT + plotW;
        StringBuilder legend = new StringBuilder();
        for (int k = series.size() - 1; k >= 0; k--) {
            String name = shorten(series.get(k).name());
            lx -= 26 + 6.2 * name.length();
            String colour = COLOURS[k % COLOURS.length];
            legend.insert(0, "<g class=\"legend-item\"><line x1=\"" + num(lx) + "\" y1=\"30\" x2=\"" + num(lx + 16)
                    + "\" y2=\"30\" stroke=\"" + colour + "\" stroke-width=\"3\"/><text x=\"" + num(lx + 20)
                    + "\" y=\"34\">" + escape(name) + "</text></g>\n");
        }
        b.append("<g class=\"legend\">\n").append(legend).append("</g>\n");
        b.append("</svg>\n");
        return b.toString();
    }

    /** The runs of usable points of a series, as {x[], y[]} pairs. */
    private List<double[][]> segments(Series s) {
        List<double[][]> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= s.x().length; i++) {
            boolean ok = i < s.x().length && usable(s.x()[i], s.y()[i]);
            if (ok && start < 0) {
                start = i;
            } else if (!ok && start >= 0) {
                out.add(new double[][] {java.util.Arrays.copyOfRange(s.x(), start, i),
                    java.util.Arrays.copyOfRange(s.y(), start, i)});
                start = -1;
            }
        }
        return out;
    }

    /**
     * Interleaved x, y of the points to draw: all of them up to {@value #MAX_POINTS}; beyond, per pixel
     * column the first, lowest, highest and last point in data order, over pre-thinned groups so the
     * result never exceeds {@value #MAX_POINTS} points.
     */
    static double[] decimate(double[] x, double[] y, double x0, double xs) {
        int n = x.length;
        if (n <= MAX_POINTS) {
            double[] out = new double[2 * n];
            for (int i = 0; i < n; i++) {
                out[2 * i] = x[i];
                out[2 * i + 1] = y[i];
            }
            return out;
        }
        List<Integer> keep = new ArrayList<>();
        int budgetColumns = MAX_POINTS / 4;
        int from = 0;
        while (from < n) {
            long column = Math.round((x[from] - x0) * xs);
            int to = from + 1;
            while (to < n && Math.round((x[to] - x0) * xs) == column) {
                to++;
            }
            addExtremes(keep, y, from, to);
            from = to;
        }
        if (keep.size() <= MAX_POINTS) {
            return pick(x, y, keep);
        }
        // more pixel columns than the budget allows (or x not sorted): equal groups by index instead
        keep.clear();
        int group = (int) Math.ceil(n / (double) budgetColumns);
        for (from = 0; from < n; from += group) {
            addExtremes(keep, y, from, Math.min(n, from + group));
        }
        return pick(x, y, keep);
    }

    private static void addExtremes(List<Integer> keep, double[] y, int from, int to) {
        int lo = from;
        int hi = from;
        for (int i = from; i < to; i++) {
            if (y[i] < y[lo]) {
                lo = i;
            }
            if (y[i] > y[hi]) {
                hi = i;
            }
        }
        java.util.TreeSet<Integer> idx = new java.util.TreeSet<>(List.of(from, lo, hi, to - 1));
        keep.addAll(idx);
    }

    private static double[] pick(double[] x, double[] y, List<Integer> keep) {
        double[] out = new double[2 * keep.size()];
        for (int i = 0; i < keep.size(); i++) {
            out[2 * i] = x[keep.get(i)];
            out[2 * i + 1] = y[keep.get(i)];
        }
        return out;
    }

    private static String shorten(String label) {
        return label.length() <= MAX_LABEL ? label : label.substring(0, MAX_LABEL - 1) + "…";
    }

    /** A coordinate with at most two decimals. */
    static String num(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        s = s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        return s.equals("-0") ? "0" : s;
    }

    /** Text escaped for XML content and attribute values. */
    public static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    // characters XML 1.0 does not allow are dropped
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
