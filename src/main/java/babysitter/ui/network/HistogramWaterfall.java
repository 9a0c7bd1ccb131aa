package babysitter.ui.network;

import babysitter.session.LayerStats;
import java.util.List;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * A heat strip of histograms over epochs: x is the value (one range shared by all rows), each row
 * an epoch (oldest at the top), the darker the more of the batch fell into that bin (each row
 * scaled to its own largest bin). Paints only when given new histograms or a new size.
 */
final class HistogramWaterfall extends TitledCanvas {

    static final Color EMPTY = Color.WHITE;
    static final Color FULL = Color.rgb(20, 60, 150);
    private static final double TITLE = 18;
    private static final double AXIS = 16;

    private final String title;
    private List<LayerStats.Histogram> rows = List.of();

    HistogramWaterfall(String title) {
        this.title = title;
        setPrefSize(360, 220);
        setMinSize(120, 80);
    }

    /** Shows these histograms, oldest first. */
    void show(List<LayerStats.Histogram> histograms) {
        rows = List.copyOf(histograms);
        paint();
    }

    @Override
    String title() {
        return title;
    }

    @Override
    protected void paintContent(GraphicsContext g, double w, double h) {
        double top = TITLE;
        double plotH = h - TITLE - AXIS;
        if (plotH <= 0 || w <= 0) {
            return;
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (LayerStats.Histogram r : rows) {
            if (Double.isFinite(r.min()) && Double.isFinite(r.max())) {
                min = Math.min(min, r.min());
                max = Math.max(max, r.max());
            }
        }
        if (!(min <= max)) {
            g.setFill(Color.GRAY);
            g.setTextBaseline(VPos.CENTER);
            g.fillText("no histograms yet", w / 2, top + plotH / 2);
            return;
        }
        if (max == min) {
            min -= 0.5;
            max += 0.5;
        }
        double rowH = plotH / rows.size();
        for (int i = 0; i < rows.size(); i++) {
            LayerStats.Histogram r = rows.get(i);
            long[] counts = r.counts();
            long most = 0;
            for (long c : counts) {
                most = Math.max(most, c);
            }
            if (most == 0 || !Double.isFinite(r.min()) || !Double.isFinite(r.max())) {
                continue;
            }
            double binW = (r.max() - r.min()) / counts.length;
            for (int b = 0; b < counts.length; b++) {
                if (counts[b] == 0) {
                    continue;
                }
                double x0 = (r.min() + b * binW - min) / (max - min) * w;
                double x1 = binW == 0 ? x0 + 2 : (r.min() + (b + 1) * binW - min) / (max - min) * w;
                g.setFill(EMPTY.interpolate(FULL, (double) counts[b] / most));
                g.fillRect(x0, top + i * rowH, Math.max(1, x1 - x0), Math.ceil(rowH));
            }
        }
        g.setStroke(Color.gray(0.6));
        g.setLineWidth(1);
        g.strokeRect(0.5, top + 0.5, w - 1, plotH - 1);
        g.setFill(Color.BLACK);
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(String.format(Locale.ROOT, "%.3g", min), 2, top + plotH + 1);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(String.format(Locale.ROOT, "%.3g", max), w - 2, top + plotH + 1);
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText("↓ newer epochs (" + rows.size() + ")", w / 2, top + plotH + 1);
    }
}
