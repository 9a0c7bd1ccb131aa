package babysitter.store;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why the divergence guard stopped a run, as numbers rather than a sentence, so that a reader can
 * say it in its own language. {@link #english()} is the text {@code events.jsonl} records as the
 * guard event's {@code reason}; the file keeps only that text.
 */
public sealed interface GuardReason {

    /** The step whose cost tripped the guard. */
    long step();

    /** The reason as recorded in {@code events.jsonl}. */
    String english();

    /** The step's cost was NaN or infinite. */
    record CostNotFinite(double cost, long step) implements GuardReason {
        public CostNotFinite {
            if (Double.isFinite(cost)) {
                throw new IllegalArgumentException("a cost that is not finite, got " + cost);
            }
        }

        /** "NaN", "+∞" or "−∞": the same in every language. */
        public String costText() {
            return Double.isNaN(cost) ? "NaN" : cost > 0 ? "+∞" : "−∞";
        }

        @Override
        public String english() {
            return "cost " + costText() + " at step " + step;
        }
    }

    /**
     * The smoothed step cost rose above {@code factor} times its best on the branch and above the
     * cost of guessing, ln C.
     */
    record CostRose(double smoothedCost, long step, double factor, double best, double guessingCost)
            implements GuardReason {
        /** The smoothed cost as written: four significant digits. */
        public String smoothedText() {
            return String.format(Locale.ROOT, "%.4g", smoothedCost);
        }

        /** The factor as written: a whole number without a point. */
        public String factorText() {
            return factor == Math.rint(factor) ? Long.toString((long) factor) : Double.toString(factor);
        }

        public String bestText() {
            return String.format(Locale.ROOT, "%.4g", best);
        }

        public String guessingText() {
            return String.format(Locale.ROOT, "%.3g", guessingCost);
        }

        @Override
        public String english() {
            return "smoothed cost " + smoothedText() + " at step " + step + ", above " + factorText() + " × the best "
                    + bestText() + " and above " + guessingText() + ", the cost of guessing";
        }

        // the words english() writes, its five numbers as groups
        private static final Pattern TEXT = Pattern.compile("smoothed cost (\\S+) at step (\\d+), above (\\S+) × the"
                + " best (\\S+) and above (\\S+), the cost of guessing");

        /** The reason whose text is exactly {@code text}, at {@code step}, its numbers read back from it. */
        static Optional<GuardReason> read(String text, long step) {
            Matcher m = TEXT.matcher(text);
            if (!m.matches()) {
                return Optional.empty();
            }
            try {
                CostRose candidate = new CostRose(Double.parseDouble(m.group(1)), Long.parseLong(m.group(2)),
                        Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4)), Double.parseDouble(m.group(5)));
                // the numbers give back the very text, at the event's own step: nothing was guessed
                return candidate.step() == step && candidate.english().equals(text) ? Optional.of(candidate)
                        : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }

    /**
     * The reason of a guard event: the one it was made with, or for an event read from a file (which
     * keeps only the text) the reason at {@code step} whose text is exactly what this program writes
     * for it (a cost that was not finite, or a smoothed cost that rose, its numbers read back from the
     * text). Any other recorded text has no reason known here.
     */
    static Optional<GuardReason> of(Event.GuardTripped event, long step) {
        if (event.why() != null) {
            return Optional.of(event.why());
        }
        for (double cost : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            GuardReason candidate = new CostNotFinite(cost, step);
            if (candidate.english().equals(event.reason())) {
                return Optional.of(candidate);
            }
        }
        return CostRose.read(event.reason(), step);
    }
}
