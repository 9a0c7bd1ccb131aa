package babysitter.ui.regions;

import babysitter.session.Report;
import babysitter.ui.chart.Palette;
import java.util.Objects;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/**
 * The decision regions as a canvas: each grid cell in its class's colour (the setup preview's
 * palette) over white, its opacity proportional to the class's probability, and the training
 * points on top with a dark outline. The grid fills the canvas, row 0 at the top. It redraws only
 * when its view-model receives a new report.
 */
public final class RegionsView extends Canvas {
    static final double SIZE = 260;
    /** The opacity of a cell whose class has probability 1. */
    static final double MAX_ALPHA = 0.6;
    private static final double POINT_RADIUS = 2.5;
    private static final Color OUTLINE = Color.web("#222222");

    private int redraws;

    public RegionsView(RegionsViewModel vm) {
        super(SIZE, SIZE);
        Objects.requireNonNull(vm, "vm");
        setId("regionsCanvas");
        vm.reportProperty().addListener((o, a, r) -> draw(r));
        draw(vm.reportProperty().get());
    }

    /** The colour of a cell of class {@code cls} whose probability is {@code confidence}, over white. */
    static Color cellColour(int cls, double confidence) {
        double a = MAX_ALPHA * Math.max(0, Math.min(1, confidence));
        Color c = Palette.of(cls);
        return Color.color(1 - a + a * c.getRed(), 1 - a + a * c.getGreen(), 1 - a + a * c.getBlue());
    }

    /** How many times the canvas was painted (for tests: once per new report). */
    int redraws() {
        return redraws;
    }

    private void draw(Report.RegionsReport r) {
        redraws++;
        GraphicsContext g = getGraphicsContext2D();
        double w = getWidth();
        double h = getHeight();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        if (r == null) {
            return;
        }
        int gw = r.width();
        int gh = r.height();
        WritableImage image = new WritableImage(gw, gh);
        PixelWriter px = image.getPixelWriter();
        for (int row = 0; row < gh; row++) {
            for (int col = 0; col < gw; col++) {
                px.setColor(col, row, cellColour(r.classAt(row, col), r.confidenceAt(row, col)));
            }
        }
        g.setImageSmoothing(false);
        g.drawImage(image, 0, 0, w, h);

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
            g.setFill(Palette.of(labels[i]));
            g.fillOval(x - POINT_RADIUS, y - POINT_RADIUS, 2 * POINT_RADIUS, 2 * POINT_RADIUS);
            g.strokeOval(x - POINT_RADIUS, y - POINT_RADIUS, 2 * POINT_RADIUS, 2 * POINT_RADIUS);
        }
    }
}
