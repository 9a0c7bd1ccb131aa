package babysitter.ui.chart;

/**
 * Stacks marker labels in rows so that labels of close markers do not cover each other: each label
 * (left to right) takes the first row whose previous label has ended, or, when all rows are taken,
 * the row whose previous label ended first. Needs no toolkit.
 */
final class MarkerLayout {
    private MarkerLayout() {
    }

    /**
     * @param starts label left edges, ascending
     * @param widths label widths
     * @param maxRows how many rows may be used (≥ 1)
     * @return the row of each label
     */
    static int[] rows(double[] starts, double[] widths, int maxRows, double gap) {
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be >= 1, got " + maxRows);
        }
        double[] rowEnd = new double[maxRows];
        java.util.Arrays.fill(rowEnd, Double.NEGATIVE_INFINITY);
        int[] rows = new int[starts.length];
        for (int i = 0; i < starts.length; i++) {
            int row = -1;
            int earliest = 0;
            for (int r = 0; r < maxRows; r++) {
                if (rowEnd[r] <= starts[i]) {
                    row = r;
                    break;
                }
                if (rowEnd[r] < rowEnd[earliest]) {
                    earliest = r;
                }
            }
            if (row < 0) {
                row = earliest;
            }
            rows[i] = row;
            rowEnd[row] = starts[i] + widths[i] + gap;
        }
        return rows;
    }
}
