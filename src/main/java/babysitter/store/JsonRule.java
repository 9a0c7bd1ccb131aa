package babysitter.store;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules a JSON text can break, in the words {@link Json} gives them (the parser's own words
 * turned into ours), with at most one value each: the token found, or the parser's detail. A
 * {@link Json.Problem} keeps the rule as its sentence; {@link #read} finds the rule and its value in
 * that sentence again, so that a window can say it in its language ({@code store.json.<key>}).
 */
public enum JsonRule {
    NOT_A_NUMBER("notANumber", "{0} is not a number JSON allows: write a finite number"),
    EMPTY("empty", "the file is empty: expected a JSON object"),
    ENDS_EARLY("endsEarly", "the text ends before the JSON value is complete (a missing '}', ']' or '\"'?)"),
    NOT_A_VALUE("notAValue", "'{0}' is not a JSON value (text needs double quotes; true, false and null are lower case)"),
    TRAILING_TEXT("trailingText", "more text follows the end of the JSON value"),
    NOT_UTF8("notUtf8", "holds bytes that are not UTF-8 text"),
    CONTROL_CHARACTER("controlCharacter",
            "a control character (such as a line break or tab) inside a string: write it as \\n or \\t"),
    TOO_LARGE("tooLarge", "the number is too large ({0})"),
    BAD_NUMBER("badNumber", "not a valid JSON number ({0})"),
    COMMENT("comment", "JSON allows no comments (found {0})"),
    COMMA_BEFORE_BRACE("commaBeforeBrace", "a ',' before '}' (JSON allows no trailing comma)"),
    COMMA_BEFORE_BRACKET("commaBeforeBracket", "a ',' before ']' (JSON allows no trailing comma)"),
    EXPECTED_KEY("expectedKey", "expected a key in double quotes, found {0}"),
    EXPECTED_COMMA_OR_BRACE("expectedCommaOrBrace", "expected ',' or '}' after a value, found {0}"),
    EXPECTED_COMMA_OR_BRACKET("expectedCommaOrBracket", "expected ',' or ']' after a value, found {0}"),
    EXPECTED_COLON("expectedColon", "expected ':' after a key, found {0}"),
    EXPECTED_VALUE("expectedValue", "expected a value, found {0}"),
    UNEXPECTED("unexpected", "unexpected {0}"),
    DUPLICATE_KEY("duplicateKey", "the key '{0}' appears twice; each key may appear only once");

    private final String key;
    private final String english;
    private final Pattern pattern;

    JsonRule(String key, String english) {
        this.key = key;
        this.english = english;
        int at = english.indexOf("{0}");
        this.pattern = at < 0 ? Pattern.compile(Pattern.quote(english))
                : Pattern.compile(Pattern.quote(english.substring(0, at)) + "(.*)"
                        + Pattern.quote(english.substring(at + 3)), Pattern.DOTALL);
    }

    /** Its sentence's key in the bundles. */
    public String key() {
        return "store.json." + key;
    }

    /** The sentence with its value (none for a rule without one). */
    public String english(String... values) {
        return values.length == 0 ? english : english.replace("{0}", values[0]);
    }

    /** A rule found in a sentence, with its values. */
    public record Found(JsonRule rule, List<String> values) {
    }

    /** The rule whose sentence {@code sentence} is, with its value; empty for other words. */
    public static Optional<Found> read(String sentence) {
        for (JsonRule r : values()) {
            Matcher m = r.pattern.matcher(sentence);
            if (m.matches()) {
                List<String> v = m.groupCount() == 0 ? List.of() : List.of(m.group(1));
                if (r.english(v.toArray(String[]::new)).equals(sentence)) {
                    return Optional.of(new Found(r, v));
                }
            }
        }
        return Optional.empty();
    }
}
