package babysitter.ui.chart;

import babysitter.plot.Decimator;
import babysitter.plot.PlotArea;
import babysitter.plot.SeriesBuffer;
import babysitter.plot.Ticks;
import babysitter.ui.fx.ResizableCanvasPane;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.paint.Color;

/**
 * A line chart for up to millions of live points, drawn on a {@link Canvas}.
 *
 * <p>Each series is a {@link SeriesBuffer}; callers append to it on the JavaFX thread and call
 * {@link #requestRedraw()}, which redraws at most once per pulse. A redraw finds each series'
 * visible points by binary search and strokes their per-pixel minimum/maximum ({@link Decimator}),
 * so it costs one pass over the visible points plus O(width) strokes.
 *
 * <p>Axes auto-range to the visible data (x: all of it unless zoomed; y: the visible points plus a
 * small margin); y can be a log10 scale ({@link #logYProperty()}). Drag across the plot to zoom x,
 * Ctrl + wheel to zoom around the mouse (the plain wheel scrolls what holds the chart), double-click
 * to reset. Hovering shows the x and each visible series' y at the nearest point. {@link #exportPng(Path, double)} writes what is drawn as a PNG.
 *
 * <p>Not thread-safe: use it on the JavaFX application thread (only {@link #requestRedraw()} and
 * {@link #exportPng(Path, double)} may be called from other threads).
 */
public final class LineChartCanvas extends ResizableCanvasPane {
    private final String title;
    private String xLabel;
    private final String yLabel;
    private final List<ChartSeries> series = new ArrayList<>();
    private final List<ChartMarker> markers = new ArrayList<>();
    private List<LegendEntry> legend;
    private final BooleanProperty logY = new SimpleBooleanProperty(this, "logY", false);
    private final Canvas canvas = canvas();
    private final TextMeasure text = new TextMeasure();
    private final OverlayLayer overlay = new OverlayLayer(this, text);
    private final RedrawScheduler scheduler = new RedrawScheduler(this::redrawNow);
    private long redrawCount;
    private final ChartRanges ranges = new ChartRanges();
    private ChartPainter.Drawing drawing;

    public LineChartCanvas(String title, String xLabel, String yLabel) {
        this.title = title == null ? "" : title;
        this.xLabel = xLabel == null ? "" : xLabel;
        this.yLabel = yLabel == null ? "" : yLabel;
        getStyleClass().add("line-chart-canvas");
        setBackground(new Background(new BackgroundFill(Color.WHITE, null, null)));
        getChildren().add(overlay.canvas()); // over the canvas, which is the first child
        setPrefSize(640, 320);
        setMinSize(160, 100);
        logY.addListener((obs, was, now) -> requestRedraw());
    }

    // ---------------------------------------------------------------- series and markers

    /**
     * Adds a series drawn on top of the earlier ones.
     *
     * @param name shown in the legend and the hover box; blank for an unnamed series (no legend entry)
     * @param opacity 0..1
     */
    public ChartSeries addSeries(String name, Color color, double lineWidth, double opacity) {
        return addSeries(name, color, lineWidth, opacity, new SeriesBuffer(1024));
    }

    /**
     * Adds a series that draws a buffer owned by someone else (a view-model that appends to it on
     * the FX thread and then calls {@link #requestRedraw()}).
     */
    public ChartSeries addSeries(String name, Color color, double lineWidth, double opacity, SeriesBuffer data) {
        ChartSeries s = new ChartSeries(name, color, lineWidth, opacity, data, this::requestRedraw);
        series.add(s);
        requestRedraw();
        return s;
    }

    public String xLabel() {
        return xLabel;
    }

    public String yLabel() {
        return yLabel;
    }

    /** Changes the x-axis label (e.g. when the x axis switches from steps to seconds). */
    public void setXLabel(String label) {
        xLabel = label == null ? "" : label;
        requestRedraw();
    }

    public void removeSeries(ChartSeries s) {
        if (series.remove(s)) {
            requestRedraw();
        }
    }

