package babysitter.ui.search;

import babysitter.search.Method;
import babysitter.search.Param;
import babysitter.search.Round;
import babysitter.search.Scale;
import babysitter.search.Trial;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Texts of the Search window that are pure functions of the search: round lines, ranges, rules. */
final class SearchTexts {
    private SearchTexts() {
    }

    /** Rounds are shown counting from 1. */
    static int displayRound(int index) {
        return index + 1;
    }

    /**
     * What a round tries per axis: "round 1 · random: 20 trials → distinct values: learningRate 20 ·
     * momentum 20" against "round 2 · grid 3 per axis: 81 trials → distinct values: learningRate 3 ·
     * momentum 3" (a grid's waste: many trials, few values of each parameter).
     */
    static String roundLine(Round r, Collection<Trial> all) {
        long n = all.stream().filter(t -> t.round() == r.index()).count();
        StringBuilder b = new StringBuilder("round ").append(displayRound(r.index())).append(" · ");
        b.append(r.method() == Method.GRID ? "grid " + r.gridValuesPerAxis() + " per axis" : "random");
        b.append(": ").append(n).append(n == 1 ? " trial" : " trials").append(" → distinct values: ");
        List<String> per = new ArrayList<>();
        r.distinctValues(all).forEach((name, count) -> per.add(name + " " + count));
        b.append(String.join(" · ", per));
        return b.toString();
    }

    static String rangeText(Param p) {
        if (p.choices() != null && !p.choices().isEmpty() && p.scale() == Scale.CHOICE) {
            return "{" + String.join(", ", p.choices()) + "}";
        }
        return "[" + p.format(p.fromUnit(0)) + ", " + p.format(p.fromUnit(1)) + "]";
    }

    /** "" when the trials field holds a whole number from 1 to {@code max}, else why not. */
    static String trialsRule(String text, int max) {
        String s = text == null ? "" : text.trim();
        String rule = "a whole number from 1 to " + max;
        if (s.isEmpty()) {
            return "Trials: enter " + rule + ".";
        }
        long n;
        try {
            n = Long.parseLong(s);
        } catch (NumberFormatException e) {
            return "Trials must be " + rule + ", got '" + s + "'.";
        }
        if (n < 1) {
            return "Trials must be at least 1, got '" + s + "'.";
        }
        if (n > max) {
            return "Trials must be at most " + max + ", got '" + s + "'.";
        }
        return "";
    }
}
