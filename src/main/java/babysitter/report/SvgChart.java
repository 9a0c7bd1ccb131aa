package babysitter.report;

import babysitter.plot.Decimator;
import babysitter.plot.MarkerLayout;
import babysitter.plot.Palette;
import babysitter.plot.PlotArea;
import babysitter.plot.SeriesBuffer;
import babysitter.plot.Ticks;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A line chart as SVG text, without a toolkit, drawn with the plotting core the screen uses
 * ({@link babysitter.plot}): the same ticks, colours and marker label placement. Title, axis
 * labels, one polyline per series in its own colour and style, a legend, and vertical event
 * markers with short labels that never cover each other (a label with no room is left out; every
 * marker's full label is its tooltip). The output is well-formed XML: every text is escaped.
 *
 * <p>Series longer than {@value #MAX_POINTS} points are decimated per pixel column
 * ({@link Decimator}: the first, lowest, highest and last point of each of {@code MAX_POINTS / 4}
 * columns), so spikes survive. Non-finite values, and on a log scale values &lt;= 0, are skipped
 * and break the line.
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

    private static final int MAX_LABEL = 28;
    private static final double MARKER_FONT = 10;
    /** About how wide a character of the 10-unit sans-serif marker font is. */
    private static final double CHAR_WIDTH = 5.8;

    /**
     * A named series of points (x non-decreasing for decimation) drawn in {@code colour}
     * ({@code #rrggbb}), {@code width} units wide, at {@code opacity}, solid or dashed.
     */
    public record Series(String name, double[] x, double[] y, String colour, double width, double opacity,
                         boolean dashed) {
        public Series {
            Objects.requireNonNull(name, "series name");
            Objects.requireNonNull(colour, "series colour");
            if (x.length != y.length) {
                throw new IllegalArgumentException("series '" + name + "': x has " + x.length + " values but y has "
                        + y.length);
            }
            x = x.clone();
            y = y.clone();
        }

        /** A solid series 1.5 units wide in {@code colour}. */
        public Series(String name, double[] x, double[] y, String colour) {
            this(name, x, y, colour, 1.5, 1, false);
        }
    }

    /** A vertical line at {@code x} with a short label (the full label is the line's tooltip). */
    public record Marker(double x, String label, String colour) {
        public Marker {
            Objects.requireNonNull(label, "marker label");
            Objects.requireNonNull(colour, "marker colour");
        }
    }

    /** A legend entry: a short stroke in a line's style and its name. */
    public record LegendEntry(String name, String colour, double width, double opacity, boolean dashed) {
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();
    private final List<Marker> markers = new ArrayList<>();
    private List<LegendEntry> legend;
    private boolean logY;
    private String logScaleSuffix = " (log scale)";
    private double[] xRange;
    private double[] yRange;

    public SvgChart(String title, String xLabel, String yLabel) {
        this.title = Objects.requireNonNull(title, "title");
        this.xLabel = Objects.requireNonNull(xLabel, "x label");
        this.yLabel = Objects.requireNonNull(yLabel, "y label");
    }

    /** What the y label says after itself on a log scale, in the report's language (" (log scale)"). */
    public SvgChart logScaleSuffix(String suffix) {
        this.logScaleSuffix = Objects.requireNonNull(suffix, "log scale suffix");
        return this;
    }

    public SvgChart series(Series s) {
        series.add(Objects.requireNonNull(s, "series"));
        return this;
    }

    /** Adds a solid series in the next colour of the class palette. */
    public SvgChart series(String name, double[] x, double[] y) {
        return series(new Series(name, x, y, Palette.classColour(series.size())));
    }

    public SvgChart marker(double x, String label) {
        return marker(x, label, Palette.OTHER);
    }

    public SvgChart marker(double x, String label, String colour) {
        markers.add(new Marker(x, label, colour));
        return this;
    }

    /** The legend's entries instead of one per named series. */
    public SvgChart legend(List<LegendEntry> entries) {
        legend = List.copyOf(entries);
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
        PlotArea area = area();
        List<Ticks.Tick> yTicks = area.yTicks(logY ? 8 : 6);
        List<Ticks.Tick> xTicks = Ticks.linear(area.xMin(), area.xMax(), 8);
        StringBuilder b = new StringBuilder();
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" font-family=\"sans-serif\" font-size=\"11\">\n");
        b.append("<title>").append(escape(title)).append("</title>\n");
        b.append("<rect x=\"0\" y=\"0\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" fill=\"#ffffff\"/>\n");
        b.append("<text x=\"").append(num(WIDTH / 2.0)).append("\" y=\"18\" text-anchor=\"middle\" font-size=\"14\""
                + " font-weight=\"bold\">").append(escape(title)).append("</text>\n");
        axes(b, area, xTicks, yTicks);
        markers(b, area);
        for (Series s : series) {
            seriesLines(b, area, s);
        }
        legend(b, area);
        b.append("</svg>\n");
        return b.toString();
    }

    /** The plot area: the fixed ranges, else the data's (y rounded out to nice ticks, decades on a log axis). */
    PlotArea area() {
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
            double step = Ticks.niceStep(yMax - yMin, 6);
            yMin = Math.floor(yMin / step + 1e-9) * step;
            yMax = Math.ceil(yMax / step - 1e-9) * step;
        }
        return new PlotArea(LEFT, TOP, WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM, xMin, xMax, yMin, yMax, logY);
    }

    private void axes(StringBuilder b, PlotArea f, List<Ticks.Tick> xTicks, List<Ticks.Tick> yTicks) {
        double bottom = f.y() + f.height();
        b.append("<g class=\"grid\" stroke=\"#e8e8e8\" stroke-width=\"1\">\n");
        for (Ticks.Tick t : yTicks) {
            line(b, f.x(), f.pixelY(t.value()), f.x() + f.width(), f.pixelY(t.value()));
        }
        for (Ticks.Tick t : xTicks) {
            line(b, f.pixelX(t.value()), f.y(), f.pixelX(t.value()), bottom);
        }
        b.append("</g>\n<g class=\"ticks\" fill=\"#323232\">\n");
        for (Ticks.Tick t : yTicks) {
            b.append("<text x=\"").append(num(f.x() - 6)).append("\" y=\"").append(num(f.pixelY(t.value()) + 4))
                    .append("\" text-anchor=\"end\">").append(escape(t.label())).append("</text>\n");
        }
        for (Ticks.Tick t : xTicks) {
            b.append("<text x=\"").append(num(f.pixelX(t.value()))).append("\" y=\"").append(num(bottom + 16))
                    .append("\" text-anchor=\"middle\">").append(escape(t.label())).append("</text>\n");
        }
        b.append("</g>\n");
        b.append("<rect x=\"").append(num(f.x())).append("\" y=\"").append(num(f.y())).append("\" width=\"")
                .append(num(f.width())).append("\" height=\"").append(num(f.height()))
                .append("\" fill=\"none\" stroke=\"#5a5a5a\"/>\n");
        b.append("<text x=\"").append(num(f.x() + f.width() / 2)).append("\" y=\"").append(num(HEIGHT - 10))
                .append("\" text-anchor=\"middle\">").append(escape(xLabel)).append("</text>\n");
        double mid = f.y() + f.height() / 2;
        b.append("<text x=\"16\" y=\"").append(num(mid)).append("\" text-anchor=\"middle\" transform=\"rotate(-90 16 ")
                .append(num(mid)).append(")\">").append(escape(yLabel + (logY ? logScaleSuffix : "")))
                .append("</text>\n");
    }

    private static void line(StringBuilder b, double x1, double y1, double x2, double y2) {
        b.append("<line x1=\"").append(num(x1)).append("\" y1=\"").append(num(y1)).append("\" x2=\"")
                .append(num(x2)).append("\" y2=\"").append(num(y2)).append("\"/>\n");
    }

    /** The markers in range: a line each (the full label its tooltip) and the labels that have room. */
    private void markers(StringBuilder b, PlotArea f) {
        List<Marker> shown = new ArrayList<>();
        for (Marker m : markers) {
            if (Double.isFinite(m.x()) && m.x() >= f.xMin() && m.x() <= f.xMax()) {
                shown.add(m);
            }
        }
        shown.sort((p, q) -> Double.compare(p.x(), q.x()));
        double[] lines = new double[shown.size()];
        double[] widths = new double[shown.size()];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = f.pixelX(shown.get(i).x());
            String label = shorten(shown.get(i).label());
            widths[i] = label.isBlank() ? 0 : label.length() * CHAR_WIDTH + 6;
        }
        MarkerLayout.Label[] placed = MarkerLayout.place(lines, widths, f.x(), f.x() + f.width(), 4, 2);
        b.append("<g class=\"markers\">\n");
        for (int i = 0; i < lines.length; i++) {
            Marker m = shown.get(i);
            b.append("<g class=\"marker\"><title>").append(escape(m.label())).append("</title><line x1=\"")
                    .append(num(lines[i])).append("\" y1=\"").append(num(f.y())).append("\" x2=\"").append(num(lines[i]))
                    .append("\" y2=\"").append(num(f.y() + f.height())).append("\" stroke=\"").append(m.colour())
                    .append("\" stroke-width=\"1.5\"/>");
            if (placed[i].shown()) {
                double top = f.y() + 2 + placed[i].row() * (MARKER_FONT + 5);
                b.append("<rect x=\"").append(num(placed[i].left())).append("\" y=\"").append(num(top))
                        .append("\" width=\"").append(num(widths[i])).append("\" height=\"").append(num(MARKER_FONT + 3))
                        .append("\" fill=\"#ffffff\" fill-opacity=\"0.85\" stroke=\"none\"/><text x=\"").append(num(placed[i].left() + 3))
                        .append("\" y=\"").append(num(top + MARKER_FONT)).append("\" font-size=\"")
                        .append(num(MARKER_FONT)).append("\" fill=\"").append(Palette.darker(m.colour(), 0.75))
                        .append("\">").append(escape(shorten(m.label()))).append("</text>");
            }
            b.append("</g>\n");
        }
        b.append("</g>\n");
    }

    private void seriesLines(StringBuilder b, PlotArea f, Series s) {
        b.append("<g class=\"series\" fill=\"none\" stroke=\"").append(s.colour()).append("\" stroke-width=\"")
                .append(num(s.width())).append('"');
        if (s.opacity() < 1) {
            b.append(" stroke-opacity=\"").append(num(s.opacity())).append('"');
        }
        if (s.dashed()) {
            b.append(" stroke-dasharray=\"").append(num(4 * s.width())).append(' ').append(num(3 * s.width())).append('"');
        }
        b.append(" stroke-linejoin=\"round\"><title>").append(escape(s.name())).append("</title>\n");
        for (SeriesBuffer segment : segments(s)) {
            int columns = MAX_POINTS / 4;
            double perColumn = f.width() / columns;
            Decimator.Polyline p = new Decimator.Polyline();
            Decimator.decimate(segment, f.xMin(), f.xMax(), columns, logY, p);
            if (p.size() == 0) {
                continue;
            }
            b.append("<polyline points=\"");
            for (int i = 0; i < p.size(); i++) {
                b.append(i == 0 ? "" : " ").append(num(f.x() + p.x(i) * perColumn)).append(',')
                        .append(num(f.pixelY(p.y(i))));
            }
            b.append("\"/>\n");
        }
        b.append("</g>\n");
    }

    /** The runs of usable points of a series, in x order within each run. */
    private List<SeriesBuffer> segments(Series s) {
        List<SeriesBuffer> out = new ArrayList<>();
        SeriesBuffer run = null;
        for (int i = 0; i < s.x().length; i++) {
            boolean ok = usable(s.x()[i], s.y()[i]) && (run == null || run.isEmpty() || s.x()[i] >= run.lastX());
            if (!ok) {
                run = null;
                continue;
            }
            if (run == null) {
                run = new SeriesBuffer();
                out.add(run);
            }
            run.add(s.x()[i], s.y()[i]);
        }
        return out;
    }

    /** The legend on one row at the top right: the entries given, else one per named series. */
    private void legend(StringBuilder b, PlotArea f) {
        List<LegendEntry> entries = legend;
        if (entries == null) {
            entries = new ArrayList<>();
            for (Series s : series) {
                if (!s.name().isBlank()) {
                    entries.add(new LegendEntry(s.name(), s.colour(), s.width(), s.opacity(), s.dashed()));
                }
            }
        }
        double lx = f.x() + f.width();
        StringBuilder items = new StringBuilder();
        for (int k = entries.size() - 1; k >= 0; k--) {
            LegendEntry e = entries.get(k);
            String name = shorten(e.name());
            lx -= 26 + 6.2 * name.length();
            items.insert(0, "<g class=\"legend-item\"><line x1=\"" + num(lx) + "\" y1=\"30\" x2=\"" + num(lx + 16)
                    + "\" y2=\"30\" stroke=\"" + e.colour() + "\" stroke-width=\"" + num(Math.min(4, Math.max(2, e.width())))
                    + "\"" + (e.opacity() < 1 ? " stroke-opacity=\"" + num(Math.max(0.35, e.opacity())) + "\"" : "")
                    + (e.dashed() ? " stroke-dasharray=\"4 3\"" : "") + "/><text x=\"" + num(lx + 20)
                    + "\" y=\"34\">" + escape(name) + "</text></g>\n");
        }
        b.append("<g class=\"legend\">\n").append(items).append("</g>\n");
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
