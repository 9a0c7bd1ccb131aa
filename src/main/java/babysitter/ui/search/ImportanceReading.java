package babysitter.ui.search;

import babysitter.i18n.Texts;
import babysitter.search.importance.CourseOrder;
import babysitter.search.importance.Importance;
import babysitter.search.importance.ImportanceEstimator;
import babysitter.search.importance.Objective;
import java.util.ArrayList;
import java.util.List;

/**
 * The importance panel's one-line reading in the window's language: the measured order held
 * against the course's. It reads the same as {@link CourseOrder#reading} (the command line's
 * English line, which the tests compare it with) and uses the course's ranks from there.
 */
final class ImportanceReading {
    /** A difference in shares below this is not read as one mattering more than the other (as the command line). */
    static final double MARGIN = 0.05;
    /** Below this many trials the reading says it is still uncertain. */
    static final int CERTAIN_TRIALS = 30;

    private ImportanceReading() {
    }

    /** "As the course says: α mattered most (40 trials).", "Here mini-batch size mattered more than β, …" */
    static String of(Importance imp) {
        if (!imp.available()) {
            return switch (imp.why()) {
                case NOTHING_SEARCHED -> Texts.get("search.importance.nothingSearched");
                case ALL_THE_SAME -> Texts.get("search.importance.allTheSame", Texts.get(imp.objective() == Objective.DEV_COST
                        ? "search.importance.objective.devCost" : "search.importance.objective.devAccuracy"));
                case TREES_FOUND_NOTHING -> Texts.get("search.importance.treesFoundNothing");
                default -> Texts.get("search.importance.tooFew", imp.trials(), ImportanceEstimator.MIN_TRIALS);
            };
        }
        List<Importance.Share> ranked = imp.ranked();
        String basis = Texts.get(imp.trials() < CERTAIN_TRIALS ? "search.importance.trialsUncertain"
                : "search.importance.trials", imp.trials());
        // the sharpest reversal: a parameter the course lists later that explained clearly more
        Importance.Share up = null;
        Importance.Share down = null;
        double gap = MARGIN;
        for (Importance.Share hi : ranked) {
            for (Importance.Share lo : ranked) {
                int th = CourseOrder.rank(hi.param());
                int tl = CourseOrder.rank(lo.param());
                if (th > 0 && tl > 0 && th > tl && hi.share() - lo.share() > gap) {
                    gap = hi.share() - lo.share();
                    up = hi;
                    down = lo;
                }
            }
        }
        if (up != null) {
            return Texts.get("search.importance.against", SearchTexts.spoken(up.param()),
                    SearchTexts.spoken(down.param()), basis);
        }
        Importance.Share top = ranked.get(0);
        List<Importance.PairShare> pairs = imp.pairs();
        if (!pairs.isEmpty() && pairs.get(0).share() > top.share()) {
            Importance.PairShare p = pairs.get(0);
            return Texts.get("search.importance.together", SearchTexts.spoken(p.first()),
                    SearchTexts.spoken(p.second()), basis);
        }
        List<String> ties = new ArrayList<>();
        for (Importance.Share s : ranked) {
            if (top.share() - s.share() <= MARGIN) {
                ties.add(SearchTexts.spoken(s.param()));
            }
        }
        String most = ties.get(0);
        for (int i = 1; i < ties.size(); i++) {
            most = Texts.get("search.importance.and", most, ties.get(i));
        }
        int first = ranked.stream().mapToInt(s -> CourseOrder.rank(s.param())).filter(r -> r > 0).min().orElse(0);
        boolean asCourse = first > 0 && CourseOrder.rank(top.param()) == first;
        String key = ties.size() == 1
                ? (asCourse ? "search.importance.asCourse" : "search.importance.most")
                : (asCourse ? "search.importance.asCourseEqually" : "search.importance.mostEqually");
        return Texts.get(key, most, basis);
    }
}
