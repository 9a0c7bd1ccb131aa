package babysitter.session.configuration;

import babysitter.data.Sentence;
import java.util.List;

/**
 * The rules a configuration or a search-space file can break, each with its English sentence (the
 * one the command line prints) and its key in the bundles ({@code config.rule.<key>}), so that a
 * window says the same rule in its language. A value that is a {@link Word} is said in words too.
 */
public enum ConfigRule {
    NO_SUCH_FILE("noSuchFile", "no such file"),
    NOT_UTF8("notUtf8", "holds bytes that are not UTF-8 text"),
    A_FOLDER("aFolder", "is a folder, not a {0}"),
    CANNOT_READ("cannotRead", "cannot be read ({0})"),
    EMPTY("empty", "the file is empty: expected a JSON object"),
    NO_CONFIGURATION("noConfiguration", "the file holds no configuration object"),
    NO_CONFIGURATION_HERE("noConfigurationHere", "holds no configuration object"),
    UNKNOWN_KEY("unknownKey", "unknown key ''{0}''; known keys: {1}"),
    UNKNOWN_KEY_IN("unknownKeyIn", "unknown key ''{0}'' in {1}; known keys: {2}"),
    REQUIRED("required", "''{0}'' is required"),
    RUN_NO_CONFIG("runNoConfig", "has no 'config' object"),
    /** The two examples are values: the bundles hold no braces but those of a value's place. */
    EPOCH_OR_STEP("epochOrStep", "give either \"epoch\" or \"step\" (one of them), as {0} or {1}"),
    EPOCHS_BEFORE("epochsBefore", "must be >= 0 (the epochs done before the change), got {0}"),
    STEPS_BEFORE("stepsBefore", "must be >= 0 (the steps done before the change), got {0}"),
    CHANGES_NOTHING("changesNothing",
            "changes nothing: give at least one of learningRate, momentum, beta1, beta2, batchSize, optimizer"),
    SPACE_NOT_OBJECT("spaceNotObject", "the file must hold a JSON object with \"base\" and \"params\""),
    PARAMS_EMPTY("paramsEmpty", "expected a non-empty list of hyperparameters"),
    NAME_TWICE("nameTwice", "''{0}'' appears twice"),
    BASE_REQUIRED("baseRequired", "required (a run configuration object, or the path of one)"),
    BASE_NOT_OBJECT("baseNotObject", "expected a run configuration object or a file path, got {0}"),
    PARAM_NOT_OBJECT("paramNotObject", "expected an object with name, scale, min, max (or choices)"),
    NAME_REQUIRED("nameRequired", "required, a hyperparameter name ({0})"),
    NAME_UNKNOWN("nameUnknown", "''{0}'' is not a hyperparameter a search can vary; known names: {1}"),
    SCALE_REQUIRED("scaleRequired", "required, one of {0}"),
    SCALE_UNKNOWN("scaleUnknown", "''{0}'' is not a scale; known scales: {1}"),
    SCALE_NOT_ALLOWED("scaleNotAllowed", "{0} cannot be searched on a ''{1}'' scale; allowed: {2}"),
    CHOICE_NOT_MIN_MAX("choiceNotMinMax", "a choice takes \"choices\", not min/max"),
    CHOICES_REQUIRED("choicesRequired", "required, a non-empty list"),
    CHOICE_NOT_TEXT("choiceNotText", "{0} is not a string"),
    CHOICES_ONLY_FOR_CHOICE("choicesOnlyForChoice", "only a 'choice' scale takes choices"),
    NUMBER_REQUIRED("numberRequired", "required, a number"),
    NOT_A_NUMBER("notANumber", "{0} is not a number"),
    NOT_VALID("notValid", "{0} is not a valid {1}"),
    NOT_VALID_ONE_OF("notValidOneOf", "{0} is not a valid {1} (one of {2})"),
    EXPECTED("expected", "expected {0}{1}"),
    EXPECTED_ONE_OF("expectedOneOf", "expected {0} (one of {1}){2}"),
    CHOICES_NOT_DISTINCT("choicesNotDistinct", "{0}: the choices {1} must be distinct"),
    RANGE_NOT_FINITE("rangeNotFinite", "{0}: min and max must be finite numbers, got {1} and {2}"),
    MIN_ABOVE_MAX("minAboveMax", "{0}: min {1} is greater than max {2}"),
    LOG_RANGE("logRange", "{0}: min {1} is not allowed: a log scale needs 0 < min <= max"),
    ONE_MINUS_LOG_RANGE("oneMinusLogRange",
            "{0}: [{1}, {2}] is not allowed: a one-minus-log scale needs 0 <= min <= max < 1"),
    INTEGER_RANGE("integerRange", "{0}: [{1}, {2}] is not allowed: an integer scale needs whole numbers"),
    INTEGER_TOO_LARGE("integerTooLarge", "{0}: integer range too large"),
    POW2_RANGE("pow2Range", "{0}: [{1}, {2}] is not allowed: a pow2 scale needs powers of two >= 1 (1, 2, 4, 8, ...)"),
    LAYERS_AT_LEAST_0("layersAtLeast0", "layers: {0} is not allowed: must be at least 0"),
    NO_LAYER_TO_COPY("noLayerToCopy", "layers: the base configuration has no hidden layer to copy"),
    NO_VALUE("noValue", "{0}: no value"),
    UNITS_AT_LEAST_1("unitsAtLeast1", "units: {0} is not allowed: a layer needs at least 1 unit"),
    TRUE_OR_FALSE("trueOrFalse", "{0}: ''{1}'' is not allowed: must be \"true\" or \"false\""),
    NO_LAYER_FOR("noLayerFor", "{0}: the configuration has no hidden layer to apply it to"),
    FINITE("finite", "{0}: ''{1}'' is not allowed: must be a finite number"),
    WHOLE("whole", "{0}: ''{1}'' is not allowed: must be a whole number"),
    ONE_OF("oneOf", "{0}: ''{1}'' is not allowed: must be one of {2}");

