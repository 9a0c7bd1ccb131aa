package babysitter.data;

import java.util.Arrays;
import java.util.List;

/**
 * A data description that breaks one of its rules: the rule and its values (field names, numbers
 * and names as written in JSON), so that a window says it in its language ({@code data.rule.<key>}
 * in the bundles); the message is the English sentence the command line prints.
 */
public final class DataSpecException extends IllegalArgumentException {
    /** The rules of a data description, each with its English sentence. */
    public enum Rule {
        KIND_REQUIRED("kindRequired", "data.kind is required: one of {0}"),
        KIND_UNKNOWN("kindUnknown", "data.kind must be one of {0}, got \"{1}\""),
        NOT_FOR_KIND("notForKind", "data.{0} does not apply to kind {1} (it takes {2})"),
        NOT_FOR_KIND_NONE("notForKindNone", "data.{0} does not apply to kind {1} (it takes no such fields)"),
        N_AT_LEAST("nAtLeast", "data.n must be at least {0}, got {1}"),
        N_AT_MOST("nAtMost", "data.n must be at most {0} (the points of a built-in set are held in memory), got {1}"),
        AT_MOST("atMost", "data.{0} must be at most {1}, got {2}"),
        AT_LEAST_2("atLeast2", "data.{0} must be at least 2, got {1}"),
        NOISE("noise", "data.noise must be a finite number >= 0, got {0}"),
        IDX_PATH_REQUIRED("idxPathRequired", "data.path is required for kind idx: a folder of IDX files"),
        CSV_PATH_REQUIRED("csvPathRequired", "data.path is required for kind csv: a CSV file"),
        LABEL_COLUMN("labelColumn", "data.labelColumn must be a column name, a 0-based index or \"last\", got \"{0}\""),
        FRACTION("fraction", "data.{0} must be in [0, 1), got {1}"),
        FRACTIONS("fractions", "data.devFraction + data.testFraction must be < 1, got {0} + {1}");

        private final String key;
        private final Sentence english;

        Rule(String key, String english) {
            this.key = key;
            this.english = Sentence.of(english);
        }

        /** Its sentence's key in the bundles: {@code data.rule.nAtLeast}, … */
        public String key() {
            return "data.rule." + key;
        }

        /** How many values its sentence takes. */
        public int arity() {
            return english.arity();
        }
    }

    private final Rule rule;
    private final transient List<Object> values;

    /** {@code rule} broken; {@code values} fill its sentence. */
    public DataSpecException(Rule rule, Object... values) {
        super(rule.english.with(Arrays.asList(values), String::valueOf));
        rule.english.requireValues(rule, values.length);
        this.rule = rule;
        this.values = List.copyOf(Arrays.asList(values));
    }

    public Rule rule() {
        return rule;
    }

    public List<Object> values() {
        return values;
    }
}