    /** The series, bottom to top (unmodifiable). */
    public List<ChartSeries> series() {
        return Collections.unmodifiableList(series);
    }

    /**
     * Sets the legend's entries (e.g. one per kind of line, in the style of the live branch's
     * lines); null for the default: one entry per visible series with a legend name.
     */
    public void setLegend(List<LegendEntry> entries) {
        legend = entries == null ? null : List.copyOf(entries);
        requestRedraw();
    }

    /** The legend's entries as drawn. */
    public List<LegendEntry> legend() {
        if (legend != null) {
            return legend;
        }
        List<LegendEntry> out = new ArrayList<>();
        for (ChartSeries s : series) {
            if (s.isVisible() && !s.legendName().isBlank()) {
                out.add(new LegendEntry(s.legendName(), s.color(), s.lineWidth(), s.opacity(), s.isDashed()));
            }
        }
        return out;
    }

    public void addMarker(double x, String label, Color color) {
        markers.add(new ChartMarker(x, label, color));
        requestRedraw();
    }

    public void clearMarkers() {
        markers.clear();
        requestRedraw();
    }

    public int markerCount() {
        return markers.size();
    }

    public List<ChartMarker> markers() {
        return List.copyOf(markers);
    }

    /** True for a log10 y axis: points with y ≤ 0 are skipped. */
    public BooleanProperty logYProperty() {
        return logY;
    }

    public boolean isLogY() {
        return logY.get();
    }

    public void setLogY(boolean value) {
        logY.set(value);
    }

    public String title() {
        return title;
    }

    // ---------------------------------------------------------------- zoom

    /** Shows x from {@code min} to {@code max} until {@link #resetZoom()}. */
    public void setXRange(double min, double max) {
        ranges.zoom(min, max);
        requestRedraw();
    }

    /** Shows all the data again (or the automatic x range, if set). */
    public void resetZoom() {
        ranges.resetZoom();
        requestRedraw();
    }

    public boolean isZoomed() {
        return ranges.isZoomed();
    }

    /**
     * The x range shown while the user has not zoomed (e.g. the span of the siblings' epochs), or
     * null for all the data. A double click goes back to it.
     */
    public void setAutoXRange(double[] range) {
        // a live view sets it at every frame: the same range is not a reason to draw again
        if (ranges.setAuto(range)) {
            requestRedraw();
        }
    }

    /** A y range that does not follow the data (e.g. 0..1 for a share), in data units; null for the data's. */
    public void setYRange(double[] range) {
        ranges.setFixedY(range);
        requestRedraw();
    }

    ChartRanges ranges() {
        return ranges;
    }

    /** The y ticks of the last drawing, labels as shown (FX thread). */
    public List<Ticks.Tick> yTicks() {
        flushPendingRedraw();
        return drawing == null ? List.of() : drawing.yTicks();
    }

    /** The x range drawn: {min, max} (a pending redraw is done first). FX thread only. */
    public double[] xAxisRange() {
        flushPendingRedraw();
        return drawing == null ? new double[] {0, 1} : new double[] {drawing.area().xMin(), drawing.area().xMax()};
    }

    /** The y range drawn, in data units (not logs): {min, max} (a pending redraw is done first). FX thread only. */
    public double[] yAxisRange() {
        flushPendingRedraw();
        return drawing == null ? new double[] {0, 1} : drawing.area().yDataRange();
    }

    /** Where a data point lands in this node's coordinates in the last drawing. */
    public Point2D dataToLocal(double x, double y) {
        PlotArea f = areaOrDraw();
        return new Point2D(f.pixelX(x), f.pixelY(y));
    }

    /** The x value under a horizontal position in this node's coordinates. */
    public double localToDataX(double localX) {
        return areaOrDraw().dataX(localX);
    }

    /** The boxes of the marker labels in the last drawing, in this node's coordinates (FX thread). */
    public List<Bounds> markerLabelBoxes() {
        flushPendingRedraw();
        return drawing == null ? List.of() : drawing.markerLabels();
    }

