package babysitter.ui.chart;

import babysitter.ui.fx.ResizableCanvasPane;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

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
 * scroll to zoom around the mouse, double-click to reset. Hovering shows the x and each visible
 * series' y at the nearest point. {@link #exportPng(Path, double)} writes what is drawn as a PNG.
 *
 * <p>Not thread-safe: use it on the JavaFX application thread (only {@link #requestRedraw()} and
 * {@link #exportPng(Path, double)} may be called from other threads).
 */
public final class LineChartCanvas extends ResizableCanvasPane {
    private static final Color GRID = Color.rgb(232, 232, 232);
    private static final Color AXIS = Color.rgb(90, 90, 90);
    private static final Color TEXT = Color.rgb(50, 50, 50);
    private static final Color HOVER_LINE = Color.rgb(120, 120, 120, 0.8);
    private static final Color SELECTION = Color.rgb(60, 120, 220, 0.15);
    private static final double PAD = 8;
    private static final double TICK = 4;
    private static final int MARKER_ROWS = 4;
    private static final double ZOOM_PER_NOTCH = 0.85;
    private static final double MIN_DRAG_PIXELS = 4;

    private final String title;
    private String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();
    private final List<Marker> markers = new ArrayList<>();
    private final BooleanProperty logY = new SimpleBooleanProperty(this, "logY", false);
    private final Canvas canvas = canvas();
    private final Canvas overlay = new Canvas();
    /** Whether the overlay holds no pixels: it is then hidden and not cleared again. */
    private boolean overlayBlank = true;
    private final Text measurer = new Text();
    private final Map<Font, Map<String, Double>> textWidths = new java.util.HashMap<>();
    private final Fonts fonts = new Fonts();
    private final AtomicBoolean crossThreadRequest = new AtomicBoolean();
    private final AnimationTimer pulse = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (now - lastRedrawNanos < minRedrawIntervalNanos) {
                return; // stay armed: drawn at the first pulse after the interval
            }
            stop();
            if (redrawPending) {
                lastRedrawNanos = now;
                redrawNow();
            }
        }
    };
    private long minRedrawIntervalNanos;
    private long lastRedrawNanos = Long.MIN_VALUE / 2;
    private boolean redrawPending;
    private long redrawCount;
    private double zoomMin = Double.NaN;
    private double zoomMax = Double.NaN;
    private double leftMarginHint = 50;
    private Frame frame;
    private double mouseX = Double.NaN;
    private double mouseY = Double.NaN;
    private double dragStart = Double.NaN;
    private double dragNow = Double.NaN;
    private Hover hover;

    /** One line of the chart: its points, colour and style. Changes redraw the chart. */
    public final class Series {
        private final String name;
        private final Color color;
        private final double lineWidth;
        private final SeriesBuffer data;
        private final Decimator.Polyline screen = new Decimator.Polyline();
        private double opacity;
        private boolean visible = true;
        private boolean dashed;
        private String legendName;

        private Series(String name, Color color, double lineWidth, double opacity, SeriesBuffer data) {
            this.data = Objects.requireNonNull(data, "data");
            this.name = name == null ? "" : name;
            this.color = Objects.requireNonNull(color, "color");
            if (!(lineWidth > 0) || !Double.isFinite(lineWidth)) {
                throw new IllegalArgumentException("lineWidth must be positive, got " + lineWidth);
            }
            this.lineWidth = lineWidth;
            this.opacity = checkOpacity(opacity);
        }

        /** The points; append on the FX thread, then call {@link LineChartCanvas#requestRedraw()}. */
        public SeriesBuffer data() {
            return data;
        }

        public String name() {
            return name;
        }

        /**
         * A shorter text for the legend than the name (which the hover box keeps), e.g. "sib 2" for
         * "sib 2 α=0.032 β1=0.906" when a table next to the chart gives the values; null for the name.
         */
        public void setLegendName(String legendName) {
            this.legendName = legendName;
            requestRedraw();
        }

        /** The text of the legend entry: the legend name if set, else the name. */
        public String legendName() {
            return legendName != null ? legendName : name;
        }

        public Color color() {
            return color;
        }

        public double lineWidth() {
            return lineWidth;
        }

        public double opacity() {
            return opacity;
        }

        public boolean isVisible() {
            return visible;
        }

        public boolean isDashed() {
            return dashed;
        }

        public void setOpacity(double opacity) {
            this.opacity = checkOpacity(opacity);
            requestRedraw();
        }

        public void setVisible(boolean visible) {
            this.visible = visible;
            requestRedraw();
        }

        public void setDashed(boolean dashed) {
            this.dashed = dashed;
            requestRedraw();
        }

        @Override
        public String toString() {
            return "Series[" + name + ", " + data.size() + " points]";
        }
    }

    /** A vertical line at an x value with a short label (a rewind, a learning-rate change). */
    public record Marker(double x, String label, Color color) {
        public Marker {
            if (!Double.isFinite(x)) {
                throw new IllegalArgumentException("marker x must be finite, got " + x);
            }
            label = label == null ? "" : label;
            Objects.requireNonNull(color, "color");
        }
    }

    public LineChartCanvas(String title, String xLabel, String yLabel) {
        this.title = title == null ? "" : title;
        this.xLabel = xLabel == null ? "" : xLabel;
        this.yLabel = yLabel == null ? "" : yLabel;
        getStyleClass().add("line-chart-canvas");
        setBackground(new Background(new BackgroundFill(Color.WHITE, null, null)));
        overlay.setMouseTransparent(true);
        overlay.setVisible(false); // shown only while it holds a selection or the hover box
        getChildren().add(overlay); // over the canvas, which is the first child
        setPrefSize(640, 320);
        setMinSize(160, 100);
        logY.addListener((obs, was, now) -> requestRedraw());
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> onMove(e.getX(), e.getY()));
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> onExit());
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::onPress);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDrag);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::onRelease);
        addEventHandler(MouseEvent.MOUSE_CLICKED, this::onClick);
        addEventHandler(ScrollEvent.SCROLL, this::onScroll);
    }

    // ---------------------------------------------------------------- series and markers

    /**
     * Adds a series drawn on top of the earlier ones.
     *
     * @param name shown in the legend and the hover box; blank for an unnamed series (no legend entry)
     * @param opacity 0..1
     */
    public Series addSeries(String name, Color color, double lineWidth, double opacity) {
        return addSeries(name, color, lineWidth, opacity, new SeriesBuffer(1024));
    }

    /**
     * Adds a series that draws a buffer owned by someone else (a view-model that appends to it on
     * the FX thread and then calls {@link #requestRedraw()}).
     */
    public Series addSeries(String name, Color color, double lineWidth, double opacity, SeriesBuffer data) {
        Series s = new Series(name, color, lineWidth, opacity, data);
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

    public void removeSeries(Series s) {
        if (series.remove(s)) {
            requestRedraw();
        }
    }

    /** The series, bottom to top (unmodifiable). */
    public List<Series> series() {
        return Collections.unmodifiableList(series);
    }

    public void addMarker(double x, String label, Color color) {
        markers.add(new Marker(x, label, color));
        requestRedraw();
    }

    public void clearMarkers() {
        markers.clear();
        requestRedraw();
    }

    public int markerCount() {
        return markers.size();
    }

    public List<Marker> markers() {
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
        if (!Double.isFinite(min) || !Double.isFinite(max) || !(max > min)) {
            throw new IllegalArgumentException("need finite min < max, got min = " + min + ", max = " + max);
        }
        zoomMin = min;
        zoomMax = max;
        requestRedraw();
    }

    /** Shows all the data again. */
    public void resetZoom() {
        zoomMin = Double.NaN;
        zoomMax = Double.NaN;
        requestRedraw();
    }

    public boolean isZoomed() {
        return !Double.isNaN(zoomMin);
    }

    /** The x range drawn: {min, max} (a pending redraw is done first). FX thread only. */
    public double[] xAxisRange() {
        flushPendingRedraw();
        return frame == null ? new double[] {0, 1} : new double[] {frame.xMin, frame.xMax};
    }

    /** The y range drawn, in data units (not logs): {min, max} (a pending redraw is done first). FX thread only. */
    public double[] yAxisRange() {
        flushPendingRedraw();
        if (frame == null) {
            return new double[] {0, 1};
        }
        return frame.log ? new double[] {Math.pow(10, frame.yMin), Math.pow(10, frame.yMax)}
                : new double[] {frame.yMin, frame.yMax};
    }

    /** Where a data point lands in this node's coordinates in the last drawing. */
    public Point2D dataToLocal(double x, double y) {
        Frame f = frameOrDraw();
        return new Point2D(f.toPixelX(x), f.toPixelY(f.log ? Math.log10(y) : y));
    }

    /** The x value under a horizontal position in this node's coordinates. */
    public double localToDataX(double localX) {
        Frame f = frameOrDraw();
        return f.xMin + (localX - f.plotX) / f.plotW * (f.xMax - f.xMin);
    }

    // ---------------------------------------------------------------- redraw

    /**
     * Asks for a redraw in the next pulse; many requests before it cost one redraw. May be called
     * from any thread.
     */
    public void requestRedraw() {
        if (!Platform.isFxApplicationThread()) {
            if (crossThreadRequest.compareAndSet(false, true)) {
                Platform.runLater(() -> {
                    crossThreadRequest.set(false);
                    requestRedraw();
                });
            }
            return;
        }
        if (!redrawPending) {
            redrawPending = true;
            pulse.start();
        }
    }

    /**
     * The shortest time between two requested redraws (default 0: every pulse). A live chart fed
     * at every frame can draw at, say, 10 per second and leave the processor to training; a redraw
     * requested during the interval happens at its end, so nothing is lost.
     */
    public void setMinRedrawInterval(java.time.Duration interval) {
        minRedrawIntervalNanos = Math.max(0, interval.toNanos());
    }

    /** True while a requested redraw has not happened yet. */
    public boolean isRedrawPending() {
        return redrawPending;
    }

    /** How many times the chart has been drawn (for tests and benchmarks). */
    public long redrawCount() {
        return redrawCount;
    }

    /** Draws now, on the FX thread (normally {@link #requestRedraw()} is what you want). */
    public void redrawNow() {
        requireFxThread();
        redrawPending = false;
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        if (w < 1 || h < 1) {
            g.clearRect(0, 0, w, h);
            frame = null;
            return;
        }
        Map<Series, Decimator.Polyline> lines = new IdentityHashMap<>();
        for (Series s : series) {
            lines.put(s, s.screen);
        }
        frame = draw(g, w, h, 1, lines);
        leftMarginHint = frame.plotX;
        redrawCount++;
        updateHover();
        drawOverlay();
    }

    @Override
    protected double canvasSize(double regionSize, boolean horizontal) {
        return horizontal ? snapSizeX(regionSize) : snapSizeY(regionSize);
    }

    @Override
    protected void resized(double w, double h) {
        overlay.setWidth(w);
        overlay.setHeight(h);
        overlayBlank = false; // clear it for the new size whatever it held
        redrawNow(); // in the layout pass of this pulse: the new size never shows stale pixels
    }

    private void flushPendingRedraw() {
        requireFxThread();
        if (redrawPending && canvas.getWidth() >= 1 && canvas.getHeight() >= 1) {
            redrawNow();
        }
    }

    private Frame frameOrDraw() {
        requireFxThread();
        if (frame == null || redrawPending) {
            redrawNow();
        }
        if (frame == null) {
            throw new IllegalStateException("the chart has no size yet: lay it out first");
        }
        return frame;
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
        Canvas target = new Canvas(Math.round(w * scale), Math.round(h * scale));
        Map<Series, Decimator.Polyline> lines = new IdentityHashMap<>();
        for (Series s : series) {
            lines.put(s, new Decimator.Polyline());
        }
        draw(target.getGraphicsContext2D(), w, h, scale, lines);
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(Color.WHITE);
        return target.snapshot(params, null);
    }

    /**
     * Writes {@link #snapshot(double)} as a PNG. From the FX thread it runs there; from another
     * thread the image is taken on the FX thread and written on the caller's.
     */
    public void exportPng(Path file, double scale) throws IOException {
        Objects.requireNonNull(file, "file");
        Image image;
        if (Platform.isFxApplicationThread()) {
            image = snapshot(scale);
        } else {
            CompletableFuture<Image> future = new CompletableFuture<>();
            Platform.runLater(() -> {
                try {
                    future.complete(snapshot(scale));
                } catch (RuntimeException | Error e) {
                    future.completeExceptionally(e);
                }
            });
            try {
                image = future.get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while taking the chart's image for " + file, e);
            } catch (ExecutionException e) {
                throw new IOException("could not take the chart's image for " + file + ": " + e.getCause(),
                        e.getCause());
            } catch (TimeoutException e) {
                throw new IOException("the FX thread did not take the chart's image for " + file
                        + " within 30 s", e);
            }
        }
        Png.write(image, file);
    }

    // ---------------------------------------------------------------- hover

    /** What the hover box shows (x, then "name: y" per visible series), or empty when hidden. */
    public Optional<String> hoverText() {
        return hover == null ? Optional.empty() : Optional.of(hover.text);
    }

    private void onMove(double x, double y) {
        mouseX = x;
        mouseY = y;
        updateHover();
        drawOverlay();
    }

    private void onExit() {
        mouseX = Double.NaN;
        mouseY = Double.NaN;
        hover = null;
        drawOverlay();
    }

    private void updateHover() {
        hover = null;
        Frame f = frame;
        if (f == null || Double.isNaN(mouseX) || !f.contains(mouseX, mouseY)) {
            return;
        }
        double target = f.xMin + (mouseX - f.plotX) / f.plotW * (f.xMax - f.xMin);
        double bestX = Double.NaN;
        for (Series s : series) {
            int i = s.visible ? Decimator.nearest(s.data, target) : -1;
            if (i >= 0) {
                double x = s.data.x(i);
                if (Double.isNaN(bestX) || Math.abs(x - target) < Math.abs(bestX - target)) {
                    bestX = x;
                }
            }
        }
        if (Double.isNaN(bestX)) {
            return;
        }
        StringBuilder text = new StringBuilder("x = ").append(Ticks.formatValue(bestX));
        List<double[]> dots = new ArrayList<>();
        List<Color> dotColors = new ArrayList<>();
        int unnamed = 0;
        for (Series s : series) {
            if (!s.visible || s.data.isEmpty()) {
                continue;
            }
            int i = Decimator.nearest(s.data, bestX);
            double y = s.data.y(i);
            String name = s.name.isBlank() ? "series " + (++unnamed) : s.name;
            text.append('\n').append(name).append(": ").append(Ticks.formatValue(y));
            boolean drawable = f.log ? y > 0 && y < Double.POSITIVE_INFINITY : Double.isFinite(y);
            if (drawable) {
                dots.add(new double[] {f.toPixelX(s.data.x(i)), f.toPixelY(f.log ? Math.log10(y) : y)});
                dotColors.add(s.color);
            }
        }
        hover = new Hover(text.toString(), f.toPixelX(bestX), dots, dotColors);
    }

    /** Whether the overlay canvas (selection, hover box) is shown, for tests. */
    boolean overlayShown() {
        return overlay.isVisible();
    }

    /*
     * Without a selection or a hover box the overlay is left blank and hidden: a visible canvas the
     * size of the chart is blended over it at every frame the chart changes, and clearing it at
     * every redraw made it change each time (under the software renderer that was a large part of
     * a frame; see docs/PERFORMANCE.md, "The window").
     */
    private void drawOverlay() {
        double w = overlay.getWidth();
        double h = overlay.getHeight();
        GraphicsContext g = overlay.getGraphicsContext2D();
        Frame f = frame;
        boolean selecting = !Double.isNaN(dragStart) && !Double.isNaN(dragNow);
        if (f == null || (!selecting && hover == null)) {
            if (!overlayBlank) {
                g.clearRect(0, 0, w, h);
                overlayBlank = true;
            }
            overlay.setVisible(false);
            return;
        }
        g.clearRect(0, 0, w, h);
        overlayBlank = false;
        overlay.setVisible(true);
        if (selecting) {
            double a = clamp(Math.min(dragStart, dragNow), f.plotX, f.plotX + f.plotW);
            double b = clamp(Math.max(dragStart, dragNow), f.plotX, f.plotX + f.plotW);
            g.setFill(SELECTION);
            g.fillRect(a, f.plotY, b - a, f.plotH);
        }
        if (hover == null) {
            return;
        }
        g.save();
        g.beginPath();
        g.rect(f.plotX, f.plotY, f.plotW, f.plotH);
        g.clip();
        g.setStroke(HOVER_LINE);
        g.setLineWidth(1);
        g.setLineDashes(3, 3);
        double cx = Math.floor(hover.pixelX) + 0.5;
        g.strokeLine(cx, f.plotY, cx, f.plotY + f.plotH);
        double cy = Math.floor(mouseY) + 0.5;
        g.strokeLine(f.plotX, cy, f.plotX + f.plotW, cy);
        g.setLineDashes();
        for (int i = 0; i < hover.dots.size(); i++) {
            double[] p = hover.dots.get(i);
            g.setFill(Color.WHITE);
            g.fillOval(p[0] - 4, p[1] - 4, 8, 8);
            g.setStroke(hover.dotColors.get(i));
            g.setLineWidth(2);
            g.strokeOval(p[0] - 3.5, p[1] - 3.5, 7, 7);
        }
        g.restore();

        Font font = fonts.tick();
        String[] lines = hover.text.split("\n");
        double lineH = textHeight(font);
        double boxW = 0;
        for (String line : lines) {
            boxW = Math.max(boxW, textWidth(line, font));
        }
        boxW += 2 * 6;
        double boxH = lines.length * lineH + 2 * 5;
        double bx = mouseX + 14;
        double by = mouseY + 14;
        if (bx + boxW > w - 2) {
            bx = mouseX - 14 - boxW;
        }
        if (by + boxH > h - 2) {
            by = mouseY - 14 - boxH;
        }
        bx = Math.max(2, bx);
        by = Math.max(2, by);
        g.setFill(Color.rgb(255, 255, 255, 0.94));
        g.fillRoundRect(bx, by, boxW, boxH, 6, 6);
        g.setStroke(Color.rgb(180, 180, 180));
        g.setLineWidth(1);
        g.strokeRoundRect(Math.floor(bx) + 0.5, Math.floor(by) + 0.5, boxW, boxH, 6, 6);
        g.setFont(font);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFill(TEXT);
        for (int i = 0; i < lines.length; i++) {
            g.fillText(lines[i], bx + 6, by + 5 + i * lineH);
        }
    }

    // ---------------------------------------------------------------- mouse zoom

    private void onPress(MouseEvent e) {
        if (e.getButton() == MouseButton.PRIMARY && frame != null && frame.contains(e.getX(), e.getY())) {
            dragStart = e.getX();
            dragNow = Double.NaN;
        }
    }

    private void onDrag(MouseEvent e) {
        mouseX = e.getX();
        mouseY = e.getY();
        if (!Double.isNaN(dragStart)) {
            dragNow = e.getX();
        }
        updateHover();
        drawOverlay();
    }

    private void onRelease(MouseEvent e) {
        if (!Double.isNaN(dragStart) && frame != null && Math.abs(e.getX() - dragStart) >= MIN_DRAG_PIXELS) {
            Frame f = frame;
            double a = clamp(Math.min(dragStart, e.getX()), f.plotX, f.plotX + f.plotW);
            double b = clamp(Math.max(dragStart, e.getX()), f.plotX, f.plotX + f.plotW);
            double min = localToDataX(a);
            double max = localToDataX(b);
            if (max > min) {
                setXRange(min, max);
            }
        }
        dragStart = Double.NaN;
        dragNow = Double.NaN;
        drawOverlay();
    }

    private void onClick(MouseEvent e) {
        if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
            resetZoom();
        }
    }

    private void onScroll(ScrollEvent e) {
        Frame f = frame;
        if (f == null || e.getDeltaY() == 0 || !f.contains(e.getX(), e.getY())) {
            return;
        }
        double factor = Math.pow(ZOOM_PER_NOTCH, e.getDeltaY() / 40.0);
        double centre = localToDataX(e.getX());
        double min = centre - (centre - f.xMin) * factor;
        double max = centre + (f.xMax - centre) * factor;
        double[] full = fullXRange();
        if (full != null && min <= full[0] && max >= full[1]) {
            resetZoom();
        } else if (max - min > Math.ulp(centre) * 64) {
            setXRange(min, max);
        }
        e.consume();
    }

    // ---------------------------------------------------------------- drawing

    /** The x range of all visible data, or null when there is none. */
    private double[] fullXRange() {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            if (s.visible && !s.data.isEmpty()) {
                min = Math.min(min, s.data.firstX());
                max = Math.max(max, s.data.lastX());
            }
        }
        return min <= max ? new double[] {min, max} : null;
    }

    private Frame draw(GraphicsContext g, double w, double h, double scale, Map<Series, Decimator.Polyline> lines) {
        boolean log = logY.get();
        Font tickFont = fonts.tick();
        Font labelFont = fonts.label();
        Font titleFont = fonts.title();
        double tickH = textHeight(tickFont);
        double labelH = textHeight(labelFont);
        double titleH = title.isBlank() ? 0 : textHeight(titleFont);

        // header: title on the left, legend on the right (on a row of its own when both do not fit)
        List<Series> legend = new ArrayList<>();
        double legendW = 0;
        for (Series s : series) {
            if (s.visible && !s.legendName().isBlank()) {
                legend.add(s);
                legendW += (legendW > 0 ? 14 : 0) + 18 + 5 + textWidth(s.legendName(), labelFont);
            }
        }
        double titleW = title.isBlank() ? 0 : textWidth(title, titleFont);
        double rowH = Math.max(titleH, legend.isEmpty() ? 0 : labelH);
        boolean legendOwnRow = !legend.isEmpty() && titleW > 0 && titleW + 24 + legendW > w - 2 * PAD;
        // a legend on rows of its own wraps to the width instead of running off the left edge
        List<List<Series>> legendRows = new ArrayList<>();
        List<Double> legendRowW = new ArrayList<>();
        if (legendOwnRow) {
            double rowW = 0;
            List<Series> row = new ArrayList<>();
            for (Series s : legend) {
                double sw = 18 + 5 + textWidth(s.legendName(), labelFont);
                if (!row.isEmpty() && rowW + 14 + sw > w - 2 * PAD) {
                    legendRows.add(row);
                    legendRowW.add(rowW);
                    row = new ArrayList<>();
                    rowW = 0;
                }
                rowW += (row.isEmpty() ? 0 : 14) + sw;
                row.add(s);
            }
            legendRows.add(row);
            legendRowW.add(rowW);
        }
        double top = PAD + (rowH > 0 ? rowH + 6 : 4) + (legendOwnRow ? legendRows.size() * (labelH + 4) : 0);
        double bottom = TICK + 3 + tickH + (xLabel.isBlank() ? 0 : 4 + labelH) + PAD;
        double right = 18;
        double plotH = Math.max(1, h - top - bottom);

        // x range
        double[] full = fullXRange();
        double xMin;
        double xMax;
        if (!Double.isNaN(zoomMin)) {
            xMin = zoomMin;
            xMax = zoomMax;
        } else if (full == null) {
            xMin = 0;
            xMax = 1;
        } else if (full[1] > full[0]) {
            xMin = full[0];
            xMax = full[1];
        } else {
            double half = Math.max(0.5, Math.abs(full[0]) * 0.05);
            xMin = full[0] - half;
            xMax = full[0] + half;
        }

        // decimate with the last left margin, then again only if the y labels changed the margin
        double left = leftMarginHint;
        double plotW = Math.max(1, w - left - right);
        double[] yr = decimateAll(lines, xMin, xMax, plotW, scale, log);
        double yMin;
        double yMax;
        if (yr == null) {
            yMin = log ? -1 : 0;
            yMax = log ? 1 : 1;
        } else {
            yMin = log ? Math.log10(yr[0]) : yr[0];
            yMax = log ? Math.log10(yr[1]) : yr[1];
            if (yMax > yMin) {
                double margin = (yMax - yMin) * 0.05;
                yMin -= margin;
                yMax += margin;
            } else {
                double half = log ? 0.5 : yMin == 0 ? 1 : Math.abs(yMin) * 0.1;
                yMin -= half;
                yMax += half;
            }
        }
        int maxYTicks = Math.max(2, (int) (plotH / 42));
        List<Ticks.Tick> yTicks = log ? Ticks.log(yMin, yMax, maxYTicks) : Ticks.linear(yMin, yMax, maxYTicks);
        double yTickW = 0;
        for (Ticks.Tick t : yTicks) {
            yTickW = Math.max(yTickW, textWidth(t.label(), tickFont));
        }
        double newLeft = Math.ceil(PAD + (yLabel.isBlank() ? 0 : labelH + 6) + yTickW + TICK + 4);
        if (Math.abs(newLeft - left) > 0.5) {
            left = newLeft;
            plotW = Math.max(1, w - left - right);
            decimateAll(lines, xMin, xMax, plotW, scale, log);
        }
        Frame f = new Frame(w, h, left, top, plotW, plotH, xMin, xMax, yMin, yMax, log);

        double xTickLabelW = textWidth(Ticks.format(xMax, Ticks.niceStep(xMax - xMin, 8)), tickFont) + 28;
        int maxXTicks = Math.max(2, (int) (plotW / Math.max(60, xTickLabelW)));
        List<Ticks.Tick> xTicks = Ticks.linear(xMin, xMax, maxXTicks);

        // ---- paint
        // a full clear with no saved state lets the canvas drop the previous drawing's commands
        g.setTransform(1, 0, 0, 1, 0, 0);
        g.clearRect(0, 0, w * scale, h * scale);
        g.save();
        g.setTransform(scale, 0, 0, scale, 0, 0);
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setLineCap(StrokeLineCap.BUTT);
        g.setLineDashes();

        // grid
        g.setStroke(GRID);
        g.setLineWidth(1);
        for (Ticks.Tick t : xTicks) {
            double px = crisp(f.toPixelX(t.value()), scale);
            g.strokeLine(px, top, px, top + plotH);
        }
        for (Ticks.Tick t : yTicks) {
            double py = crisp(f.toPixelY(log ? Math.log10(t.value()) : t.value()), scale);
            g.strokeLine(left, py, left + plotW, py);
        }

        // series, clipped to the plot
        g.save();
        g.beginPath();
        g.rect(left, top, plotW, plotH);
        g.clip();
        for (Series s : series) {
            if (s.visible) {
                strokeSeries(g, f, s, lines.get(s), scale);
            }
        }
        g.setGlobalAlpha(1);
        g.setLineDashes();
        g.setLineCap(StrokeLineCap.BUTT);
        g.setLineJoin(StrokeLineJoin.MITER);
        drawMarkers(g, f, scale, tickFont, tickH);
        g.restore();

        // axes
        g.setStroke(AXIS);
        g.setLineWidth(1);
        double axisX = crisp(left, scale);
        double axisY = crisp(top + plotH, scale);
        g.strokeLine(axisX, top, axisX, axisY);
        g.strokeLine(axisX, axisY, left + plotW, axisY);
        g.setFont(tickFont);
        g.setFill(TEXT);
        g.setTextBaseline(VPos.TOP);
        for (Ticks.Tick t : xTicks) {
            double px = crisp(f.toPixelX(t.value()), scale);
            g.strokeLine(px, axisY, px, axisY + TICK);
            double lw = textWidth(t.label(), tickFont);
            double lx = clamp(px - lw / 2, 2, w - 2 - lw);
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(t.label(), lx, axisY + TICK + 2);
        }
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.RIGHT);
        for (Ticks.Tick t : yTicks) {
            double py = crisp(f.toPixelY(log ? Math.log10(t.value()) : t.value()), scale);
            g.strokeLine(axisX - TICK, py, axisX, py);
            g.fillText(t.label(), axisX - TICK - 3, py);
        }

        // axis labels
        g.setFont(labelFont);
        if (!xLabel.isBlank()) {
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.BOTTOM);
            g.fillText(xLabel, left + plotW / 2, h - PAD + 2);
        }
        if (!yLabel.isBlank()) {
            g.save();
            g.translate(PAD, top + plotH / 2);
            g.rotate(-90);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.TOP);
            g.fillText(yLabel, 0, 0);
            g.restore();
        }

        // title and legend
        g.setTextBaseline(VPos.CENTER);
        double rowMid = PAD + rowH / 2;
        if (!title.isBlank()) {
            g.setFont(titleFont);
            g.setTextAlign(TextAlignment.LEFT);
            g.setFill(Color.rgb(30, 30, 30));
            g.fillText(title, PAD, rowMid);
        }
        if (!legendOwnRow) {
            legendRows.add(legend);
            legendRowW.add(legendW);
        }
        for (int row = 0; row < legendRows.size() && !legend.isEmpty(); row++) {
            double ly = legendOwnRow ? PAD + rowH + 4 + labelH / 2 + row * (labelH + 4) : rowMid;
            double lx = Math.max(PAD, w - PAD - legendRowW.get(row));
            g.setFont(labelFont);
            g.setTextAlign(TextAlignment.LEFT);
            for (Series s : legendRows.get(row)) {
                g.setStroke(s.color);
                g.setGlobalAlpha(Math.max(0.35, s.opacity));
                g.setLineWidth(Math.min(4, Math.max(2, s.lineWidth)));
                if (s.dashed) {
                    g.setLineDashes(4, 3);
                }
                g.strokeLine(lx, ly, lx + 18, ly);
                g.setLineDashes();
                g.setGlobalAlpha(1);
                g.setFill(TEXT);
                g.fillText(s.legendName(), lx + 23, ly);
                lx += 18 + 5 + textWidth(s.legendName(), labelFont) + 14;
            }
        }
        g.restore();
        return f;
    }

    /** Decimates every visible series; returns the y range {min, max} of the visible points, or null. */
    private double[] decimateAll(Map<Series, Decimator.Polyline> lines, double xMin, double xMax, double plotW,
            double scale, boolean log) {
        int columns = Math.max(1, (int) Math.ceil(plotW * scale));
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double outsideMin = Double.POSITIVE_INFINITY;
        double outsideMax = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            Decimator.Polyline p = lines.get(s);
            if (!s.visible) {
                p.clear();
                continue;
            }
            Decimator.decimate(s.data, xMin, xMax, columns, log, p);
            for (int i = 0, n = p.size(); i < n; i++) {
                double x = p.x(i);
                double y = p.y(i);
                if (x >= 0 && x <= columns) { // the neighbours outside the range do not set the y range
                    min = Math.min(min, y);
                    max = Math.max(max, y);
                } else {
                    outsideMin = Math.min(outsideMin, y);
                    outsideMax = Math.max(outsideMax, y);
                }
            }
        }
        if (min <= max) {
            return new double[] {min, max};
        }
        // zoomed into a gap between two points: range to the segment that crosses the plot
        return outsideMin <= outsideMax ? new double[] {outsideMin, outsideMax} : null;
    }

    private static void strokeSeries(GraphicsContext g, Frame f, Series s, Decimator.Polyline p, double scale) {
        int n = p.size();
        if (n == 0) {
            return;
        }
        g.setGlobalAlpha(s.opacity);
        g.setStroke(s.color);
        g.setFill(s.color);
        g.setLineWidth(s.lineWidth);
        if (s.dashed) {
            g.setLineDashes(s.lineWidth * 4, s.lineWidth * 3);
        } else {
            g.setLineDashes();
        }
        double x0 = f.plotX;
        double columnsPerPixel = scale;
        if (n == 1) {
            double px = x0 + p.x(0) / columnsPerPixel;
            double py = f.toPixelY(f.log ? Math.log10(p.y(0)) : p.y(0));
            double r = Math.max(1.5, s.lineWidth);
            g.fillOval(px - r, py - r, 2 * r, 2 * r);
            return;
        }
        // a dense (decimated) line is a zigzag of thousands of short segments: bevel joins rasterise
        // it about twice as fast in software; a sparse line (per epoch) gets round joins
        boolean dense = n > f.plotW;
        g.setLineJoin(dense ? StrokeLineJoin.BEVEL : StrokeLineJoin.ROUND);
        g.setLineCap(dense ? StrokeLineCap.BUTT : StrokeLineCap.ROUND);
        g.beginPath();
        for (int i = 0; i < n; i++) {
            double px = x0 + p.x(i) / columnsPerPixel;
            double py = f.toPixelY(f.log ? Math.log10(p.y(i)) : p.y(i));
            if (i == 0) {
                g.moveTo(px, py);
            } else {
                g.lineTo(px, py);
            }
        }
        g.stroke();
    }

    private void drawMarkers(GraphicsContext g, Frame f, double scale, Font font, double fontH) {
        if (markers.isEmpty()) {
            return;
        }
        List<Marker> visible = new ArrayList<>();
        for (Marker m : markers) {
            if (m.x() >= f.xMin && m.x() <= f.xMax) {
                visible.add(m);
            }
        }
        visible.sort((a, b) -> Double.compare(a.x(), b.x()));
        double[] starts = new double[visible.size()];
        double[] widths = new double[visible.size()];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = f.toPixelX(visible.get(i).x()) + 3;
            widths[i] = visible.get(i).label().isBlank() ? 0 : textWidth(visible.get(i).label(), font) + 6;
        }
        int[] rows = MarkerLayout.rows(starts, widths, MARKER_ROWS, 2);
        g.setLineWidth(1.5);
        for (Marker m : visible) {
            double px = crisp(f.toPixelX(m.x()), scale);
            g.setStroke(m.color());
            g.strokeLine(px, f.plotY, px, f.plotY + f.plotH);
        }
        g.setFont(font);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        for (int i = 0; i < starts.length; i++) {
            Marker m = visible.get(i);
            if (m.label().isBlank()) {
                continue;
            }
            double ly = f.plotY + 2 + rows[i] * (fontH + 3);
            double lx = Math.min(starts[i], f.plotX + f.plotW - widths[i]);
            g.setFill(Color.rgb(255, 255, 255, 0.85));
            g.fillRect(lx, ly, widths[i], fontH + 1);
            g.setFill(m.color().deriveColor(0, 1, 0.75, 1));
            g.fillText(m.label(), lx + 3, ly);
        }
    }

    // ---------------------------------------------------------------- helpers

    /** A 1-pixel line centred on a device pixel at this scale. */
    private static double crisp(double v, double scale) {
        return (Math.floor(v * scale) + 0.5) / scale;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static double checkOpacity(double opacity) {
        if (!(opacity >= 0 && opacity <= 1)) {
            throw new IllegalArgumentException("opacity must be in [0, 1], got " + opacity);
        }
        return opacity;
    }

    private double textWidth(String s, Font font) {
        // laying out a Text costs tens of microseconds; tick labels repeat from frame to frame
        Map<String, Double> widths = textWidths.computeIfAbsent(font, k -> new java.util.HashMap<>());
        Double cached = widths.get(s);
        if (cached != null) {
            return cached;
        }
        if (widths.size() > 2_000) {
            widths.clear();
        }
        measurer.setFont(font);
        measurer.setText(s);
        double width = measurer.getLayoutBounds().getWidth();
        widths.put(s, width);
        return width;
    }

    private double textHeight(Font font) {
        measurer.setFont(font);
        measurer.setText("Xg");
        return Math.ceil(measurer.getLayoutBounds().getHeight());
    }

    private static void requireFxThread() {
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException("call this on the JavaFX application thread, not "
                    + Thread.currentThread().getName());
        }
    }

    /** The fonts, derived from the default font once. */
    private static final class Fonts {
        private Font tick;
        private Font label;
        private Font title;

        Font tick() {
            init();
            return tick;
        }

        Font label() {
            init();
            return label;
        }

        Font title() {
            init();
            return title;
        }

        private void init() {
            if (tick == null) {
                Font base = Font.getDefault();
                tick = Font.font(base.getFamily(), Math.max(9, base.getSize() - 1));
                label = base;
                title = Font.font(base.getFamily(), FontWeight.BOLD, base.getSize() + 2);
            }
        }
    }

    /** The geometry and ranges of one drawing; y in axis units (log10 of y on a log axis). */
    private static final class Frame {
        final double width;
        final double height;
        final double plotX;
        final double plotY;
        final double plotW;
        final double plotH;
        final double xMin;
        final double xMax;
        final double yMin;
        final double yMax;
        final boolean log;

        Frame(double width, double height, double plotX, double plotY, double plotW, double plotH, double xMin,
                double xMax, double yMin, double yMax, boolean log) {
            this.width = width;
            this.height = height;
            this.plotX = plotX;
            this.plotY = plotY;
            this.plotW = plotW;
            this.plotH = plotH;
            this.xMin = xMin;
            this.xMax = xMax;
            this.yMin = yMin;
            this.yMax = yMax;
            this.log = log;
        }

        double toPixelX(double x) {
            return plotX + (x - xMin) / (xMax - xMin) * plotW;
        }

        double toPixelY(double axisY) {
            return plotY + plotH - (axisY - yMin) / (yMax - yMin) * plotH;
        }

        boolean contains(double x, double y) {
            return x >= plotX && x <= plotX + plotW && y >= plotY && y <= plotY + plotH;
        }
    }

    private record Hover(String text, double pixelX, List<double[]> dots, List<Color> dotColors) {
    }
}
