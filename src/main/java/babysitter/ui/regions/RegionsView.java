package babysitter.ui.regions;

import babysitter.i18n.Texts;
import babysitter.plot.Ticks;
import babysitter.session.reports.Report;
import babysitter.ui.chart.FxColors;
import java.util.Locale;
import java.util.Objects;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * The decision regions as a canvas: each grid cell in its class's colour (the setup preview's
 * palette) over white, its opacity proportional to the class's probability, and the training
 * points on top with a dark outline, and the data coordinates ticked just inside the bottom and
 * left edges. The grid fills the canvas, row 0 at the top. It rebuilds the
 * map only when its view-model receives a new report; moving the mouse only repaints the cached
 * map with a box describing the point (true class, probability bars, the predicted class in bold)
 * or the grid cell under the mouse.
 */
public final class RegionsView extends Canvas {
    static final double SIZE = 260;
    /** The opacity of a cell whose class has probability 1. */
    static final double MAX_ALPHA = 0.6;
    private static final double POINT_RADIUS = 2.5;
    private static final Color OUTLINE = Color.web("#222222");
    private static final Font FONT = Font.font("System", 11);
    private static final Font BOLD = Font.font("System", FontWeight.BOLD, 11);
    private static final Font TICK_FONT = Font.font("System", 9);
    private static final Color AXIS = Color.web("#444444");
    private static final double LINE = 14;
    private static final double BAR = 60;

    private final RegionsViewModel vm;
    private WritableImage map;
    private int redraws;

    public RegionsView(RegionsViewModel vm) {
        super(SIZE, SIZE);
        this.vm = Objects.requireNonNull(vm, "vm");
        setId("regionsCanvas");
        vm.reportProperty().addListener((o, a, r) -> draw(r));
        vm.hoverProperty().addListener((o, a, h) -> paint());
        setOnMouseMoved(e -> vm.hover(e.getX(), e.getY(), getWidth(), getHeight()));
        setOnMouseDragged(e -> vm.hover(e.getX(), e.getY(), getWidth(), getHeight()));
        setOnMouseExited(e -> vm.clearHover());
        draw(vm.reportProperty().get());
    }

    /** The colour of a cell of class {@code cls} whose probability is {@code confidence}, over white. */
    static Color cellColour(int cls, double confidence) {
        double a = MAX_ALPHA * Math.max(0, Math.min(1, confidence));
        Color c = FxColors.ofClass(cls);
        return Color.color(1 - a + a * c.getRed(), 1 - a + a * c.getGreen(), 1 - a + a * c.getBlue());
    }

    /** How many times the map was rebuilt (for tests: once per new report, not per mouse move). */
    int redraws() {
        return redraws;
    }

    private void draw(Report.RegionsReport r) {
        redraws++;
        map = null;
        if (r != null) {
            int gw = r.width();
            int gh = r.height();
            map = new WritableImage(gw, gh);
            PixelWriter px = map.getPixelWriter();
            for (int row = 0; row < gh; row++) {
                for (int col = 0; col < gw; col++) {
                    px.setColor(col, row, cellColour(r.classAt(row, col), r.confidenceAt(row, col)));
                }
            }
        }
        paint();
    }

    private void paint() {
        Report.RegionsReport r = vm.reportProperty().get();
        GraphicsContext g = getGraphicsContext2D();
        double w = getWidth();
        double h = getHeight();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        if (r == null || map == null) {
            return;
        }
        g.setImageSmoothing(false);
        g.drawImage(map, 0, 0, w, h);

        float[] xs = r.pointsX();
        float[] ys = r.pointsY();
        int[] labels = r.pointLabels();
        double sx = w / (r.xMax() - r.xMin());
        double sy = h / (r.yMax() - r.yMin());
        g.setStroke(OUTLINE);
        g.setLineWidth(0.8);
        for (int i = 0; i < labels.length; i++) {
            double x = (xs[i] - r.xMin()) * sx;
            double y = (r.yMax() - ys[i]) * sy;
            g.setFill(FxColors.ofClass(labels[i]));
            g.fillOval(x - POINT_RADIUS, y - POINT_RADIUS, 2 * POINT_RADIUS, 2 * POINT_RADIUS);
            g.strokeOval(x - POINT_RADIUS, y - POINT_RADIUS, 2 * POINT_RADIUS, 2 * POINT_RADIUS);
        }
        axes(g, r, w, h);
        RegionsViewModel.Hover hover = vm.hoverProperty().get();
        if (hover instanceof RegionsViewModel.PointHover p) {
            double x = (p.x() - r.xMin()) * sx;
            double y = (r.yMax() - p.y()) * sy;
            g.setStroke(Color.BLACK);
            g.setLineWidth(1.5);
            double ring = POINT_RADIUS + 3;
            g.strokeOval(x - ring, y - ring, 2 * ring, 2 * ring);
            pointBox(g, p, x, y, w, h);
        } else if (hover instanceof RegionsViewModel.CellHover c) {
            String[] lines = {coordinates(c.x(), c.y()),
                Texts.get("regions.predicted", c.className(), RegionsViewModel.percent(c.confidence()))};
            double bw = 8 + Math.max(textWidth(lines[0], FONT), textWidth(lines[1], FONT));
            double bh = 8 + LINE * lines.length;
            double[] at = place(c.px(), c.py(), bw, bh, w, h);
            frame(g, at[0], at[1], bw, bh);
            g.setFill(Color.BLACK);
            g.setFont(FONT);
            for (int i = 0; i < lines.length; i++) {
                g.fillText(lines[i], at[0] + 4, at[1] + 4 + i * LINE);
            }
        }
    }

