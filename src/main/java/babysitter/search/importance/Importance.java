package babysitter.search.importance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How much of the objective's variance over a search's space each hyperparameter explains alone,
 * and each pair beyond its two parts, as fractions of the whole (their sum and {@link #rest()} make
 * 1). Each number is the mean over the forest's trees; {@code spread} is its standard deviation
 * over the trees, a rough measure of how sure it is (wide with few trials).
 *
 * @param objective what was explained
 * @param trials    the finished trials it rests on
 * @param params    one share per searched hyperparameter, in the search's order
 * @param pairs     one share per pair of hyperparameters, largest first
 * @param why       why there is no estimate, or {@link Why#NONE} when there is one
 */
public record Importance(Objective objective, int trials, List<Share> params, List<PairShare> pairs, Why why) {

    /** Why there is no estimate. */
    public enum Why {
        /** There is one. */
        NONE,
        /** Fewer finished trials than {@link ImportanceEstimator#MIN_TRIALS}. */
        TOO_FEW,
        /** The search varies no hyperparameter. */
        NOTHING_SEARCHED,
        /** Every finished trial has the same objective. */
        ALL_THE_SAME,
        /** No tree of the forest split the trials. */
        TREES_FOUND_NOTHING
    }

    /** One hyperparameter's share of the variance. */
    public record Share(String param, double share, double spread) {
    }

    /** A pair's share beyond what each explains alone (its interaction). */
    public record PairShare(String first, String second, double share, double spread) {
        public boolean involves(String name) {
            return first.equals(name) || second.equals(name);
        }
    }

    public Importance {
        params = List.copyOf(params);
        pairs = List.copyOf(pairs);
        why = why == null ? Why.NONE : why;
    }

    /** No estimate, and why. */
    static Importance unavailable(Objective objective, int trials, Why why) {
        return new Importance(objective, trials, List.of(), List.of(), why);
    }

    /** Why there is no estimate in English (the command line's words), or "". */
    public String note() {
        return switch (why) {
            case NONE -> "";
            case TOO_FEW -> trials + (trials == 1 ? " finished trial" : " finished trials") + ": at least "
                    + ImportanceEstimator.MIN_TRIALS + " are needed";
            case NOTHING_SEARCHED -> "no hyperparameter is searched";
            case ALL_THE_SAME -> "every finished trial has the same " + objective.label() + ": nothing to explain";
            case TREES_FOUND_NOTHING -> "the trees found nothing to explain";
        };
    }

    /** Whether there are shares to show. */
    public boolean available() {
        return !params.isEmpty();
    }

    /** The shares largest first. */
    public List<Share> ranked() {
        return params.stream().sorted(Comparator.comparingDouble(Share::share).reversed()).toList();
    }

    /** The share of {@code name}, or null when it was not searched. */
    public Share share(String name) {
        return params.stream().filter(s -> s.param().equals(name)).findFirst().orElse(null);
    }

    /** The share of the pair {a, b} (either order), or null. */
    public PairShare pair(String a, String b) {
        return pairs.stream().filter(p -> p.involves(a) && p.involves(b) && !a.equals(b)).findFirst().orElse(null);
    }

    /** A parameter whose share, its pairs' included, is below this did not matter (for "next round on the important ones"). */
    public static final double IMPORTANT = 0.10;

    /**
     * The parameters that did not matter: alone and in all their pairs together below
     * {@link #IMPORTANT} of the variance. The largest is never among them.
     */
    public List<String> unimportant() {
        if (!available()) {
            return List.of();
        }
        String top = ranked().get(0).param();
        List<String> out = new ArrayList<>();
        for (Share s : params) {
            double total = s.share();
            for (PairShare p : pairs) {
                if (p.involves(s.param())) {
                    total += p.share();
                }
            }
            if (total < IMPORTANT && !s.param().equals(top)) {
                out.add(s.param());
            }
        }
        return out;
    }

    /** What neither a parameter alone nor a pair explains: interactions of three or more. */
    public double rest() {
        if (!available()) {
            return 0;
        }
        double sum = 0;
        for (Share s : params) {
            sum += s.share();
        }
        for (PairShare p : pairs) {
            sum += p.share();
        }
        return Math.max(0, 1 - sum);
    }
}
