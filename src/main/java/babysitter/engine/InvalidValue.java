package babysitter.engine;

import java.util.List;
import java.util.Objects;

/**
 * A value that breaks its rule, kept as parts — which value, which rule (with its bounds), what it
 * was — so that a window can say it in its own language. The message is the English sentence the
 * command line, the logs and the files show: "mini-batch size must be at least 1, got 0".
 */
public class InvalidValue extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** A rule a value must follow; {0} in its English is its bound. */
    public enum Rule {
        /** A finite number greater than 0. */
        POSITIVE("must be a finite number > 0"),
        /** A finite number of at least 0. */
        NOT_NEGATIVE("must be a finite number >= 0"),
        /** A number from 0 up to, but not including, 1. */
        FRACTION("must be in [0, 1)"),
        /** A number above 0 up to and including 1: a factor that shrinks or keeps. */
        FACTOR("must be in (0, 1]"),
        /** A whole number of at least {0}. */
        AT_LEAST("must be at least {0}");

        private final String english;

        Rule(String english) {
            this.english = english;
        }

        /** How many bounds the rule takes. */
        public int bounds() {
            return english.contains("{0}") ? 1 : 0;
        }

        String english(List<String> bounds) {
            return bounds.isEmpty() ? english : english.replace("{0}", bounds.get(0));
        }
    }

    private final String name;
    private final String englishName;
    private final Rule rule;
    private final String value;
    private final List<String> bounds;

    /**
     * @param name        the value's name for a window's words: a configuration name such as
     *                    {@code learningRate}, or a more specific one such as {@code decayRate.EXPONENTIAL}
     * @param englishName how the English sentence names the value ("mini-batch size")
     * @param rule        the rule it breaks
     * @param value       the value, as the sentence writes it
     * @param bounds      the rule's bounds, as many as {@link Rule#bounds()}
     */
    public InvalidValue(String name, String englishName, Rule rule, String value, String... bounds) {
        super(english(englishName, rule, value, List.of(bounds)));
        if (bounds.length != rule.bounds()) {
            throw new IllegalArgumentException(rule + " takes " + rule.bounds() + " bounds, got " + bounds.length);
        }
        this.name = Objects.requireNonNull(name, "name");
        this.englishName = englishName;
        this.rule = rule;
        this.value = value;
        this.bounds = List.of(bounds);
    }

    /** The English sentence of a value that breaks its rule: "mini-batch size must be at least 1, got 0". */
    public static String english(String englishName, Rule rule, String value, List<String> bounds) {
        return englishName + " " + rule.english(bounds) + ", got " + value;
    }

    /** The value's name for a window's words ("batchSize", "decayRate.EXPONENTIAL"). */
    public String name() {
        return name;
    }

    /** How the English sentence names the value ("mini-batch size"). */
    public String englishName() {
        return englishName;
    }

    public Rule rule() {
        return rule;
    }

    /** The value that broke the rule, as the message writes it. */
    public String value() {
        return value;
    }

    /** The rule's bounds, as the message writes them. */
    public List<String> bounds() {
        return bounds;
    }
}
