package babysitter.ui.network;

import babysitter.i18n.Texts;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Two heat rows, one cell per unit (units along x): the top row the standardised gap between the
 * last batch's μ and the running μ (clamped at ±{@link #MEAN_CLAMP}), the bottom row log2 of batch
 * σ² over running σ² (clamped at ±{@link #LOG_VAR_CLAMP}); both on a diverging palette, blue below
 * 0, white at 0, red above. Not-a-number cells are grey. Paints only when given new values or a new
 * size.
 */
final class UnitStatsStrip extends TitledCanvas {

    static final double MEAN_CLAMP = 3;
    static final double LOG_VAR_CLAMP = 2;
    static final Color NEGATIVE = Color.rgb(33, 102, 172);
    static final Color ZERO = Color.WHITE;
    static final Color POSITIVE = Color.rgb(178, 24, 43);
    static final Color MISSING = Color.gray(0.75);

    private static final double TITLE_H = 18;
    private static final double CAPTION_H = 16;
    private static final double LABEL_W = 26;
    private static final double GAP = 2;

    private double[] meanGap = new double[0];
    private double[] logVarRatio = new double[0];

    UnitStatsStrip() {
        setPrefSize(720, 96);
        setMinSize(160, 80);
        setMaxHeight(120);
    }

    /** Shows these gaps, one entry per unit. */
    void show(NetworkViewModel.UnitGaps gaps) {
        meanGap = gaps.meanGap();
        double[] r = gaps.varRatio();
        logVarRatio = new double[r.length];
        for (int i = 0; i < r.length; i++) {
            logVarRatio[i] = Math.log(r[i]) / Math.log(2);
        }
        paint();
    }

    /**
     * The colour of {@code v} on the diverging palette clamped at ±{@code clamp}: blue for
     * negative, white at 0, red for positive; grey for NaN (±∞ clamp to the ends).
     */
    static Color colour(double v, double clamp) {
        if (Double.isNaN(v)) {
            return MISSING;
        }
        double t = Math.max(-1, Math.min(1, v / clamp));
        return t >= 0 ? ZERO.interpolate(POSITIVE, t) : ZERO.interpolate(NEGATIVE, -t);
    }

    /** How many units are shown. */
    int units() {
        return meanGap.length;
    }

    /** x of the middle of unit {@code i}'s cells, in the strip's coordinates. */
    double cellCenterX(int i) {
        return LABEL_W + (i + 0.5) * cellWidth();
    }

    /** y of the middle of the μ row. */
    double meanRowCenterY() {
        return TITLE_H + rowHeight() / 2;
    }

    /** y of the middle of the σ² row. */
    double varRowCenterY() {
        return TITLE_H + rowHeight() + GAP + rowHeight() / 2;
    }

    private double cellWidth() {
        return meanGap.length == 0 ? 0 : (canvas.getWidth() - LABEL_W - 2) / meanGap.length;
    }

    private double rowHeight() {
        return Math.max(0, (canvas.getHeight() - TITLE_H - CAPTION_H - GAP) / 2);
    }

    @Override
    String title() {
        return Texts.get("network.unitStats");
    }

    @Override
    protected void paintContent(GraphicsContext g, double w, double h) {
        double rowH = rowHeight();
        if (rowH <= 0 || w <= LABEL_W) {
            return;
        }
        double top = TITLE_H;
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText("μ", LABEL_W - 4, top + rowH / 2);
        g.fillText("σ²", LABEL_W - 4, top + rowH + GAP + rowH / 2);
        int n = meanGap.length;
        if (n == 0) {
            g.setFill(Color.GRAY);
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText(Texts.get("network.noBnStats"), w / 2, top + rowH + GAP / 2);
        } else {
            double cw = cellWidth();
            for (int i = 0; i < n; i++) {
                double x0 = LABEL_W + i * cw;
                // a whole pixel wider so that neighbouring cells leave no seam
                double cellW = Math.max(1, Math.ceil(x0 + cw) - Math.floor(x0));
                g.setFill(colour(meanGap[i], MEAN_CLAMP));
                g.fillRect(Math.floor(x0), top, cellW, rowH);
                g.setFill(colour(logVarRatio[i], LOG_VAR_CLAMP));
                g.fillRect(Math.floor(x0), top + rowH + GAP, cellW, rowH);
            }
        }
        g.setStroke(Color.gray(0.6));
        g.setLineWidth(1);
        g.strokeRect(LABEL_W + 0.5, top + 0.5, w - LABEL_W - 2, rowH - 1);
        g.strokeRect(LABEL_W + 0.5, top + rowH + GAP + 0.5, w - LABEL_W - 2, rowH - 1);
        g.setFill(Color.BLACK);
        g.setFont(Font.font(11));
        g.setTextBaseline(VPos.TOP);
        double captionY = top + 2 * rowH + GAP + 1;
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(Texts.get("network.meanCaption") + "   " + Texts.get("network.varCaption"), LABEL_W, captionY);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(Texts.get("network.units", n), w - 2, captionY);
    }
}
