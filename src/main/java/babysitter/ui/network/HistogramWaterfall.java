package babysitter.ui.network;

import babysitter.i18n.Texts;
import babysitter.session.training.LayerStats;
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

    private String title;
    /** The fewest pixels a row is drawn in; more epochs than fit are scrolled through. */
    static final double MIN_ROW = 4;

    private List<LayerStats.Histogram> all = List.of();
    private double[] epochs = new double[0];
    /** How many rows the view is scrolled back from the newest (0: follows the newest). */
    private int back;
    /** The rows drawn last: [from, to) of {@link #all}. */
    private int shownFrom;
    private int shownTo;

    HistogramWaterfall(String title) {
        this.title = title;
        setPrefSize(360, 220);
        setMinSize(120, 80);
        // the wheel scrolls through the epochs that do not fit
        setOnScroll(e -> {
            if (e.getDeltaY() != 0) {
                scrollBy(e.getDeltaY() > 0 ? 3 : -3);
                e.consume();
            }
        });
    }

    /** Shows these histograms, oldest first, of these epochs (the last {@code histograms.size()} of them). */
    void show(List<LayerStats.Histogram> histograms, double[] epochNumbers) {
        all = List.copyOf(histograms);
        epochs = epochNumbers.clone();
        back = Math.min(back, Math.max(0, all.size() - 1));
        paint();
    }

    /** Scrolls {@code rows} towards older epochs (negative: newer); stays within the history. */
    void scrollBy(int rows) {
        int max = Math.max(0, all.size() - fit());
        int next = Math.max(0, Math.min(max, back + rows));
        if (next != back) {
            back = next;
            paint();
        }
    }

    /** The first and last epoch drawn (NaN when none). */
    double[] shownEpochs() {
        if (shownTo <= shownFrom) {
            return new double[] {Double.NaN, Double.NaN};
        }
        return new double[] {epochOf(shownFrom), epochOf(shownTo - 1)};
    }

    private double epochOf(int row) {
        int k = epochs.length - all.size() + row;
        return k >= 0 && k < epochs.length ? epochs[k] : Double.NaN;
    }

    private int fit() {
        double plotH = canvas.getHeight() - TITLE - AXIS;
        return Math.max(1, (int) (plotH / MIN_ROW));
    }

    /** Changes the title (z is "before batch norm" only on a layer that has batch norm). */
    void setTitle(String title) {
        if (!this.title.equals(title)) {
            this.title = title;
            paint();
        }
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
        shownTo = Math.max(0, all.size() - back);
        shownFrom = Math.max(0, shownTo - fit());
        List<LayerStats.Histogram> rows = all.subList(shownFrom, shownTo);
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
            g.fillText(Texts.get("network.noHistograms"), w / 2, top + plotH / 2);
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
        double[] shown = shownEpochs();
        g.fillText(Texts.get(rows.size() == all.size() ? "network.span" : "network.spanScroll", (int) shown[0],
                (int) shown[1], all.size()), w / 2,
                top + plotH + 1);
    }
}
