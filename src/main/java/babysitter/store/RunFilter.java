package babysitter.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which runs of the library to show: every term must hold. A term is either a word, which some
 * column's text contains (case-insensitive; the note counts too), or a comparison with a column
 * value: {@code data=spiral}, {@code state!=killed}, {@code dev-acc>0.9}, {@code epochs<=5}. Text
 * columns compare with {@code =} and {@code !=} (the text contains, or does not contain, the value);
 * numeric ones also with {@code <, <=, >, >=}. Text is matched as the command line prints it and,
 * in the window, as the window shows it too ({@code state=완료} as well as {@code state=finished}).
 */
public final class RunFilter implements Predicate<RunLibrary.Entry> {
    private static final Pattern COMPARISON = Pattern.compile("([a-zA-Z-]+)\\s*(!=|<=|>=|=|<|>)\\s*(.*)");
    /** Shows every run. */
    public static final RunFilter ALL = new RunFilter(List.of(), "");

    private final List<Predicate<RunLibrary.Entry>> terms;
    private final String text;

    private RunFilter(List<Predicate<RunLibrary.Entry>> terms, String text) {
        this.terms = List.copyOf(terms);
        this.text = text;
    }

    /**
     * The filter of {@code text}: terms separated by spaces.
     *
     * @throws IllegalArgumentException naming the term and the rule when a comparison names no column,
     *                                  compares text with {@code <}, or a number with something else
     */
    public static RunFilter parse(String text) {
        return parse(text, RunColumn::text);
    }

    /**
     * As {@link #parse(String)}, a text also matching a cell as {@code shown} shows it (the window's
     * words for the state, the optimiser…).
     */
    public static RunFilter parse(String text, BiFunction<RunColumn, RunLibrary.Entry, String> shown) {
        List<Predicate<RunLibrary.Entry>> terms = new ArrayList<>();
        for (String term : text.strip().split("\\s+")) {
            if (!term.isEmpty()) {
                terms.add(term(term, shown));
            }
        }
        return new RunFilter(terms, text.strip());
    }

    /** Whether the cell's text, as printed or as shown, contains {@code lowerCase}. */
    private static boolean contains(RunColumn c, RunLibrary.Entry e, String lowerCase,
                                    BiFunction<RunColumn, RunLibrary.Entry, String> shown) {
        return c.text(e).toLowerCase(Locale.ROOT).contains(lowerCase)
                || shown.apply(c, e).toLowerCase(Locale.ROOT).contains(lowerCase);
    }

    /** The filter of several texts (the command line's repeated {@code --filter}): all must hold. */
    public static RunFilter parse(List<String> texts) {
        return parse(String.join(" ", texts));
    }

    private static Predicate<RunLibrary.Entry> term(String term, BiFunction<RunColumn, RunLibrary.Entry, String> shown) {
        Matcher m = COMPARISON.matcher(term);
        if (!m.matches()) {
            String word = term.toLowerCase(Locale.ROOT);
            return e -> {
                for (RunColumn c : RunColumn.values()) {
                    if (contains(c, e, word, shown)) {
                        return true;
                    }
                }
                return e.summary().notes().note().toLowerCase(Locale.ROOT).contains(word);
            };
        }
        RunColumn column;
        try {
            column = RunColumn.byKey(m.group(1));
        } catch (IllegalArgumentException e) {
            throw new BadFilter(BadFilter.Kind.NO_COLUMN, term, m.group(1).strip(), RunColumn.keys());
        }
        String op = m.group(2);
        String value = m.group(3);
        if (value.isEmpty()) {
            throw new BadFilter(BadFilter.Kind.NO_VALUE, term, op);
        }
        if (!column.numeric()) {
            if (!op.equals("=") && !op.equals("!=")) {
                throw new BadFilter(BadFilter.Kind.TEXT_COLUMN, term, column.key());
            }
            String v = value.toLowerCase(Locale.ROOT);
            boolean equal = op.equals("=");
            return e -> contains(column, e, v, shown) == equal;
        }
        double x;
        try {
            x = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new BadFilter(BadFilter.Kind.NOT_A_NUMBER, term, column.key(), value);
        }
        return e -> {
            double y = column.number(e);
            if (Double.isNaN(y)) {
                return op.equals("!=");
            }
            return switch (op) {
                case "=" -> y == x;
                case "!=" -> y != x;
                case "<" -> y < x;
                case "<=" -> y <= x;
                case ">" -> y > x;
                default -> y >= x;
            };
        };
    }

    @Override
    public boolean test(RunLibrary.Entry e) {
        for (Predicate<RunLibrary.Entry> t : terms) {
            if (!t.test(e)) {
                return false;
            }
        }
        return true;
    }

    /** The text it was made from. */
    @Override
    public String toString() {
        return text;
    }

    /**
     * A filter term that cannot be read: its kind and values, so that the window can say it in its
     * language; the message is the command line's English sentence.
     */
    public static final class BadFilter extends IllegalArgumentException {
        /** What is wrong with the term; each kind's values, in order, after the term itself. */
        public enum Kind {
            /** The column named, and the columns there are. */
            NO_COLUMN,
            /** The comparison with nothing after it. */
            NO_VALUE,
            /** A text column compared with &lt; or &gt;: the column. */
            TEXT_COLUMN,
            /** A number column compared with a word: the column and the word. */
            NOT_A_NUMBER;

            /** The bundle key of this kind's sentence (the term is {0}, the values follow). */
            public String key() {
                return "store.filter." + name().toLowerCase(Locale.ROOT);
            }
        }

        private final Kind kind;
        private final List<String> values;

        BadFilter(Kind kind, String term, String... values) {
            super(english(kind, term, values));
            this.kind = kind;
            List<String> all = new ArrayList<>();
            all.add(term);
            all.addAll(List.of(values));
            this.values = List.copyOf(all);
        }

        private static String english(Kind kind, String term, String[] v) {
            String why = switch (kind) {
                case NO_COLUMN -> "no column '" + v[0] + "'; the columns are " + v[1];
                case NO_VALUE -> "a value must follow '" + v[0] + "'";
                case TEXT_COLUMN -> v[0] + " is text; compare it with = or !=";
                case NOT_A_NUMBER -> v[0] + " is a number, but '" + v[1] + "' is not";
            };
            return "filter '" + term + "': " + why;
        }

        public Kind kind() {
            return kind;
        }

        /** The term, then the kind's values. */
        public List<String> values() {
            return values;
        }
    }
}
