package babysitter.i18n;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the string literals in Java source that look like words a person reads. A literal counts
 * as words when it holds Hangul, or two Latin letters in a row and one of: a space, a capital
 * first letter, or one lower-case word (such as "epoch") standing alone or put into a control. Left alone:
 * literals that are arguments of calls that never reach a person (logging, exceptions, style
 * classes, ids, resources, bundle keys), code-shaped literals (camelCase ids, kebab-case,
 * dotted or slashed names, CSS, accelerators, format patterns without words) and the few
 * symbols and names in {@link #ALLOWED}.
 */
final class LiteralScan {

    /** One literal that looks like words, where it is. */
    record Finding(String file, int line, String literal) {
        @Override
        public String toString() {
            return file + ":" + line + ": \"" + literal + "\"";
        }
    }

    /** Words that read the same in every language: names of things and file extensions. */
    static final Set<String> ALLOWED = Set.of("Babysitter", "png", "csv", "json", "html", "svg", "ReLU", "tanh",
            "SGD", "Adam", "RMSprop", "NaN", "Inf", "CSV", "PNG", "HTML", "JSON", "IDX", "MNIST", "Fashion-MNIST",
            "sigmoid", "softmax", "ms", "px", "log", "linear",
            "last", // the label column's keyword, typed as is in every language
            "lab", // the default name of a cluster, typed as is (worker --cluster lab)
            "log10 α", // a formula
            "Ag Ag", "Xg"); // probes that measure the height of a line of text

    /** Calls whose string arguments are for the program, not for a person. */
    private static final Set<String> CODE_CALLS = Set.of("LOG", "styleClass", "setId",
            "getPseudoClass", "setStyle", "getResource", "getResourceAsStream", "getString", "number",
            "lookup", "lookupAll", "getProperty", "equals", "equalsIgnoreCase", "startsWith", "endsWith", "replace",
            "replaceAll", "replaceFirst", "split", "matches", "compile", "keyCombination", "resolve",
            "requireNonNull", "SuppressWarnings", "createTempFile", "createTempDirectory", "getLogger", "Thread",
            "toPath", "indexOf", "ofPattern", "DecimalFormat", "PseudoClass", "forName", "bundle", "setOnAction",
            "Banner.of", "font");

    /** Calls that put their string argument on the screen. */
    private static final Set<String> UI_SINKS = Set.of("Label", "Button", "Tooltip", "CheckBox", "RadioButton",
            "ToggleButton", "MenuItem", "Menu", "RadioMenuItem", "CheckMenuItem", "Text", "TitledPane", "Tab",
            "setText", "setPromptText", "setTitle", "setHeaderText", "setContentText", "set", "setValue", "append",
            "ReadOnlyStringWrapper", "SimpleStringProperty");

    private static final Pattern CODE_SHAPED = Pattern.compile(
            "[a-z]+[A-Z][A-Za-z0-9]*" // camelCase id
                    + "|[#.]?[a-z0-9]+([-_.:/][a-z0-9]*)+[-_.:/]?" // kebab, snake, dotted, slashed, CSS classes
                    + "|-fx-.*|.*[{};]\\s*$" // CSS
                    + "|((Shortcut|Ctrl|Shift|Alt|Meta)\\+)+[A-Za-z0-9]+|Space|Escape|ENTER" // accelerators
                    + "|.*/.*\\.[a-z]{2,5}" // a resource path
                    + "|[0-9 ,]*( ?(relu|tanh|sigmoid|leaky_relu|linear|bn)[0-9 ,]*)+"); // hidden layers as typed

    private static final Pattern WORDS = Pattern.compile("[A-Za-z]{2,}");
    private static final Pattern HANGUL = Pattern.compile("[\\uAC00-\\uD7A3]");

    private LiteralScan() {
    }

    /** Whether a literal's text (its content without quotes) looks like words a person reads, given the call it is an argument of. */
    static boolean looksLikeWords(String text, String callee) {
        if (HANGUL.matcher(text).find()) {
            return true;
        }
        if (!WORDS.matcher(text).find() || ALLOWED.contains(text.strip())) {
            return false;
        }
        String method = callee == null ? null : callee.substring(callee.lastIndexOf('.') + 1);
        if (callee != null && (CODE_CALLS.contains(callee) || CODE_CALLS.contains(method) || method.endsWith("Exception") || method.endsWith("Error"))) {
            return false;
        }
        if (CODE_SHAPED.matcher(text).matches()) {
            return false;
        }
        if (text.contains(" ") || Character.isUpperCase(text.charAt(0))) {
            return true;
        }
        // one lower-case word ("epoch", "running") is a label where it stands alone (returned, assigned,
        // a switch's arm) or goes into a control's text; as another call's argument it is a name
        // (a field's, a data kind's)
        return text.matches("\\p{Alpha}+[:…]?") && (callee == null || UI_SINKS.contains(method));
    }

    /** The literals of one source file that look like words. */
    static List<Finding> scan(String file, String source) {
        List<Finding> found = new ArrayList<>();
        char[] code = source.toCharArray(); // a copy with comments and literal contents blanked, for finding the callee
        int line = 1;
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                end = end < 0 ? n : end;
                blank(code, i, end);
                i = end;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                line += count(source, i, end);
                blank(code, i, end);
                i = end;
            } else if (c == '\'') {
                int end = i + 1;
                while (end < n && source.charAt(end) != '\'') {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                blank(code, i + 1, end);
                i = end + 1;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end;
                String text = source.substring(i + 3, end);
                for (String l : text.split("\n")) {
                    if (looksLikeWords(l.strip().replaceAll("<[^>]*>", " ").strip().replaceAll("\\s+", " "), callee(code, i))
                            && !l.strip().isEmpty()) {
                        found.add(new Finding(file, line, l.strip()));
                        break;
                    }
                }
                line += count(source, i, end);
                blank(code, i + 3, end);
                i = end + 3;
            } else if (c == '"') {
                int end = i + 1;
                StringBuilder text = new StringBuilder();
                while (end < n && source.charAt(end) != '"') {
                    if (source.charAt(end) == '\\') {
                        text.append(' ');
                        end += 2;
                    } else {
                        text.append(source.charAt(end));
                        end++;
                    }
                }
                boolean compared = source.startsWith(".equals", end + 1); // "idx".equals(kind): a name
                boolean propertyName = argumentIndex(code, i) == 1 && isPropertyConstructor(callee(code, i));
                if (!compared && !propertyName && !inToString(code, i)
                        && looksLikeWords(text.toString(), callee(code, i))) {
                    found.add(new Finding(file, line, text.toString()));
                }
                blank(code, i + 1, end);
                i = end + 1;
            } else {
                i++;
            }
        }
        return found;
    }

    /**
     * The name of the innermost call still open before {@code at} (in the blanked code, within the
     * statement), or {@code "LOG"} inside a logging statement; null when the literal is not an argument.
     */
    static String callee(char[] code, int at) {
        int depth = 0;
        for (int k = at - 1; k >= 0; k--) {
            char c = code[k];
            if (c == ';' || c == '{' || c == '}') {
                return null;
            }
            if (c == ')') {
                depth++;
            } else if (c == '(') {
                if (depth == 0) {
                    int end = k;
                    while (end > 0 && Character.isWhitespace(code[end - 1])) {
                        end--;
                    }
                    int start = end;
                    while (start > 0 && Character.isJavaIdentifierPart(code[start - 1])) {
                        start--;
                    }
                    String name = new String(code, start, end - start);
                    String before = new String(code, 0, start).stripTrailing();
                    if (before.endsWith("LOG.")) {
                        return "LOG";
                    }
                    if (before.endsWith("getStyleClass().")) {
                        return "styleClass";
                    }
                    int q = before.length();
                    if (q > 0 && before.charAt(q - 1) == '.') {
                        int p = q - 1;
                        while (p > 0 && Character.isJavaIdentifierPart(before.charAt(p - 1))) {
                            p--;
                        }
                        return before.substring(p, q) + name; // Banner.of: the class names the call
                    }
                    return name;
                }
                depth--;
            }
        }
        return null;
    }

    /** Which argument of the innermost open call the position is in (0 for the first), −1 outside a call. */
    static int argumentIndex(char[] code, int at) {
        int depth = 0;
        int commas = 0;
        for (int k = at - 1; k >= 0; k--) {
            char c = code[k];
            if (c == ';' || c == '{' || c == '}') {
                return -1;
            }
            if (c == ')') {
                depth++;
            } else if (c == '(') {
                if (depth == 0) {
                    return commas;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                commas++;
            }
        }
        return -1;
    }

    /** JavaFX properties are made as (bean, name, initial value): the name is for the program. */
    private static boolean isPropertyConstructor(String callee) {
        return callee != null && (callee.endsWith("Property") || callee.endsWith("Wrapper"));
    }

    /** Whether the position is inside a toString() method: text for the log and the debugger. */
    static boolean inToString(char[] code, int at) {
        String before = new String(code, 0, at);
        int m = before.lastIndexOf("String toString()");
        if (m < 0) {
            return false;
        }
        int open = 0;
        for (int k = m; k < at; k++) {
            if (code[k] == '{') {
                open++;
            } else if (code[k] == '}') {
                open--;
                if (open == 0) {
                    return false;
                }
            }
        }
        return open > 0;
    }

    private static void blank(char[] code, int from, int to) {
        for (int k = from; k < to && k < code.length; k++) {
            if (code[k] != '\n') {
                code[k] = ' ';
            }
        }
    }

    private static int count(String s, int from, int to) {
        int lines = 0;
        for (int k = from; k < to && k < s.length(); k++) {
            if (s.charAt(k) == '\n') {
                lines++;
            }
        }
        return lines;
    }
}