    /** Tick marks and labels of the data coordinates just inside the bottom and left edges. */
    private static void axes(GraphicsContext g, Report.RegionsReport r, double w, double h) {
        double sx = w / (r.xMax() - r.xMin());
        double sy = h / (r.yMax() - r.yMin());
        g.setFont(TICK_FONT);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        for (Ticks.Tick t : Ticks.linear(r.xMin(), r.xMax(), 5)) {
            double x = (t.value() - r.xMin()) * sx;
            if (x < 12 || x > w - 12) {
                continue;
            }
            tick(g, x, h, x, h - 4, t.label(), x, h - 4);
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (Ticks.Tick t : Ticks.linear(r.yMin(), r.yMax(), 5)) {
            double y = (r.yMax() - t.value()) * sy;
            if (y < 8 || y > h - 18) {
                continue;
            }
            tick(g, 0, y, 4, y, t.label(), 6, y);
        }
    }

    private static void tick(GraphicsContext g, double x0, double y0, double x1, double y1, String label, double tx,
                             double ty) {
        g.setStroke(AXIS);
        g.setLineWidth(1);
        g.strokeLine(x0, y0, x1, y1);
        g.setStroke(Color.color(1, 1, 1, 0.8));
        g.setLineWidth(2.5);
        g.strokeText(label, tx, ty);
        g.setFill(AXIS);
        g.fillText(label, tx, ty);
    }

    private void pointBox(GraphicsContext g, RegionsViewModel.PointHover p, double x, double y, double w,
                          double h) {
        int c = p.probabilities().size();
        double nameW = 12;
        for (String n : p.classNames()) {
            nameW = Math.max(nameW, textWidth(n, BOLD));
        }
        String name = p.trueClass() < p.classNames().size() ? p.classNames().get(p.trueClass())
                : Integer.toString(p.trueClass());
        String truth = Texts.get(p.trueClass() == p.predicted() ? "regions.trueClass" : "regions.trueClassWrong", name);
        String where = coordinates(p.x(), p.y());
        double bw = 8 + Math.max(nameW + 4 + BAR + 4 + textWidth("100%", FONT),
                Math.max(textWidth(truth, FONT), textWidth(where, FONT)));
        double bh = 8 + LINE * (2 + c);
        double[] at = place(x, y, bw, bh, w, h);
        double bx = at[0];
        double by = at[1];
        frame(g, bx, by, bw, bh);
        g.setFill(Color.BLACK);
        g.setFont(FONT);
        g.fillText(where, bx + 4, by + 4);
        g.fillText(truth, bx + 4, by + 4 + LINE);
        for (int k = 0; k < c; k++) {
            double ly = by + 4 + LINE * (2 + k);
            double prob = p.probabilities().get(k);
            boolean predicted = k == p.predicted();
            g.setFont(predicted ? BOLD : FONT);
            g.setFill(Color.BLACK);
            g.fillText(p.classNames().get(k), bx + 4, ly);
            double barX = bx + 4 + nameW + 4;
            g.setFill(Color.web("#eeeeee"));
            g.fillRect(barX, ly + 2, BAR, LINE - 5);
            Color col = FxColors.ofClass(k);
            g.setFill(predicted ? col : col.deriveColor(0, 1, 1, 0.45));
            g.fillRect(barX, ly + 2, BAR * Math.max(0, Math.min(1, prob)), LINE - 5);
            g.setFill(Color.BLACK);
            g.fillText(RegionsViewModel.percent(prob), barX + BAR + 4, ly);
        }
        g.setFont(FONT);
    }

    /** The width of {@code s} in {@code font}, in pixels. */
    private static double textWidth(String s, Font font) {
        Text t = new Text(s);
        t.setFont(font);
        return Math.ceil(t.getLayoutBounds().getWidth());
    }

    private static String coordinates(double x, double y) {
        return String.format(Locale.ROOT, "x %.3g, y %.3g", x, y);
    }

    /** The top-left corner of a {@code bw × bh} box beside (x, y), kept inside the canvas. */
    private static double[] place(double x, double y, double bw, double bh, double w, double h) {
        double bx = x + 10 + bw <= w ? x + 10 : x - 10 - bw;
        double by = y + 10 + bh <= h ? y + 10 : y - 10 - bh;
        return new double[] {Math.max(0, Math.min(w - bw, bx)), Math.max(0, Math.min(h - bh, by))};
    }

    private static void frame(GraphicsContext g, double x, double y, double bw, double bh) {
        g.setFill(Color.color(1, 1, 1, 0.93));
        g.fillRect(x, y, bw, bh);
        g.setStroke(Color.web("#555555"));
        g.setLineWidth(1);
        g.strokeRect(x + 0.5, y + 0.5, bw - 1, bh - 1);
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
    }
}
