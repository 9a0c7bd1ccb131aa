package babysitter.search.importance;

import babysitter.search.EpochPoint;
import babysitter.search.Trial;
import java.util.Locale;

/** What the importance explains: a number per finished trial. */
public enum Objective {
    /** The best dev accuracy the trial reached (higher is better; the search ranks by it). */
    DEV_ACCURACY("best dev accuracy"),
    /** The lowest dev cost the trial reached (lower is better). */
    DEV_COST("lowest dev cost");

    private final String label;

    Objective(String label) {
        this.label = label;
    }

    /** How a person reads it: "best dev accuracy". */
    public String label() {
        return label;
    }

    /** The trial's value, NaN when it has none. */
    public double of(Trial t) {
        if (this == DEV_ACCURACY) {
            return t.bestDevAccuracy();
        }
        double best = Double.NaN;
        for (EpochPoint p : t.curve()) {
            if (Double.isFinite(p.devCost()) && !(p.devCost() >= best)) {
                best = p.devCost();
            }
        }
        return best;
    }

    /** The objective named on a command line: "accuracy" or "cost" (any case). */
    public static Objective parse(String s) {
        String t = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "accuracy", "dev-accuracy" -> DEV_ACCURACY;
            case "cost", "dev-cost" -> DEV_COST;
            default -> throw new IllegalArgumentException("'" + s + "' is not an objective: use accuracy or cost");
        };
    }
}
