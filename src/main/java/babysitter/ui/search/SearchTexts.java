package babysitter.ui.search;

import babysitter.i18n.Texts;
import babysitter.report.ProblemWords;
import babysitter.search.EdgeWarning;
import babysitter.search.Method;
import babysitter.search.Param;
import babysitter.search.Round;
import babysitter.search.Scale;
import babysitter.search.Search;
import babysitter.search.Trial;
import babysitter.search.importance.CourseOrder;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Texts of the Search window that are pure functions of the search: round lines, ranges, rules, names. */
final class SearchTexts {
    private SearchTexts() {
    }

    /**
     * Why a search folder could not be opened, in the window's language: no search there, a damaged
     * search.json, a folder another program uses; another problem in its own words.
     */
    static String openProblem(Exception e) {
        return e instanceof NoSuchFileException ? Texts.get("search.open.noSearch", Search.SEARCH_JSON)
                : ProblemWords.say(e);
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
        List<String> per = new ArrayList<>();
        r.distinctValues(all).forEach((name, count) -> per.add(name + " " + count));
        return Texts.get("search.rounds.line", displayRound(r.index()), methodText(r), n, String.join(" · ", per));
    }

    private static String methodText(Round r) {
        return r.method() == Method.GRID ? Texts.get("search.method.gridPerAxis", r.gridValuesPerAxis())
                : Texts.get("search.method.random");
    }

    /**
     * A round's origin in the window's language: "top 3 of round 1" as the Search window recorded it;
     * an origin made elsewhere shows as recorded.
     */
    static String origin(String recorded) {
        return RoundOrigins.read(recorded).map(o -> switch (o.kind()) {
            case INITIAL -> Texts.get("search.origin.initial");
            case BRUSHED -> Texts.get("search.origin.brushed", o.round());
            case TOP -> Texts.get("search.origin.top", o.k(), o.round());
            case IMPORTANT -> Texts.get("search.origin.important", o.round(), o.held());
        }).orElse(recorded);
    }

    /**
     * An edge warning of {@code round} in the window's language: the best trial ({@code bestId}) sits
     * at an end of a parameter's range. One of a parameter the round does not have reads as the search words it.
     */
    static String edgeWarning(EdgeWarning w, Round round, int bestId) {
        Param p = round.space().param(w.param());
        if (p == null || w.side() == Param.Edge.NONE) {
            return w.message();
        }
        return Texts.get(w.side() == Param.Edge.HIGH ? "search.edge.top" : "search.edge.bottom", w.param(), bestId,
                p.format(w.value()), p.rangeText());
    }

    static String rangeText(Param p) {
        if (p.choices() != null && !p.choices().isEmpty() && p.scale() == Scale.CHOICE) {
            return "{" + String.join(", ", p.choices()) + "}";
        }
        return "[" + p.format(p.fromUnit(0)) + ", " + p.format(p.fromUnit(1)) + "]";
    }

    /**
     * The name a person reads for a parameter in the importance panel ("α", "mini-batch size"), in
     * the window's language; a parameter without one is called by its name in the space.
     */
    static String spoken(String param) {
        String key = "search.param." + param;
        return Texts.bundle().containsKey(key) ? Texts.get(key) : CourseOrder.spoken(param);
    }

    /** "" when the trials field holds a whole number from 1 to {@code max}, else why not. */
    static String trialsRule(String text, int max) {
        String s = text == null ? "" : text.trim();
        String field = Texts.get("search.field.trials");
        String rule = Texts.get("search.rule.wholeFromTo", 1, max);
        if (s.isEmpty()) {
            return Texts.get("search.check.enter", field, rule);
        }
        long n;
        try {
            n = Long.parseLong(s);
        } catch (NumberFormatException e) {
            return Texts.get("search.check.mustBe", field, rule, s);
        }
        if (n < 1) {
            return Texts.get("search.check.atLeast", field, 1, s);
        }
        if (n > max) {
            return Texts.get("search.check.atMost", field, max, s);
        }
        return "";
    }

    /** "" when {@code text} is a whole number in [min, max], else a message naming the field, the value and the rule. */
    static String intRule(String field, String text, int min, int max) {
        String s = text == null ? "" : text.trim();
        try {
            long v = Long.parseLong(s);
            if (v >= min && v <= max) {
                return "";
            }
        } catch (NumberFormatException e) {
            // said below
        }
        return Texts.get("search.check.mustBe", field, Texts.get("search.rule.wholeFromTo", min, max), s);
    }
}