    private final String key;
    private final Sentence english;

    ConfigRule(String key, String english) {
        this.key = key;
        this.english = Sentence.of(english);
    }

    /** Its sentence's key in the bundles: {@code config.rule.noSuchFile}, … */
    public String key() {
        return "config.rule." + key;
    }

    /** How many values its sentence takes. */
    public int arity() {
        return english.arity();
    }

    /** The English sentence with its values; refuses a wrong number of them. */
    public String english(List<Object> values) {
        english.requireValues(this, values.size());
        return english.with(values, v -> v instanceof Word w ? w.english : v instanceof Found f ? f.english()
                : String.valueOf(v));
    }

    /** A value said in words: what kind of file a person named, what kind of value a key takes. */
    public enum Word {
        CONFIGURATION_FILE("configuration file"),
        SPACE_FILE("space file"),
        WHOLE_NUMBER("a whole number"),
        NUMBER("a number"),
        TRUE_OR_FALSE("true or false"),
        TEXT("a string"),
        VALUE("value"),
        LIST("a list"),
        OBJECT("an object");

        private final String english;

        Word(String english) {
            this.english = english;
        }

        /** Its key in the bundles: {@code config.word.SPACE_FILE}, … */
        public String key() {
            return "config.word." + name();
        }
    }

    /** What a file held where another kind of value belongs, and the value as written ("" for none). */
    public record Found(Kind kind, String value) {
        /** The kinds of value a parser reports finding. */
        public enum Kind {
            TEXT(", found the text {0}"),
            TRUE_OR_FALSE(", found {0}"),
            OBJECT(", found an object"),
            LIST(", found a list"),
            FRACTION(", found the fraction {0}"),
            NULL(", found null"),
            WHOLE_NUMBER(", found the whole number {0}");

            private final String english;

            Kind(String english) {
                this.english = english;
            }

            /** Its key in the bundles: {@code config.found.TEXT}, … */
            public String key() {
                return "config.found." + name();
            }
        }

        /** ", found the text "0.01"". */
        public String english() {
            return kind.english.replace("{0}", value);
        }
    }
}
