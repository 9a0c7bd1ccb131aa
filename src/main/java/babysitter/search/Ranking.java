package babysitter.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Which trials are best, and whether the best sits at the edge of its round's ranges. */
final class Ranking {
    private Ranking() {
    }

    /** Best dev accuracy first, ties by lower dev cost at that epoch, then by id. */
    static final Comparator<Trial> BEST_FIRST = Comparator
            .comparingDouble((Trial t) -> -t.bestDevAccuracy())
            .thenComparingDouble(t -> Double.isNaN(t.bestDevCost()) ? Double.POSITIVE_INFINITY : t.bestDevCost())
            .thenComparingInt(Trial::id);

    /** The best k of these trials (FAILED trials and trials without a dev accuracy left out). */
    static List<Trial> best(Collection<Trial> all, int k) {
        return all.stream().filter(t -> t.state() != TrialState.FAILED && !Double.isNaN(t.bestDevAccuracy()))
                .sorted(BEST_FIRST).limit(Math.max(0, k)).toList();
    }

    /** Parameters on whose range edge the best of the round's trials sits. */
    static List<EdgeWarning> edgeWarnings(Round round, Collection<Trial> roundTrials) {
        List<Trial> best = best(roundTrials, 1);
        if (best.isEmpty()) {
            return List.of();
        }
        Trial b = best.get(0);
        List<EdgeWarning> out = new ArrayList<>();
        for (Param p : round.space().params()) {
            Object v = b.values().get(p.name());
            if (v == null) {
                continue;
            }
            Param.Edge side = p.edge(v, Search.EDGE_MARGIN);
            if (side != Param.Edge.NONE) {
                out.add(new EdgeWarning(p.name(), side, v, p.name() + ": the best trial (#" + b.id() + ", " + p.name() + " = "
                        + p.format(v) + ") sits at the " + (side == Param.Edge.HIGH ? "top" : "bottom")
                        + " of its range " + p.rangeText()
                        + ": grow the range, don't shrink it"));
            }
        }
        return out;
    }
}
