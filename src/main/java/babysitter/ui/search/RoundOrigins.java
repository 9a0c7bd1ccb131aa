package babysitter.ui.search;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The origins the Search window records for the rounds it adds ("top 3 of round 1"): file content
 * of the search folder, the same in every language, so that a search reads the same whoever opens
 * it. {@link #read} recognises them again so that the window can say them in its own language.
 */
final class RoundOrigins {
    /** The origin {@code Search.create} gives the first round. */
    static final String INITIAL = "initial";

    private static final Pattern BRUSHED = Pattern.compile("brushed on round (\\d+)");
    private static final Pattern TOP = Pattern.compile("top (\\d+) of round (\\d+)");
    private static final Pattern IMPORTANT = Pattern.compile("important ones of round (\\d+); held (.*)");

    /** What kind of round an origin names, with its numbers (rounds counted from 1, as shown). */
    enum Kind { INITIAL, BRUSHED, TOP, IMPORTANT }

    /**
     * A recorded origin, read.
     *
     * @param round the round it came from (0 for the initial round)
     * @param k     the k of a top-k round, else 0
     * @param held  the parameters held fixed ("name=value, …") of a round on the important ones, else ""
     */
    record Origin(Kind kind, int round, int k, String held) {
    }

    private RoundOrigins() {
    }

    /** A round over the brushed ranges of round {@code round}. */
    static String brushed(int round) {
        return "brushed on round " + round;
    }

    /** A round around the best {@code k} trials of round {@code round}. */
    static String top(int k, int round) {
        return "top " + k + " of round " + round;
    }

    /** A round on the parameters that mattered in round {@code round}, the others {@code held} ("name=value"). */
    static String important(int round, List<String> held) {
        return "important ones of round " + round + "; held " + String.join(", ", held);
    }

    /** The origin read back, empty for one not made here (an older or a hand-written search). */
    static Optional<Origin> read(String origin) {
        if (INITIAL.equals(origin)) {
            return Optional.of(new Origin(Kind.INITIAL, 0, 0, ""));
        }
        try {
            return parse(origin);
        } catch (NumberFormatException e) {
            return Optional.empty(); // a number too large for a round: not one of ours
        }
    }

    private static Optional<Origin> parse(String origin) {
        Matcher m = BRUSHED.matcher(origin);
        if (m.matches()) {
            return Optional.of(new Origin(Kind.BRUSHED, Integer.parseInt(m.group(1)), 0, ""));
        }
        m = TOP.matcher(origin);
        if (m.matches()) {
            return Optional.of(new Origin(Kind.TOP, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)), ""));
        }
        m = IMPORTANT.matcher(origin);
        if (m.matches()) {
            return Optional.of(new Origin(Kind.IMPORTANT, Integer.parseInt(m.group(1)), 0, m.group(2)));
        }
        return Optional.empty();
    }
}
