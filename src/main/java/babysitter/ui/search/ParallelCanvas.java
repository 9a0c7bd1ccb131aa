package babysitter.ui.search;

import babysitter.plot.Ticks;
import babysitter.ui.fx.ResizableCanvasPane;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Parallel coordinates: a vertical axis per hyperparameter on its own scale and, last, the best dev
 * accuracy; a line per trial coloured from blue (worst) to red (best). Drag along an axis to brush a
 * range of it (the callback gets the axis name and the range in [0, 1], 0 at the bottom);
 * double-click near an axis to clear its brush. Brushed-out trials are drawn faint.
 */
public final class ParallelCanvas extends ResizableCanvasPane {
    static final double LEFT = 40;
    static final double RIGHT = 56;
    static final double TOP = 14;
    static final double BOTTOM = 34;
    private static final Color AXIS = Color.rgb(90, 90, 90);
    private static final Color TEXT = Color.rgb(50, 50, 50);
    private static final Color BRUSH = Color.rgb(60, 120, 220, 0.22);

    /** Receives a brushed range of one axis. */
    @FunctionalInterface
    public interface BrushHandler {
        void brushed(String axis, double lo, double hi);
    }

    private final Canvas canvas = canvas();
    private ParallelData data;
    private int dragAxis = -1;
    private double dragStart = Double.NaN;
    private double dragNow = Double.NaN;
    private BrushHandler onBrush = (a, lo, hi) -> { };
    private Consumer<String> onClear = a -> { };

    public ParallelCanvas() {
        getStyleClass().add("parallel-canvas");
        setPrefSize(600, 260);
        setMinSize(240, 160);
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            dragAxis = nearestAxis(e.getX());
            dragStart = e.getY();
            dragNow = e.getY();
        });
        addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            dragNow = e.getY();
            paint();
        });
        addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            dragNow = e.getY(); // the release may come without a drag event at its place
            if (dragAxis >= 0 && data != null && Math.abs(dragNow - dragStart) >= 3) {
                onBrush.brushed(data.axes().get(dragAxis).name(), localYToUnit(dragStart), localYToUnit(dragNow));
            }
            dragAxis = -1;
            paint();
        });
        addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            int axis = nearestAxis(e.getX());
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && axis >= 0) {
                onClear.accept(data.axes().get(axis).name());
            }
        });
    }

    public void show(ParallelData d) {
        data = d;
        paint();
    }

    public ParallelData data() {
        return data;
    }

    public void setOnBrush(BrushHandler onBrush) {
        this.onBrush = onBrush;
    }

    public void setOnClearBrush(Consumer<String> onClear) {
        this.onClear = onClear;
    }

    /** The local x of axis i. */
    public double axisX(int i) {
        int n = data == null ? 1 : data.axes().size();
        double w = Math.max(1, canvas.getWidth() - LEFT - RIGHT);
        return n <= 1 ? LEFT + w / 2 : LEFT + i * w / (n - 1);
    }

    /** The local y of a position in [0, 1] (0 at the bottom). */
    public double unitToLocalY(double u) {
        return TOP + (1 - u) * Math.max(1, canvas.getHeight() - TOP - BOTTOM);
    }

    double localYToUnit(double y) {
        return Math.max(0, Math.min(1, 1 - (y - TOP) / Math.max(1, canvas.getHeight() - TOP - BOTTOM)));
    }

    private int nearestAxis(double x) {
        if (data == null) {
            return -1;
        }
        for (int i = 0; i < data.axes().size(); i++) {
            if (Math.abs(axisX(i) - x) <= 14) {
                return i;
            }
        }
        return -1;
    }

    @Override
    protected void resized(double w, double h) {
        paint();
    }

    private void paint() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        if (data == null || data.axes().isEmpty() || w < 60 || h < 60) {
            return;
        }
        List<ParallelData.Axis> axes = data.axes();
        boolean anyChosen = data.lines().stream().anyMatch(ParallelData.Line::chosen);
        boolean brushing = axes.stream().anyMatch(a -> a.brush() != null);
        for (int i = 0; i < axes.size(); i++) {
            double[] b = axes.get(i).brush();
            if (b != null) {
                g.setFill(BRUSH);
                double y0 = unitToLocalY(b[1]);
                g.fillRect(axisX(i) - 7, y0, 14, unitToLocalY(b[0]) - y0);
            }
        }
        for (ParallelData.Line l : data.lines()) {
            double[] p = l.positions();
            Color c = l.best() ? Color.web("#d62728") : l.selected() ? Color.web("#ff7f0e")
                    : Color.hsb(240 * (1 - l.colour()), 0.75, 0.85);
            double alpha = l.best() || l.selected() || l.chosen() ? 0.95 : brushing || anyChosen ? 0.12 : 0.55;
            g.setStroke(c.deriveColor(0, 1, 1, alpha));
            g.setLineWidth(l.best() || l.selected() ? 2.4 : l.chosen() ? 1.6 : 1.1);
            g.beginPath();
            for (int i = 0; i < p.length && i < axes.size(); i++) {
                double x = axisX(i);
                double y = unitToLocalY(Math.max(0, Math.min(1, p[i])));
                if (i == 0) {
                    g.moveTo(x, y);
                } else {
                    g.lineTo(x, y);
                }
            }
            g.stroke();
        }
        g.setFont(Font.font(10));
        g.setLineWidth(1);
        for (int i = 0; i < axes.size(); i++) {
            double x = Math.round(axisX(i)) + 0.5;
            g.setStroke(AXIS);
            g.strokeLine(x, TOP, x, unitToLocalY(0));
            g.setFill(TEXT);
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.CENTER);
            double lastY = Double.POSITIVE_INFINITY;
            for (Ticks.Tick t : axes.get(i).ticks()) {
                double y = unitToLocalY(t.value());
                if (lastY - y >= 12) {
                    g.strokeLine(x - 3, y, x, y);
                    g.fillText(t.label(), x + 3, y);
                    lastY = y;
                }
            }
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.TOP);
            // a parameter by its name in the space (its scale is on the scatters), the objective by its label
            ParallelData.Axis axis = axes.get(i);
            String name = ParallelData.OBJECTIVE.equals(axis.name()) ? axis.label() : axis.name();
            g.fillText(name, Math.min(w - 40, Math.max(40, x)), unitToLocalY(0) + 6);
        }
        if (dragAxis >= 0 && !Double.isNaN(dragStart)) {
            g.setFill(BRUSH);
            g.fillRect(axisX(dragAxis) - 7, Math.min(dragStart, dragNow), 14, Math.abs(dragNow - dragStart));
        }
    }
}
