package babysitter.session.configuration;

import babysitter.store.Json;
import java.util.Arrays;
import java.util.List;

/**
 * A configuration that cannot be used: the message names the file, the JSON path of the value
 * (e.g. {@code network.hidden[1].units}) and the rule it breaks. Most keep those parts apart too
 * (the file, where in it, a {@link ConfigRule} with its values, the JSON rule, or the problem of the
 * value underneath as the cause), so that a window can say the same in its language; the message
 * is the command line's English.
 */
public final class ConfigException extends Exception {
    private final String jsonPath;
    private final String source;
    private final String where;
    private final ConfigRule rule;
    private final transient List<Object> values;
    private final transient Json.Problem json;
    private final int line;
    private final int column;

    /** A problem known only by its message. */
    public ConfigException(String jsonPath, String message) {
        super(message);
        this.jsonPath = jsonPath;
        this.source = "";
        this.where = "";
        this.rule = null;
        this.values = List.of();
        this.json = null;
        this.line = -1;
        this.column = -1;
    }

    private ConfigException(String jsonPath, String source, String where, ConfigRule rule, List<Object> values,
                            Json.Problem json, int line, int column, Throwable reason) {
        super(message(source, where, rule, values, json, line, column, reason), reason);
        this.jsonPath = jsonPath;
        this.source = source;
        this.where = where;
        this.rule = rule;
        this.values = values;
        this.json = json;
        this.line = line;
        this.column = column;
    }

    private static String message(String source, String where, ConfigRule rule, List<Object> values, Json.Problem json,
                                  int line, int column, Throwable reason) {
        if (json != null) {
            return json.message(source);
        }
        String what = rule != null ? rule.english(values) : reason.getMessage();
        return source + (where.isEmpty() ? "" : ": " + where) + ": " + what
                + (line > 0 ? " (line " + line + ", column " + column + ")" : "");
    }

    /** {@code source}'s value at {@code jsonPath} breaks {@code rule}; {@code values} fill its sentence. */
    public static ConfigException of(String source, String jsonPath, ConfigRule rule, Object... values) {
        return shownAt(source, jsonPath, jsonPath, rule, values);
    }

    /** As {@link #of}, with the place shown as {@code where} ("" for none) rather than as the JSON path. */
    public static ConfigException shownAt(String source, String jsonPath, String where, ConfigRule rule,
                                          Object... values) {
        return new ConfigException(jsonPath, source, where, rule, List.copyOf(Arrays.asList(values)), null, -1, -1,
                null);
    }

    /**
     * {@code source}'s value at {@code jsonPath} (shown as {@code where}, "" for none) cannot be used
     * because of {@code reason}, whose message says why.
     */
    public static ConfigException because(String source, String jsonPath, String where, Throwable reason) {
        return new ConfigException(jsonPath, source, where, null, List.of(), null, -1, -1, reason);
    }

    /** {@code source} is not JSON, or its JSON breaks a rule of the parser ({@link Json#problem}). */
    public static ConfigException json(String source, Json.Problem problem) {
        return new ConfigException(problem.path(), source, problem.path(), null, List.of(), problem, -1, -1, null);
    }

    /** The same problem found at {@code line} and {@code column} of the file. */
    ConfigException at(int line, int column) {
        if (rule == null && getCause() == null && json == null) {
            return new ConfigException(jsonPath, getMessage() + " (line " + line + ", column " + column + ")");
        }
        return new ConfigException(jsonPath, source, where, rule, values, json, line, column, getCause());
    }

    /** The same problem and message, its value found at {@code jsonPath} of an enclosing document. */
    public ConfigException movedTo(String jsonPath) {
        if (rule == null && getCause() == null && json == null) {
            return new ConfigException(jsonPath, getMessage());
        }
        return new ConfigException(jsonPath, source, where, rule, values, json, line, column, getCause());
    }

    /** The JSON path of the offending value, or "" for the whole document. */
    public String jsonPath() {
        return jsonPath;
    }

    /** The file or what else was read, as the message names it; "" for a problem known only by its message. */
    public String source() {
        return source;
    }

    /** Where in it, as the message shows it ("params[0] (learningRate)", "base", …); "" for the whole. */
    public String where() {
        return where;
    }

    /** The rule broken, or null when the JSON rule or the cause says it, or only the message does. */
    public ConfigRule rule() {
        return rule;
    }

    /** The values of the rule's sentence. */
    public List<Object> values() {
        return values;
    }

    /** The JSON rule broken, or null. */
    public Json.Problem json() {
        return json;
    }

    /** The line where the problem was found, or −1. */
    public int line() {
        return line;
    }

    /** The column where the problem was found, or −1. */
    public int column() {
        return column;
    }
}
