package babysitter.ui.search;

import babysitter.plot.Ticks;
import babysitter.ui.fx.ResizableCanvasPane;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.IntConsumer;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * One hyperparameter's scatter: dev accuracy against the hyperparameter on its own scale (x in
 * unit coordinates, ticks labelled in values). Drag across it to brush a range (the callback gets
 * the unit range), double-click to clear the brush, click a point to select its trial.
 */
public final class ScatterCanvas extends ResizableCanvasPane {
    static final double LEFT = 46;
    static final double RIGHT = 12;
    static final double TOP = 20;
    static final double BOTTOM = 34;
    private static final double PICK_PIXELS = 7;
    /** Room inside the frame at both ends of x, so that points at the ends of a range are not cut. */
    private static final double INSET = 8;
    private static final Color GRID = Color.rgb(235, 235, 235);
    private static final Color AXIS = Color.rgb(90, 90, 90);
    private static final Color TEXT = Color.rgb(50, 50, 50);
    private static final Color POINT = Color.web("#1f77b4");
    private static final Color BEST = Color.web("#d62728");
    private static final Color SELECTED = Color.web("#ff7f0e");
    private static final Color BRUSH = Color.rgb(60, 120, 220, 0.15);

    private final Canvas canvas = canvas();
    private ScatterData data;
    private double dragStartX = Double.NaN;
    private double dragNowX = Double.NaN;
    private double dragStartY = Double.NaN;
    private double dragNowY = Double.NaN;
    private BiConsumer<Double, Double> onBrush = (a, b) -> { };
    private Runnable onClearBrush = () -> { };
    private IntConsumer onSelect = id -> { };

