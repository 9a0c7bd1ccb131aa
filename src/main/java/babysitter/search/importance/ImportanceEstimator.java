package babysitter.search.importance;

import babysitter.search.Param;
import babysitter.search.Round;
import babysitter.search.Trial;
import babysitter.search.TrialState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Estimates {@link Importance} from a search's trials: each trial a point in the unit coordinates
 * of every parameter's axis over the given rounds (log α, log(1 − β), log2 of the batch size, one
 * bin per choice…), its objective the value to explain; a forest of regression trees fitted to the
 * points; each tree decomposed ({@link Fanova}); the fractions averaged over the trees.
 *
 * <p>Only trials that ran to the end (DONE) count: a trial stopped early or failed has an objective
 * cut short, which would read as the effect of its values.
 */
public final class ImportanceEstimator {
    /** Fewer finished trials than this give no estimate. */
    public static final int MIN_TRIALS = 5;

    private ImportanceEstimator() {
    }

    /** The importance over {@code trials} (of {@code rounds}); the same inputs and seed give the same numbers. */
    public static Importance estimate(List<Round> rounds, List<Trial> trials, Objective objective, long seed) {
        Map<String, List<Param>> byName = new LinkedHashMap<>();
        for (Round r : rounds.stream().sorted(Comparator.comparingInt(Round::index)).toList()) {
            for (Param p : r.space().params()) {
                byName.computeIfAbsent(p.name(), k -> new ArrayList<>()).add(p);
            }
        }
        List<Integer> roundIndices = rounds.stream().map(Round::index).toList();
        List<Trial> used = new ArrayList<>();
        for (Trial t : trials) {
            if (t.state() == TrialState.DONE && Double.isFinite(objective.of(t)) && roundIndices.contains(t.round())
                    && t.values().keySet().containsAll(byName.keySet())) {
                used.add(t);
            }
        }
        if (byName.isEmpty()) {
            return Importance.unavailable(objective, used.size(), Importance.Why.NOTHING_SEARCHED);
        }
        List<String> names = List.copyOf(byName.keySet());
        Param[] axes = new Param[names.size()];
        Domain[] domains = new Domain[names.size()];
        for (int j = 0; j < names.size(); j++) {
            axes[j] = Param.union(byName.get(names.get(j)));
            domains[j] = axes[j].scale().discrete() ? Domain.discrete(axes[j].count()) : Domain.CONTINUOUS;
        }
        double[][] x = new double[used.size()][names.size()];
        double[] y = new double[used.size()];
        for (int i = 0; i < used.size(); i++) {
            Trial t = used.get(i);
            for (int j = 0; j < names.size(); j++) {
                x[i][j] = axes[j].toUnit(t.values().get(names.get(j)));
            }
            y[i] = objective.of(t);
        }
        return estimate(names, domains, x, y, objective, seed);
    }

    /** The importance of points x (unit coordinates, a column per name) with objective values y. */
    static Importance estimate(List<String> names, Domain[] domains, double[][] x, double[] y, Objective objective,
                               long seed) {
        int n = y.length;
        if (n < MIN_TRIALS) {
            return Importance.unavailable(objective, n, Importance.Why.TOO_FEW);
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : y) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        if (!(hi > lo)) {
            return Importance.unavailable(objective, n, Importance.Why.ALL_THE_SAME);
        }
        int d = names.size();
        List<Tree> trees = Forest.fit(x, y, Forest.TREES, seed);
        double[][] main = new double[trees.size()][d];
        double[][][] pair = new double[trees.size()][d][d];
        int counted = 0;
        for (Tree tree : trees) {
            Fanova.Variances v = Fanova.decompose(tree, domains);
            if (!(v.total() > 0)) {
                continue; // a tree of one leaf (a bootstrap sample of equal objectives) explains nothing
            }
            for (int i = 0; i < d; i++) {
                main[counted][i] = v.main()[i] / v.total();
                for (int j = i + 1; j < d; j++) {
                    pair[counted][i][j] = Math.max(0, v.pair()[i][j] / v.total());
                }
            }
            counted++;
        }
        if (counted == 0) {
            return Importance.unavailable(objective, n, Importance.Why.TREES_FOUND_NOTHING);
        }
        List<Importance.Share> shares = new ArrayList<>();
        for (int i = 0; i < d; i++) {
            double[] s = new double[counted];
            for (int k = 0; k < counted; k++) {
                s[k] = main[k][i];
            }
            shares.add(new Importance.Share(names.get(i), mean(s), sd(s)));
        }
        List<Importance.PairShare> pairs = new ArrayList<>();
        for (int i = 0; i < d; i++) {
            for (int j = i + 1; j < d; j++) {
                double[] s = new double[counted];
                for (int k = 0; k < counted; k++) {
                    s[k] = pair[k][i][j];
                }
                pairs.add(new Importance.PairShare(names.get(i), names.get(j), mean(s), sd(s)));
            }
        }
        pairs.sort(Comparator.comparingDouble(Importance.PairShare::share).reversed());
        return new Importance(objective, n, shares, pairs, Importance.Why.NONE);
    }

    private static double mean(double[] s) {
        double sum = 0;
        for (double v : s) {
            sum += v;
        }
        return sum / s.length;
    }

    private static double sd(double[] s) {
        if (s.length < 2) {
            return 0;
        }
        double m = mean(s);
        double sum = 0;
        for (double v : s) {
            sum += (v - m) * (v - m);
        }
        return Math.sqrt(sum / (s.length - 1));
    }
}
