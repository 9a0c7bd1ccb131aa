package babysitter.search.importance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The course's order of importance for tuning (course notes, hyperparameter tuning): α first; then
 * momentum β, the mini-batch size and the hidden units; then the layers and the learning-rate
 * decay; Adam's β1, β2 and ε almost never. Parameters the course does not rank (L2, the optimiser,
 * the activation, batch norm) have no tier.
 */
public final class CourseOrder {
    /** The course's order in one line, as the Search window shows it. */
    public static final String LINE = "course: 1 α · 2 β, batch, units · 3 layers, decay · 4 β1, β2, ε";

    /** A difference in shares below this is not read as one mattering more than the other. */
    static final double MARGIN = 0.05;

    private static final Map<String, Integer> TIERS = Map.of(
            "learningRate", 1,
            "momentum", 2, "batchSize", 2, "units", 2,
            "layers", 3, "decayRate", 3,
            "beta1", 4, "beta2", 4);

    /** The course's list in its order (within a tier too: β before the batch before the units). */
    private static final List<String> LISTED = List.of("learningRate", "momentum", "batchSize", "units", "layers",
            "decayRate", "beta1", "beta2");

    private static final Map<String, String> SPOKEN = Map.ofEntries(
            Map.entry("learningRate", "α"), Map.entry("momentum", "β"), Map.entry("batchSize", "mini-batch size"),
            Map.entry("units", "hidden units"), Map.entry("layers", "layers"), Map.entry("decayRate", "learning-rate decay"),
            Map.entry("beta1", "β1"), Map.entry("beta2", "β2"), Map.entry("l2", "L2 λ"), Map.entry("optimizer", "the optimiser"),
            Map.entry("activation", "the activation"), Map.entry("batchNorm", "batch norm"));

    private CourseOrder() {
    }

    /** The course's tier of a parameter (1 matters most), 0 when the course does not rank it. */
    public static int tier(String param) {
        return TIERS.getOrDefault(param, 0);
    }

    /** The position in the course's list (1 = α), 0 when the course does not rank it. */
    public static int rank(String param) {
        return LISTED.indexOf(param) + 1;
    }

    /** The name a person reads: "α", "mini-batch size", "β1"… */
    public static String spoken(String param) {
        return SPOKEN.getOrDefault(param, param);
    }

    /**
     * One line that holds the measured order against the course's: the sharpest disagreement
     * ("here mini-batch size mattered more than β"), or agreement ("as the course says, α mattered
     * most"), with the number of trials it rests on.
     */
    public static String reading(Importance imp) {
        if (!imp.available()) {
            return "No importance yet: " + imp.note() + ".";
        }
        List<Importance.Share> ranked = imp.ranked();
        String basis = " (" + imp.trials() + " trials" + (imp.trials() < 30 ? ": still uncertain" : "") + ")";
        // The sharpest reversal: a parameter the course lists later that explained clearly more.
        Importance.Share bestUp = null;
        Importance.Share bestDown = null;
        double gap = MARGIN;
        for (Importance.Share hi : ranked) {
            for (Importance.Share lo : ranked) {
                int th = rank(hi.param());
                int tl = rank(lo.param());
                if (th > 0 && tl > 0 && th > tl && hi.share() - lo.share() > gap) {
                    gap = hi.share() - lo.share();
                    bestUp = hi;
                    bestDown = lo;
                }
            }
        }
        if (bestUp != null) {
            return "Here " + spoken(bestUp.param()) + " mattered more than " + spoken(bestDown.param())
                    + ", against the course's order" + basis + ".";
        }
        Importance.Share top = ranked.get(0);
        List<Importance.PairShare> pairs = imp.pairs();
        if (!pairs.isEmpty() && pairs.get(0).share() > top.share()) {
            Importance.PairShare p = pairs.get(0);
            return "Here " + spoken(p.first()) + " and " + spoken(p.second()) + " mattered together more than any one alone"
                    + basis + ".";
        }
        List<String> ties = new ArrayList<>();
        for (Importance.Share s : ranked) {
            if (top.share() - s.share() <= MARGIN) {
                ties.add(spoken(s.param()));
            }
        }
        String most = ties.size() == 1 ? ties.get(0) + " mattered most" : String.join(" and ", ties) + " mattered most, about equally";
        int first = ranked.stream().mapToInt(s -> rank(s.param())).filter(r -> r > 0).min().orElse(0);
        boolean asCourse = first > 0 && rank(top.param()) == first;
        return (asCourse ? "As the course says: " : "Here ") + most + basis + ".";
    }
}
