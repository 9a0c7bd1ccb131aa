package babysitter.search;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An early-stopping rule over the trials of one round. Each finished epoch of a trial is reported
 * with the trial's best dev accuracy so far; the rule answers null (go on) or a note saying why the
 * trial stops. Thread-safe. The rules need no training to test: feed them scripted curves.
 *
 * <ul>
 * <li>Median rule: from epoch {@code graceEpochs} on, a trial stops when its best-so-far is below
 *   the median of the best-so-far of the other trials at the same epoch (at least 3 of them).</li>
 * <li>Successive halving (asynchronous): rungs at grace·eta^k epochs (rounded); a trial reaching a
 *   rung goes on only when it is in the top max(1, ⌊n/eta⌋) of the n trials that reached that rung
 *   so far (itself included).</li>
 * </ul>
 */
public abstract class StoppingRule {
    /** Trials needed besides the one judged before the median rule stops anything. */
    public static final int MEDIAN_MIN_OTHERS = 3;

    /** The rule for these settings ({@code NONE}: never stops). */
    public static StoppingRule of(EarlyStopping s) {
        return switch (s.kind()) {
            case NONE -> new StoppingRule() {
                @Override
                public synchronized TrialNote check(int trialId, int epoch, double bestSoFar) {
                    return null;
                }
            };
            case MEDIAN -> new Median(s.graceEpochs());
            case HALVING -> new Halving(s.graceEpochs(), s.eta());
        };
    }

    /**
     * Records that {@code trialId} finished epoch {@code epoch} (from 1) with best dev accuracy
     * {@code bestSoFar}, and judges it.
     *
     * @return null to go on, or why the trial stops
     */
    public abstract TrialNote check(int trialId, int epoch, double bestSoFar);

    /** The median stopping rule. */
    static final class Median extends StoppingRule {
        private final int grace;
        private final Map<Integer, Map<Integer, Double>> byEpoch = new HashMap<>();

        Median(int grace) {
            this.grace = grace;
        }

        @Override
        public synchronized TrialNote check(int trialId, int epoch, double bestSoFar) {
            if (Double.isNaN(bestSoFar)) {
                return null;
            }
            Map<Integer, Double> at = byEpoch.computeIfAbsent(epoch, e -> new TreeMap<>());
            at.put(trialId, bestSoFar);
            if (epoch < grace) {
                return null;
            }
            List<Double> others = new ArrayList<>();
            at.forEach((id, v) -> {
                if (id != trialId) {
                    others.add(v);
                }
            });
            if (others.size() < MEDIAN_MIN_OTHERS) {
                return null;
            }
            Collections.sort(others);
            int n = others.size();
            double median = n % 2 == 1 ? others.get(n / 2) : (others.get(n / 2 - 1) + others.get(n / 2)) / 2;
            if (bestSoFar < median) {
                return TrialNote.median(bestSoFar, epoch, median, n);
            }
            return null;
        }
    }

    /** Asynchronous successive halving. */
    static final class Halving extends StoppingRule {
        private final int grace;
        private final double eta;
        private final Map<Integer, Map<Integer, Double>> byRung = new HashMap<>();

        Halving(int grace, double eta) {
            this.grace = grace;
            this.eta = eta;
        }

        /** Whether {@code epoch} is a rung: grace·eta^k rounded, k = 0, 1, … */
        boolean isRung(int epoch) {
            for (int k = 0; k < 64; k++) {
                long r = Math.round(grace * Math.pow(eta, k));
                if (r == epoch) {
                    return true;
                }
                if (r > epoch) {
                    return false;
                }
            }
            return false;
        }

        @Override
        public synchronized TrialNote check(int trialId, int epoch, double bestSoFar) {
            if (Double.isNaN(bestSoFar) || !isRung(epoch)) {
                return null;
            }
            Map<Integer, Double> at = byRung.computeIfAbsent(epoch, e -> new TreeMap<>());
            at.put(trialId, bestSoFar);
            int n = at.size();
            int keep = Math.max(1, (int) Math.floor(n / eta));
            int better = 0;
            List<Double> all = new ArrayList<>(at.values());
            for (double v : all) {
                if (v > bestSoFar) {
                    better++;
                }
            }
            if (better >= keep) {
                all.sort(Collections.reverseOrder());
                return TrialNote.halving(epoch, bestSoFar, keep, n, eta, all.get(keep - 1));
            }
            return null;
        }
    }
}
