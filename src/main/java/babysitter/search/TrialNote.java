package babysitter.search;

import babysitter.engine.InvalidValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Why a trial stopped, failed or went back to the queue, as a kind and its values rather than a
 * sentence, so that a reader can say it in its own language. {@link #english()} is the sentence the
 * command line prints and {@code trials.jsonl} keeps as a line's {@code note}; the line also keeps the
 * kind ({@code noteKind}) and the values ({@code noteValues}). A note read from a file without them
 * (or whose values do not give back its sentence) is {@link Kind#TEXT}: its sentence as recorded.
 *
 * @param kind   what happened
 * @param values the kind's values, in the order of {@link Kind}'s description: whole numbers as
 *               {@link Long}, other numbers as {@link Double}, words as {@link String}
 */
public record TrialNote(Kind kind, List<Object> values) {

    /** No note: a trial that runs or trained every epoch. */
    public static final TrialNote NONE = new TrialNote(Kind.NONE, List.of());

    /** What a note says, with its values. */
    public enum Kind {
        /** Nothing. */
        NONE(""),
        /** A sentence as it was recorded (a file from before notes had a kind): the sentence. */
        TEXT("s"),
        /** The median rule stopped it: best dev accuracy, epoch, median of the others, how many others. */
        MEDIAN("dwdw"),
        /** Successive halving stopped it: rung (epochs), best dev accuracy, kept, trials at the rung, eta, the lowest kept. */
        HALVING("wdwwdd"),
        /** Its values make no network: the reason. */
        INVALID("s"),
        /**
         * Its values make no network because one breaks its rule: the values tried, then the value's
         * name, English name, rule, the value and the rule's bound ("" for none), as {@link InvalidValue} has them.
         */
        INVALID_VALUE("ssssss"),
        /** It could not be handed to an executor: the error. */
        NOT_STARTED("s"),
        /** The training cost stopped being a number: epoch, the cost, α. */
        DIVERGED("wdd"),
        /** The dev cost stopped being a number while the training cost was one: epoch, the dev cost, α. */
        DIVERGED_DEV("wdd"),
        /** Training failed with an error: its message. */
        ERROR("s"),
        /** The coordinator could not write the trial's run folder: the error. */
        RUN_FOLDER("s"),
        /** The search was cancelled while it trained: epochs finished. */
        CANCELLED("w"),
        /** The search was interrupted while it trained; it was resumed. */
        INTERRUPTED(""),
        /** The member that trained it left the cluster. */
        MEMBER_LEFT(""),
        /** The member that took it from the queue left before saying it started. */
        UNCLAIMED(""),
        /** The member that trained it shut down: the member. */
        MEMBER_SHUT_DOWN("s"),
        /** Handed back for another reason: the reason in words. */
        RETURNED("s");

        // one letter a value: w a whole number, d a number, s words
        private final String shape;

        Kind(String shape) {
            this.shape = shape;
        }

        /** The key of its sentence in the bundles: {@code note.trial.median}, {@code note.trial.notStarted}, … */
        public String key() {
            StringBuilder camel = new StringBuilder("note.trial.");
            boolean upper = false;
            for (char c : name().toLowerCase(Locale.ROOT).toCharArray()) {
                if (c == '_') {
                    upper = true;
                } else {
                    camel.append(upper ? Character.toUpperCase(c) : c);
                    upper = false;
                }
            }
            return camel.toString();
        }
    }

    public TrialNote {
        Objects.requireNonNull(kind, "kind");
        values = List.copyOf(values);
        if (values.size() != kind.shape.length()) {
            throw new IllegalArgumentException(kind + " takes " + kind.shape.length() + " values, got " + values.size());
        }
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            boolean fits = switch (kind.shape.charAt(i)) {
                case 'w' -> v instanceof Long;
                case 'd' -> v instanceof Double;
                default -> v instanceof String;
            };
            if (!fits) {
                throw new IllegalArgumentException(kind + " value " + (i + 1) + " has the wrong type: " + v);
            }
        }
    }

    private static TrialNote of(Kind kind, Object... values) {
        return new TrialNote(kind, List.of(values));
    }

    /** A sentence as it came (an old file, or an executor that gave only words); "" is no note. */
    public static TrialNote text(String sentence) {
        return sentence == null || sentence.isEmpty() ? NONE : of(Kind.TEXT, sentence);
    }

    public static TrialNote median(double best, int epoch, double median, int others) {
        return of(Kind.MEDIAN, best, (long) epoch, median, (long) others);
    }

    public static TrialNote halving(int rung, double best, int keep, int reached, double eta, double needs) {
        return of(Kind.HALVING, (long) rung, best, (long) keep, (long) reached, eta, needs);
    }

    public static TrialNote invalid(String reason) {
        return of(Kind.INVALID, String.valueOf(reason));
    }

    /** Its values ({@code combination}, as the sentence writes them) make no network: {@code problem} says why. */
    public static TrialNote invalidValue(String combination, InvalidValue problem) {
        return of(Kind.INVALID_VALUE, combination, problem.name(), problem.englishName(), problem.rule().name(),
                problem.value(), problem.bounds().isEmpty() ? "" : problem.bounds().get(0));
    }

    /** The value that broke its rule, of an {@link Kind#INVALID_VALUE} note. */
    public InvalidValue invalidValue() {
        if (kind != Kind.INVALID_VALUE) {
            throw new IllegalStateException(kind + " is not an invalid value");
        }
        InvalidValue.Rule rule = InvalidValue.Rule.valueOf(words(3));
        String[] bounds = rule.bounds() == 0 ? new String[0] : new String[] {words(5)};
        return new InvalidValue(words(1), words(2), rule, words(4), bounds);
    }

    public static TrialNote notStarted(String error) {
        return of(Kind.NOT_STARTED, String.valueOf(error));
    }

    public static TrialNote diverged(int epoch, double cost, double alpha) {
        return of(Kind.DIVERGED, (long) epoch, cost, alpha);
    }

    public static TrialNote divergedDev(int epoch, double devCost, double alpha) {
        return of(Kind.DIVERGED_DEV, (long) epoch, devCost, alpha);
    }

    public static TrialNote error(String message) {
        return of(Kind.ERROR, String.valueOf(message));
    }

    public static TrialNote runFolder(String error) {
        return of(Kind.RUN_FOLDER, String.valueOf(error));
    }

    public static TrialNote cancelled(int epochs) {
        return of(Kind.CANCELLED, (long) epochs);
    }

    public static TrialNote interrupted() {
        return of(Kind.INTERRUPTED);
    }

    public static TrialNote memberLeft() {
        return of(Kind.MEMBER_LEFT);
    }

    public static TrialNote unclaimed() {
        return of(Kind.UNCLAIMED);
    }

    public static TrialNote memberShutDown(String member) {
        return of(Kind.MEMBER_SHUT_DOWN, String.valueOf(member));
    }

    /** Handed back for a reason given in words. */
    public static TrialNote returned(String why) {
        return of(Kind.RETURNED, String.valueOf(why));
    }

    /** Whether this is no note at all. */
    public boolean isEmpty() {
        return kind == Kind.NONE;
    }

    /** Whether the trial goes back to the queue with this note (it restarts from scratch). */
    public boolean handsBack() {
        return switch (kind) {
            case MEMBER_LEFT, UNCLAIMED, MEMBER_SHUT_DOWN, RETURNED -> true;
            default -> false;
        };
    }

    /** Value {@code i} as a whole number. */
    public long whole(int i) {
        return (Long) values.get(i);
    }

    /** Value {@code i} as a number. */
    public double number(int i) {
        return (Double) values.get(i);
    }

    /** Value {@code i} as words. */
    public String words(int i) {
        return (String) values.get(i);
    }

    /** The sentence the command line prints and the file keeps. */
    public String english() {
        return switch (kind) {
            case NONE -> "";
            case TEXT -> words(0);
            case MEDIAN -> "median rule: best dev accuracy " + four(number(0)) + " after epoch " + whole(1)
                    + " is below the median " + four(number(2)) + " of " + whole(3) + " other trials at that epoch";
            case HALVING -> "successive halving: at the rung of " + whole(0) + " epochs, best dev accuracy "
                    + four(number(1)) + " is not in the top " + whole(2) + " of " + whole(3) + " trials (1/eta, eta "
                    + Param.num(number(4)) + "; needs >= " + four(number(5)) + ")";
            case INVALID -> "invalid combination: " + words(0);
            case INVALID_VALUE -> "invalid combination: " + words(0) + ": " + invalidValue().getMessage();
            case NOT_STARTED -> "could not be started: " + words(0);
            case DIVERGED -> "diverged at epoch " + whole(0) + ": cost " + number(1) + ", α=" + Param.num(number(2));
            case DIVERGED_DEV -> "diverged at epoch " + whole(0) + ": cost " + number(1) + " (dev), α="
                    + Param.num(number(2));
            case ERROR -> words(0);
            case RUN_FOLDER -> "cannot write its run folder: " + words(0);
            case CANCELLED -> "cancelled after epoch " + whole(0) + "; restarts from scratch";
            case INTERRUPTED -> "restarts from scratch (interrupted)";
            case MEMBER_LEFT -> "its member left the cluster; restarts from scratch";
            case UNCLAIMED -> "the member that took it left the cluster; restarts from scratch";
            case MEMBER_SHUT_DOWN -> "member " + words(0) + " shut down; restarts from scratch";
            case RETURNED -> words(0) + "; restarts from scratch";
        };
    }

    /** A dev accuracy as the sentences write it: four digits after the point. */
    static String four(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    @Override
    public String toString() {
        return english();
    }

    // ---------------------------------------------------------------- JSON

    /** Puts {@code note}, and when it has values or a kind beyond words, {@code noteKind} and {@code noteValues}. */
    public void write(ObjectNode line) {
        line.put("note", english());
        if (kind == Kind.NONE || kind == Kind.TEXT) {
            return;
        }
        line.put("noteKind", kind.name());
        ArrayNode a = line.putArray("noteValues");
        for (Object v : values) {
            if (v instanceof Long w) {
                a.add(w);
            } else if (v instanceof Double d) {
                if (Double.isFinite(d)) {
                    a.add(d);
                } else {
                    a.add(String.valueOf(d));
                }
            } else {
                a.add((String) v);
            }
        }
    }

    /**
     * The note of a line: its kind and values when it has them and they give back its sentence,
     * otherwise the sentence as recorded (a line written before notes had a kind, or by another program).
     */
    public static TrialNote read(JsonNode line) {
        String sentence = line.path("note").asText("");
        TrialNote structured = structured(line);
        return structured != null && givesBack(structured, sentence) ? structured : text(sentence);
    }

    private static boolean givesBack(TrialNote note, String sentence) {
        try {
            return note.english().equals(sentence);
        } catch (IllegalArgumentException e) {
            return false; // values that make no sentence (a rule this program does not know)
        }
    }

    private static TrialNote structured(JsonNode line) {
        JsonNode kindNode = line.get("noteKind");
        JsonNode valuesNode = line.get("noteValues");
        if (kindNode == null || !kindNode.isTextual() || valuesNode == null || !valuesNode.isArray()) {
            return null;
        }
        Kind kind;
        try {
            kind = Kind.valueOf(kindNode.asText());
        } catch (IllegalArgumentException e) {
            return null; // a kind from a newer program: its sentence stands
        }
        if (valuesNode.size() != kind.shape.length()) {
            return null;
        }
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < valuesNode.size(); i++) {
            JsonNode v = valuesNode.get(i);
            switch (kind.shape.charAt(i)) {
                case 'w' -> {
                    if (!v.canConvertToLong() || !v.isIntegralNumber()) {
                        return null;
                    }
                    values.add(v.asLong());
                }
                case 'd' -> {
                    if (!v.isNumber() && !v.isTextual()) {
                        return null;
                    }
                    double d = TrialLog.number(v);
                    if (Double.isNaN(d) && !"NaN".equals(v.asText())) {
                        return null;
                    }
                    values.add(d);
                }
                default -> {
                    if (!v.isTextual()) {
                        return null;
                    }
                    values.add(v.asText());
                }
            }
        }
        return new TrialNote(kind, values);
    }
}
