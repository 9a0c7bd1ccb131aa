package babysitter.ui.setup;

import babysitter.ui.chart.FxColors;
import java.util.List;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/** The picture of a built-in 2-D set in the setup panel: its points, coloured by class, fitted to the canvas. */
final class PreviewCanvas extends Canvas {
    PreviewCanvas(double width, double height) {
        super(width, height);
    }

    /** Draws {@code points} (nothing for none), the axes scaled alike so a circle stays round. */
    void draw(List<SetupViewModel.PreviewPoint> points) {
        GraphicsContext g = getGraphicsContext2D();
        double w = getWidth();
        double h = getHeight();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        if (points == null || points.isEmpty()) {
            return;
        }
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (SetupViewModel.PreviewPoint p : points) {
            minX = Math.min(minX, p.x());
            maxX = Math.max(maxX, p.x());
            minY = Math.min(minY, p.y());
            maxY = Math.max(maxY, p.y());
        }
        double margin = 6;
        double spanX = Math.max(maxX - minX, 1e-9);
        double spanY = Math.max(maxY - minY, 1e-9);
        double scale = Math.min((w - 2 * margin) / spanX, (h - 2 * margin) / spanY);
        double offX = (w - scale * spanX) / 2;
        double offY = (h - scale * spanY) / 2;
        double r = 2.2;
        for (SetupViewModel.PreviewPoint p : points) {
            double x = offX + (p.x() - minX) * scale;
            double y = h - (offY + (p.y() - minY) * scale);
            g.setFill(FxColors.ofClass(p.label()));
            g.fillOval(x - r, y - r, 2 * r, 2 * r);
        }
    }
}