    public ScatterCanvas() {
        getStyleClass().add("scatter-canvas");
        setPrefSize(300, 220);
        setMinSize(180, 150);
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::onPress);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDrag);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::onRelease);
        addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                onClearBrush.run();
            }
        });
    }

    /** Shows {@code d} (or nothing for null). */
    public void show(ScatterData d) {
        data = d;
        paint();
    }

    public ScatterData data() {
        return data;
    }

    /** Called with the brushed unit range {lo, hi} when a drag ends. */
    public void setOnBrush(BiConsumer<Double, Double> onBrush) {
        this.onBrush = onBrush;
    }

    public void setOnClearBrush(Runnable onClearBrush) {
        this.onClearBrush = onClearBrush;
    }

    /** Called with a trial's id when its point is clicked. */
    public void setOnSelect(IntConsumer onSelect) {
        this.onSelect = onSelect;
    }

    /** The local x of a unit coordinate. */
    public double unitToLocalX(double u) {
        return LEFT + INSET + u * (plotWidth() - 2 * INSET);
    }

    /** The unit coordinate of a local x (not clamped). */
    public double localXToUnit(double x) {
        return (x - LEFT - INSET) / Math.max(1, plotWidth() - 2 * INSET);
    }

    /** The local y of an accuracy. */
    public double valueToLocalY(double y) {
        double lo = data == null ? 0 : data.yMin();
        double hi = data == null ? 1 : data.yMax();
        return TOP + (hi - y) / (hi - lo) * plotHeight();
    }

    private double plotWidth() {
        return Math.max(1, canvas.getWidth() - LEFT - RIGHT);
    }

    private double plotHeight() {
        return Math.max(1, canvas.getHeight() - TOP - BOTTOM);
    }

    @Override
    protected void resized(double w, double h) {
        paint();
    }

    private void paint() {
        GraphicsContext g = blankPicture();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        if (data == null || w < 40 || h < 40) {
            return;
        }
        double pw = plotWidth();
        double ph = plotHeight();
        g.setFont(Font.font(null, FontWeight.BOLD, 12));
        g.setFill(TEXT);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.fillText(data.param(), LEFT + pw / 2, 3);

        // brush (behind the points)
        double[] brush = data.brush();
        if (brush != null) {
            double x0 = unitToLocalX(Math.max(0, Math.min(1, brush[0])));
            double x1 = unitToLocalX(Math.max(0, Math.min(1, brush[1])));
            g.setFill(BRUSH);
            g.fillRect(Math.min(x0, x1), TOP, Math.abs(x1 - x0), ph);
        }

        // y grid and labels
        g.setFont(Font.font(11));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        g.setLineWidth(1);
        for (Ticks.Tick t : Ticks.linear(data.yMin(), data.yMax(), Math.max(2, (int) (ph / 30)))) {
            if (t.value() > 1 + 1e-9) {
                continue; // no accuracy above 1
            }
            double y = Math.round(valueToLocalY(t.value())) + 0.5;
            g.setStroke(GRID);
            g.strokeLine(LEFT, y, LEFT + pw, y);
            g.setFill(TEXT);
            g.fillText(t.label(), LEFT - 5, y);
        }
        // x ticks: thinned so that labels do not overlap
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        List<Ticks.Tick> ticks = data.xTicks();
        double lastRight = Double.NEGATIVE_INFINITY;
        for (Ticks.Tick t : ticks) {
            double x = Math.round(unitToLocalX(t.value())) + 0.5;
            g.setStroke(GRID);
            g.strokeLine(x, TOP, x, TOP + ph);
            double half = textWidth(t.label()) / 2;
            double lx = Math.min(w - 1 - half, Math.max(half + 1, x)); // labels at the ends stay inside
            if (lx - half > lastRight + 4) {
                g.setStroke(AXIS);
                g.strokeLine(x, TOP + ph, x, TOP + ph + 4);
                g.setFill(TEXT);
                g.fillText(t.label(), lx, TOP + ph + 5);
                lastRight = lx + half;
            }
        }
        g.setStroke(AXIS);
        g.strokeRect(LEFT + 0.5, TOP + 0.5, pw, ph);
        g.setFill(Color.rgb(90, 90, 90));
        g.setTextBaseline(VPos.BOTTOM);
        // a long axis title ("momentum (log axis of 1 − momentum)") is set smaller rather than cut at the edges
        double size = titleSize(textWidth(data.xLabel(), 11), w - 4);
        g.setFont(Font.font(size));
        g.fillText(data.xLabel(), titleCentre(textWidth(data.xLabel(), size), w, LEFT + pw / 2), h - 1);
        g.setFont(Font.font(11));

        // points: ordinary, then in-brush, then selected and best on top
        for (int pass = 0; pass < 3; pass++) {
            for (ScatterData.Point p : data.points()) {
                int layer = p.best() || p.selected() ? 2 : p.inBrush() ? 1 : 0;
                if (layer != pass) {
                    continue;
                }
                double x = unitToLocalX(p.x());
                double y = valueToLocalY(Math.max(data.yMin(), Math.min(data.yMax(), p.y())));
                double r = p.best() || p.selected() ? 5 : 3.5;
                Color c = p.best() ? BEST : p.selected() ? SELECTED : POINT;
                g.setFill(c.deriveColor(0, 1, 1, pass == 0 && brush != null ? 0.35 : 0.8));
                if (p.grid()) {
                    double q = r * 0.9; // a grid's trials are squares: they stack up in columns
                    g.fillRect(x - q, y - q, 2 * q, 2 * q);
                } else {
                    g.fillOval(x - r, y - r, 2 * r, 2 * r);
                }
                if (p.selected()) {
                    g.setStroke(Color.BLACK);
                    g.setLineWidth(1.5);
                    g.strokeOval(x - r - 1.5, y - r - 1.5, 2 * r + 3, 2 * r + 3);
                    g.setLineWidth(1);
                }
            }
        }
        // the rectangle being dragged
        if (!Double.isNaN(dragNowX)) {
            g.setStroke(Color.rgb(60, 120, 220));
            g.setLineDashes(4, 3);
            g.strokeRect(Math.min(dragStartX, dragNowX), Math.min(dragStartY, dragNowY),
                    Math.abs(dragNowX - dragStartX), Math.abs(dragNowY - dragStartY));
            g.setLineDashes();
        }
    }

    private final Text measurer = new Text();

    private double textWidth(String s) {
        return textWidth(s, 11);
    }

    private double textWidth(String s, double size) {
        measurer.setFont(Font.font(size));
        measurer.setText(s);
        return measurer.getLayoutBounds().getWidth();
    }

    /** The font size of an axis title {@code widthAt11} wide at size 11 that fits in {@code room}: 11 or less, not below 8. */
    static double titleSize(double widthAt11, double room) {
        return widthAt11 <= room ? 11 : Math.max(8, Math.floor(11 * room / widthAt11));
    }

    /** Where a title {@code width} wide is centred: under the plot, moved in so that neither end is cut. */
    static double titleCentre(double width, double canvasWidth, double plotCentre) {
        return Math.min(canvasWidth - width / 2 - 2, Math.max(width / 2 + 2, plotCentre));
    }

    private void onPress(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        dragStartX = e.getX();
        dragStartY = e.getY();
        dragNowX = Double.NaN;
    }

    private void onDrag(MouseEvent e) {
        if (Double.isNaN(dragStartX)) {
            return;
        }
        dragNowX = Math.max(LEFT, Math.min(LEFT + plotWidth(), e.getX()));
        dragNowY = Math.max(TOP, Math.min(TOP + plotHeight(), e.getY()));
        paint();
    }

    private void onRelease(MouseEvent e) {
        if (Double.isNaN(dragStartX)) {
            return;
        }
        double start = dragStartX;
        double end = dragNowX;
        dragStartX = Double.NaN;
        dragNowX = Double.NaN;
        if (!Double.isNaN(end) && Math.abs(end - start) >= 4) {
            double a = Math.max(0, Math.min(1, localXToUnit(Math.min(start, end))));
            double b = Math.max(0, Math.min(1, localXToUnit(Math.max(start, end))));
            paint();
            onBrush.accept(a, b);
        } else {
            paint();
            pick(e.getX(), e.getY());
        }
    }

    private void pick(double x, double y) {
        if (data == null) {
            return;
        }
        ScatterData.Point nearest = null;
        double best = PICK_PIXELS * PICK_PIXELS;
        for (ScatterData.Point p : data.points()) {
            double dx = unitToLocalX(p.x()) - x;
            double dy = valueToLocalY(p.y()) - y;
            double d = dx * dx + dy * dy;
            if (d <= best) {
                best = d;
                nearest = p;
            }
        }
        if (nearest != null) {
            onSelect.accept(nearest.trialId());
        }
    }
}
