package babysitter.ui.chart;

import babysitter.plot.MarkerLayout;
import babysitter.plot.PlotArea;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Draws the markers: a vertical line each, and the labels where {@link MarkerLayout} finds room
 * (a label with no room is shown by the hover box instead).
 */
final class MarkerPainter {
    private static final int MAX_ROWS = 4;
    private static final Color LABEL_BACKGROUND = Color.rgb(255, 255, 255, 0.85);

    private MarkerPainter() {
    }

    /** Paints the markers in the plot; returns the boxes of the labels drawn. */
    static List<Bounds> paint(GraphicsContext g, PlotArea f, List<ChartMarker> markers, double scale,
            TextMeasure text) {
        List<Bounds> boxes = new ArrayList<>();
        List<ChartMarker> visible = new ArrayList<>();
        for (ChartMarker m : markers) {
            if (m.x() >= f.xMin() && m.x() <= f.xMax()) {
                visible.add(m);
            }
        }
        if (visible.isEmpty()) {
            return boxes;
        }
        visible.sort((a, b) -> Double.compare(a.x(), b.x()));
        Font font = text.tick();
        double fontH = text.height(font);
        double[] lines = new double[visible.size()];
        double[] widths = new double[visible.size()];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = f.pixelX(visible.get(i).x());
            String label = visible.get(i).label();
            widths[i] = label.isBlank() ? 0 : text.width(label, font) + 6;
        }
        MarkerLayout.Label[] placed = MarkerLayout.place(lines, widths, f.x(), f.x() + f.width(), MAX_ROWS, 2);
        g.setLineWidth(1.5);
        for (int i = 0; i < lines.length; i++) {
            double px = AxesPainter.crisp(lines[i], scale);
            g.setStroke(visible.get(i).color());
            g.strokeLine(px, f.y(), px, f.y() + f.height());
        }
        g.setFont(font);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        for (int i = 0; i < lines.length; i++) {
            if (!placed[i].shown()) {
                continue;
            }
            ChartMarker m = visible.get(i);
            double ly = f.y() + 2 + placed[i].row() * (fontH + 3);
            double lx = placed[i].left();
            g.setFill(LABEL_BACKGROUND);
            g.fillRect(lx, ly, widths[i], fontH + 1);
            g.setFill(m.color().deriveColor(0, 1, 0.75, 1));
            g.fillText(m.label(), lx + 3, ly);
            boxes.add(new BoundingBox(lx, ly, widths[i], fontH + 1));
        }
        return boxes;
    }
}
