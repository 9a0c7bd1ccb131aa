package babysitter.search.importance;

/**
 * One fitted regression tree as flat arrays: node k splits on {@code feature[k]} at
 * {@code threshold[k]} (x ≤ threshold goes to {@code low[k]}, else to {@code high[k]}), or is a
 * leaf ({@code feature[k] < 0}) predicting {@code value[k]}. Node 0 is the root.
 */
record Tree(int[] feature, double[] threshold, int[] low, int[] high, double[] value) {

    /** The tree's prediction at x (unit coordinates, one per parameter). */
    double predict(double[] x) {
        int k = 0;
        while (feature[k] >= 0) {
            k = x[feature[k]] <= threshold[k] ? low[k] : high[k];
        }
        return value[k];
    }

    int size() {
        return feature.length;
    }
}
