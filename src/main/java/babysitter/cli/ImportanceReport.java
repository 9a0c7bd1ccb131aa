package babysitter.cli;

import babysitter.search.Round;
import babysitter.search.Search;
import babysitter.search.SearchFolder;
import babysitter.search.importance.CourseOrder;
import babysitter.search.importance.Importance;
import babysitter.search.importance.ImportanceEstimator;
import babysitter.search.importance.Objective;
import babysitter.store.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code search --importance DIR}: which hyperparameters mattered, as a table (largest share first,
 * with its spread over the forest's trees and the course's tier), the pairs that matter, the rest,
 * the course's order and the one-line reading; or one JSON object with {@code --json}. Reads the
 * folder without its lock, so a search that is running can be looked at.
 */
final class ImportanceReport {
    /** Pairs below this share are left out of the table (the JSON has them all). */
    static final double SHOWN_PAIR = 0.02;

    private ImportanceReport() {
    }

    static int print(Path dir, String objectiveName, List<Integer> rounds, boolean json, PrintWriter out,
                     PrintWriter err) throws Exception {
        Objective objective;
        try {
            objective = Objective.parse(objectiveName);
        } catch (IllegalArgumentException e) {
            throw new Cli.UsageException("--objective " + e.getMessage());
        }
        SearchFolder.Contents c;
        try {
            c = Search.read(dir);
        } catch (NoSuchFileException e) {
            throw new Cli.UsageException(dir + ": no search here (no " + Search.SEARCH_JSON + ")");
        }
        c.warnings().forEach(w -> err.println("warning: " + w));
        List<Round> chosen = c.rounds();
        if (rounds != null) {
            for (int r : rounds) {
                if (r < 1 || r > c.rounds().size()) {
                    throw new Cli.UsageException("--rounds " + r + ": the search in " + dir + " has rounds 1 to "
                            + c.rounds().size());
                }
            }
            chosen = c.rounds().stream().filter(r -> rounds.contains(r.index() + 1)).toList();
        }
        Importance imp = ImportanceEstimator.estimate(chosen, c.trials(), objective, c.settings().seed());
        String roundText = chosen.size() == c.rounds().size() ? "all rounds"
                : "rounds " + chosen.stream().map(r -> Integer.toString(r.index() + 1)).collect(Collectors.joining(", "));
        if (json) {
            out.println(Json.pretty().writeValueAsString(toJson(imp, chosen)));
        } else {
            out.print(table(imp, roundText));
        }
        out.flush();
        return 0;
    }

    static String table(Importance imp, String roundText) {
        StringBuilder b = new StringBuilder();
        b.append("Importance for the ").append(imp.objective().label()).append(", from ").append(imp.trials())
                .append(imp.trials() == 1 ? " finished trial" : " finished trials").append(" (").append(roundText)
                .append(")\n");
        if (!imp.available()) {
            b.append(CourseOrder.reading(imp)).append('\n');
            return b.toString();
        }
        int width = Math.max(9, imp.params().stream().mapToInt(s -> s.param().length()).max().orElse(9));
        b.append(String.format(Locale.ROOT, "%-" + width + "s  %6s  %8s  %s%n", "parameter", "share", "± spread", "course"));
        for (Importance.Share s : imp.ranked()) {
            int tier = CourseOrder.tier(s.param());
            b.append(String.format(Locale.ROOT, "%-" + width + "s  %6.3f  %8.3f  %s%n", s.param(), s.share(), s.spread(),
                    tier == 0 ? "-" : Integer.toString(tier)));
        }
        for (Importance.PairShare p : imp.pairs()) {
            if (p.share() >= SHOWN_PAIR) {
                b.append(String.format(Locale.ROOT, "%-" + width + "s  %6.3f  %8.3f%n", p.first() + " × " + p.second(),
                        p.share(), p.spread()));
            }
        }
        b.append(String.format(Locale.ROOT, "%-" + width + "s  %6.3f%n", "rest", imp.rest()));
        b.append("(share: of the variance of the objective over the space; pairs: beyond their two parts alone;")
                .append(" rest: three or more together)\n");
        b.append(CourseOrder.LINE).append('\n');
        b.append(CourseOrder.reading(imp)).append('\n');
        return b.toString();
    }

    static ObjectNode toJson(Importance imp, List<Round> rounds) {
        ObjectNode o = Json.object();
        o.put("objective", imp.objective().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        o.put("trials", imp.trials());
        ArrayNode rs = o.putArray("rounds");
        rounds.forEach(r -> rs.add(r.index() + 1));
        o.put("available", imp.available());
        o.put("note", imp.note());
        ArrayNode ps = o.putArray("params");
        for (Importance.Share s : imp.params()) {
            ObjectNode p = ps.addObject();
            p.put("name", s.param());
            p.put("share", s.share());
            p.put("spread", s.spread());
            p.put("courseTier", CourseOrder.tier(s.param()));
        }
        ArrayNode pairs = o.putArray("pairs");
        for (Importance.PairShare s : imp.pairs()) {
            ObjectNode p = pairs.addObject();
            p.putArray("names").add(s.first()).add(s.second());
            p.put("share", s.share());
            p.put("spread", s.spread());
        }
        o.put("rest", imp.rest());
        o.put("course", CourseOrder.LINE);
        o.put("reading", CourseOrder.reading(imp));
        return o;
    }
}