    /** The plot area of the last drawing, or null before the first. */
    PlotArea area() {
        return drawing == null ? null : drawing.area();
    }

    // ---------------------------------------------------------------- redraw

    /**
     * Asks for a redraw in the next pulse; many requests before it cost one redraw. May be called
     * from any thread.
     */
    public void requestRedraw() {
        scheduler.request();
    }

    /**
     * The shortest time between two requested redraws (default 0: every pulse). A live chart fed
     * at every frame can draw at, say, 10 per second and leave the processor to training; a redraw
     * requested during the interval happens at its end, so nothing is lost.
     */
    public void setMinRedrawInterval(Duration interval) {
        scheduler.setMinInterval(interval);
    }

    /** True while a requested redraw has not happened yet. */
    public boolean isRedrawPending() {
        return scheduler.isPending();
    }

    /** How many times the chart has been drawn (for tests and benchmarks). */
    public long redrawCount() {
        return redrawCount;
    }

    /** Draws now, on the FX thread (normally {@link #requestRedraw()} is what you want). */
    public void redrawNow() {
        requireFxThread();
        scheduler.done();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        if (w < 1 || h < 1) {
            g.clearRect(0, 0, w, h);
            drawing = null;
            return;
        }
        Map<ChartSeries, Decimator.Polyline> lines = new IdentityHashMap<>();
        for (ChartSeries s : series) {
            lines.put(s, s.screen);
        }
        double leftHint = drawing == null ? 50 : drawing.area().x();
        drawing = ChartPainter.paint(this, g, w, h, 1, lines, leftHint, text);
        redrawCount++;
        overlay.refresh();
    }

    @Override
    protected double canvasSize(double regionSize, boolean horizontal) {
        return horizontal ? snapSizeX(regionSize) : snapSizeY(regionSize);
    }

    @Override
    protected void resized(double w, double h) {
        overlay.resize(w, h);
        redrawNow(); // in the layout pass of this pulse: the new size never shows stale pixels
    }

    private void flushPendingRedraw() {
        requireFxThread();
        if (scheduler.isPending() && canvas.getWidth() >= 1 && canvas.getHeight() >= 1) {
            redrawNow();
        }
    }

    private PlotArea areaOrDraw() {
        requireFxThread();
        if (drawing == null || scheduler.isPending()) {
            redrawNow();
        }
        if (drawing == null) {
            throw new IllegalStateException("the chart has no size yet: lay it out first");
        }
        return drawing.area();
    }

    // ---------------------------------------------------------------- export

    /**
     * The chart as an image at {@code scale} × its size (1 or 2 for reports): the series, markers,
     * axes, title and legend as on screen, redrawn at that resolution so lines and text stay sharp.
     * The hover box and drag selection are not included. FX thread only.
     */
    public WritableImage snapshot(double scale) {
        requireFxThread();
        if (!(scale > 0) || scale > 8) {
            throw new IllegalArgumentException("scale must be in (0, 8], got " + scale);
        }
        double w = getWidth() > 0 ? getWidth() : prefWidth(-1);
        double h = getHeight() > 0 ? getHeight() : prefHeight(-1);
        return ChartPainter.image(this, w, h, scale, drawing == null ? 50 : drawing.area().x(), text);
    }

    /**
     * Writes {@link #snapshot(double)} as a PNG. From the FX thread it runs there; from another
     * thread the image is taken on the FX thread and written on the caller's.
     */
    public void exportPng(Path file, double scale) throws IOException {
        Objects.requireNonNull(file, "file");
        Png.writeFromFx(() -> snapshot(scale), file);
    }

    // ---------------------------------------------------------------- hover

    /** What the hover box shows (x, then "name: y" per visible series), or empty when hidden. */
    public Optional<String> hoverText() {
        return overlay.hoverText();
    }

    /** Whether the overlay canvas (selection, hover box) is shown, for tests. */
    boolean overlayShown() {
        return overlay.shown();
    }

    private static void requireFxThread() {
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException("call this on the JavaFX application thread, not "
                    + Thread.currentThread().getName());
        }
    }
}
