package babysitter.ui.chart;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The header of a chart: the title on the left and the legend on the right, or the legend on rows
 * of its own (wrapped to the width) when both do not fit on one.
 */
final class Legend {
    private static final double STROKE = 18;
    private static final double SPACE = 14;
    private static final Color TITLE = Color.rgb(30, 30, 30);

    private final List<List<LegendEntry>> rows = new ArrayList<>();
    private final List<Double> rowWidths = new ArrayList<>();
    private final boolean ownRows;
    private final double rowH;
    private final double labelH;
    private final double pad;

    Legend(String title, List<LegendEntry> entries, double width, double pad, TextMeasure text) {
        this.pad = pad;
        Font labelFont = text.label();
        labelH = text.height(labelFont);
        double titleH = title.isBlank() ? 0 : text.height(text.title());
        double titleW = title.isBlank() ? 0 : text.width(title, text.title());
        double all = 0;
        for (LegendEntry e : entries) {
            all += (all > 0 ? SPACE : 0) + entryWidth(e, text);
        }
        rowH = Math.max(titleH, entries.isEmpty() ? 0 : labelH);
        ownRows = !entries.isEmpty() && titleW > 0 && titleW + 24 + all > width - 2 * pad;
        if (!ownRows) {
            rows.add(entries);
            rowWidths.add(all);
            return;
        }
        double rowW = 0;
        List<LegendEntry> row = new ArrayList<>();
        for (LegendEntry e : entries) {
            double w = entryWidth(e, text);
            if (!row.isEmpty() && rowW + SPACE + w > width - 2 * pad) {
                rows.add(row);
                rowWidths.add(rowW);
                row = new ArrayList<>();
                rowW = 0;
            }
            rowW += (row.isEmpty() ? 0 : SPACE) + w;
            row.add(e);
        }
        rows.add(row);
        rowWidths.add(rowW);
    }

    private static double entryWidth(LegendEntry e, TextMeasure text) {
        return STROKE + 5 + text.width(e.name(), text.label());
    }

    /** The height the header takes above the plot. */
    double height() {
        return pad + (rowH > 0 ? rowH + 6 : 4) + (ownRows ? rows.size() * (labelH + 4) : 0);
    }

    void paint(GraphicsContext g, String title, double width, TextMeasure text) {
        g.setTextBaseline(VPos.CENTER);
        double rowMid = pad + rowH / 2;
        if (!title.isBlank()) {
            g.setFont(text.title());
            g.setTextAlign(TextAlignment.LEFT);
            g.setFill(TITLE);
            g.fillText(title, pad, rowMid);
        }
        g.setFont(text.label());
        g.setTextAlign(TextAlignment.LEFT);
        for (int r = 0; r < rows.size(); r++) {
            double ly = ownRows ? pad + rowH + 4 + labelH / 2 + r * (labelH + 4) : rowMid;
            double lx = Math.max(pad, width - pad - rowWidths.get(r));
            for (LegendEntry e : rows.get(r)) {
                g.setStroke(e.color());
                g.setGlobalAlpha(Math.max(0.35, e.opacity()));
                g.setLineWidth(Math.min(4, Math.max(2, e.lineWidth())));
                if (e.dashed()) {
                    g.setLineDashes(4, 3);
                }
                g.strokeLine(lx, ly, lx + STROKE, ly);
                g.setLineDashes();
                g.setGlobalAlpha(1);
                g.setFill(ChartPainter.TEXT);
                g.fillText(e.name(), lx + STROKE + 5, ly);
                lx += entryWidth(e, text) + SPACE;
            }
        }
    }
}
