package babysitter.search.importance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The functional-ANOVA decomposition of one regression tree (Hutter, Hoos and Leyton-Brown, 2014):
 * the variance of the tree's prediction over the whole space (each parameter drawn from its
 * {@link Domain}, independently), and the part of it explained by each parameter alone (the
 * variance of the prediction averaged over all the other parameters) and by each pair beyond its
 * two parts.
 *
 * <p>A tree is constant on boxes whose sides lie between its split thresholds, so every integral is
 * a finite sum: per parameter the thresholds of this tree cut the axis into cells, each leaf covers a
 * run of cells on every axis, and the average over the other parameters of a leaf is its value times
 * the product of its sides' masses. Runs are added with difference arrays (1-D for one parameter,
 * 2-D for a pair), so a tree of L leaves with K cells per axis costs O(L·d² + K²·d²).
 */
final class Fanova {
    private Fanova() {
    }

    /**
     * A tree's variances: {@code total} over the whole space, {@code main[i]} of parameter i alone,
     * {@code pair[i][j]} (i < j) of the pair beyond its two main effects.
     */
    record Variances(double total, double[] main, double[][] pair) {
    }

    static Variances decompose(Tree tree, Domain[] domains) {
        int d = domains.length;
        double[][] cuts = thresholds(tree, d);
        double[][] weight = new double[d][];
        double[][] prefix = new double[d][];
        for (int j = 0; j < d; j++) {
            int cells = cuts[j].length + 1;
            weight[j] = new double[cells];
            prefix[j] = new double[cells + 1];
            for (int c = 0; c < cells; c++) {
                double lo = c == 0 ? Double.NEGATIVE_INFINITY : cuts[j][c - 1];
                double hi = c == cells - 1 ? Double.POSITIVE_INFINITY : cuts[j][c];
                weight[j][c] = domains[j].mass(lo, hi);
                prefix[j][c + 1] = prefix[j][c] + weight[j][c];
            }
        }
        List<Leaf> leaves = new ArrayList<>();
        int[] from = new int[d];
        int[] to = new int[d];
        for (int j = 0; j < d; j++) {
            to[j] = cuts[j].length;
        }
        collect(tree, 0, cuts, from, to, prefix, leaves);

        double mean = 0;
        for (Leaf l : leaves) {
            mean += l.value * l.volume;
        }
        double total = 0;
        for (Leaf l : leaves) {
            total += l.volume * (l.value - mean) * (l.value - mean);
        }
        double[] main = new double[d];
        double[][] marginal = new double[d][];
        for (int i = 0; i < d; i++) {
            double[] diff = new double[weight[i].length + 1];
            for (Leaf l : leaves) {
                double rest = l.restMass(i, -1);
                diff[l.from[i]] += l.value * rest;
                diff[l.to[i] + 1] -= l.value * rest;
            }
            marginal[i] = new double[weight[i].length];
            double run = 0;
            for (int c = 0; c < weight[i].length; c++) {
                run += diff[c];
                marginal[i][c] = run;
                main[i] += weight[i][c] * (run - mean) * (run - mean);
            }
        }
        double[][] pair = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = i + 1; j < d; j++) {
                int ki = weight[i].length;
                int kj = weight[j].length;
                if (ki == 1 || kj == 1) {
                    continue; // a parameter this tree never splits on adds nothing to a pair
                }
                double[][] diff = new double[ki + 1][kj + 1];
                for (Leaf l : leaves) {
                    double v = l.value * l.restMass(i, j);
                    diff[l.from[i]][l.from[j]] += v;
                    diff[l.to[i] + 1][l.from[j]] -= v;
                    diff[l.from[i]][l.to[j] + 1] -= v;
                    diff[l.to[i] + 1][l.to[j] + 1] += v;
                }
                double joint = 0;
                double[] column = new double[kj];
                for (int a = 0; a < ki; a++) {
                    double run = 0;
                    for (int b = 0; b < kj; b++) {
                        run += diff[a][b];
                        column[b] += run;
                        double w = weight[i][a] * weight[j][b];
                        if (w > 0) {
                            joint += w * (column[b] - mean) * (column[b] - mean);
                        }
                    }
                }
                pair[i][j] = joint - main[i] - main[j];
            }
        }
        return new Variances(total, main, pair);
    }

    /** Per parameter the sorted distinct thresholds the tree splits it at. */
    private static double[][] thresholds(Tree tree, int d) {
        double[][] all = new double[d][tree.size()];
        int[] n = new int[d];
        for (int k = 0; k < tree.size(); k++) {
            int f = tree.feature()[k];
            if (f >= 0) {
                all[f][n[f]++] = tree.threshold()[k];
            }
        }
        double[][] out = new double[d][];
        for (int j = 0; j < d; j++) {
            out[j] = Arrays.stream(all[j], 0, n[j]).sorted().distinct().toArray();
        }
        return out;
    }

    private static void collect(Tree tree, int k, double[][] cuts, int[] from, int[] to, double[][] prefix,
                                List<Leaf> leaves) {
        int f = tree.feature()[k];
        if (f < 0) {
            double[] mass = new double[from.length];
            for (int j = 0; j < from.length; j++) {
                mass[j] = prefix[j][to[j] + 1] - prefix[j][from[j]];
            }
            leaves.add(new Leaf(tree.value()[k], from.clone(), to.clone(), mass));
            return;
        }
        int cut = Arrays.binarySearch(cuts[f], tree.threshold()[k]);
        int oldTo = to[f];
        int oldFrom = from[f];
        to[f] = Math.min(oldTo, cut);
        if (from[f] <= to[f]) {
            collect(tree, tree.low()[k], cuts, from, to, prefix, leaves);
        }
        to[f] = oldTo;
        from[f] = Math.max(oldFrom, cut + 1);
        if (from[f] <= to[f]) {
            collect(tree, tree.high()[k], cuts, from, to, prefix, leaves);
        }
        from[f] = oldFrom;
    }

    /** A leaf's box as runs of cells [from, to] per axis, the mass of each side, and its value. */
    private static final class Leaf {
        final double value;
        final int[] from;
        final int[] to;
        final double[] mass;
        final double volume;

        Leaf(double value, int[] from, int[] to, double[] mass) {
            this.value = value;
            this.from = from;
            this.to = to;
            this.mass = mass;
            double v = 1;
            for (double m : mass) {
                v *= m;
            }
            this.volume = v;
        }

        /** The product of the masses of every side but axes a and b (b may be −1). */
        double restMass(int a, int b) {
            double v = 1;
            for (int j = 0; j < mass.length; j++) {
                if (j != a && j != b) {
                    v *= mass[j];
                }
            }
            return v;
        }
    }
}
