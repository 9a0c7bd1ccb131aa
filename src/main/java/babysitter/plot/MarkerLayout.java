package babysitter.plot;

import java.util.Arrays;

/**
 * Places the labels of vertical markers so that no label covers another label or any marker's
 * line: a label sits just right of its line, else just left of it, in the lowest free row. A label
 * that fits nowhere is not drawn (the chart shows it on hover, the SVG as the line's tooltip):
 * dense markers then show a few readable labels instead of a black smear.
 */
public final class MarkerLayout {
    /** Where a label goes: its left edge and row, or {@link #HIDDEN}. */
    public record Label(double left, int row) {
        public boolean shown() {
            return row >= 0;
        }
    }

    /** The placement of a label that fits nowhere. */
    public static final Label HIDDEN = new Label(Double.NaN, -1);

    private MarkerLayout() {
    }

    /**
     * @param lines the markers' x in pixels, ascending
     * @param widths the label widths in pixels (0: no label)
     * @param plotLeft the left edge labels must stay right of
     * @param plotRight the right edge labels must stay left of
     * @param maxRows how many rows may be used (≥ 1)
     * @param gap the space kept between a label and any line or other label
     * @return the placement of each label, in the order of {@code lines}
     */
    public static Label[] place(double[] lines, double[] widths, double plotLeft, double plotRight, int maxRows,
            double gap) {
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be >= 1, got " + maxRows);
        }
        if (lines.length != widths.length) {
            throw new IllegalArgumentException(lines.length + " lines but " + widths.length + " widths");
        }
        Label[] out = new Label[lines.length];
        // per row, the spans taken so far as [left, right) pairs
        double[][] spans = new double[maxRows][];
        int[] counts = new int[maxRows];
        for (int r = 0; r < maxRows; r++) {
            spans[r] = new double[8];
        }
        for (int i = 0; i < lines.length; i++) {
            out[i] = HIDDEN;
            double w = widths[i];
            if (!(w > 0)) {
                continue;
            }
            double[] candidates = {lines[i] + gap, lines[i] - gap - w};
            search:
            for (int r = 0; r < maxRows; r++) {
                for (double left : candidates) {
                    double right = left + w;
                    if (left < plotLeft || right > plotRight || crossesLine(lines, i, left - gap / 2, right + gap / 2)
                            || overlaps(spans[r], counts[r], left - gap, right + gap)) {
                        continue;
                    }
                    if (2 * counts[r] + 2 > spans[r].length) {
                        spans[r] = Arrays.copyOf(spans[r], spans[r].length * 2);
                    }
                    spans[r][2 * counts[r]] = left;
                    spans[r][2 * counts[r] + 1] = right;
                    counts[r]++;
                    out[i] = new Label(left, r);
                    break search;
                }
            }
        }
        return out;
    }

    private static boolean crossesLine(double[] lines, int own, double left, double right) {
        for (int j = 0; j < lines.length; j++) {
            if (j != own && lines[j] >= left && lines[j] <= right) {
                return true;
            }
        }
        return false;
    }

    private static boolean overlaps(double[] spans, int count, double left, double right) {
        for (int k = 0; k < count; k++) {
            if (left < spans[2 * k + 1] && right > spans[2 * k]) {
                return true;
            }
        }
        return false;
    }
}
