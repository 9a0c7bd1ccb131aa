package babysitter.store;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one JSON mapper of the program and how its errors are told. Reading is strict: a key that
 * appears twice in an object, {@code NaN}/{@code Infinity} literals, comments, trailing text,
 * unknown keys of a bound type, strings where numbers belong and fractions where whole numbers
 * belong are all errors. Writing is compact (one line) unless {@link #pretty()} is used; numbers
 * that are not finite are written as the strings "NaN", "Infinity", "-Infinity".
 */
public final class Json {
    private Json() {
    }

    /** The mapper every reader and writer of JSON files uses. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(SerializationFeature.INDENT_OUTPUT)
            .withCoercionConfigDefaults(c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Textual, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Enum, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.TryConvert))
            .build();

    private static final ObjectWriter PRETTY = MAPPER.writerWithDefaultPrettyPrinter();

    /** A writer that indents (for files people read: run.json, search.json, checkpoint.json). */
    public static ObjectWriter pretty() {
        return PRETTY;
    }

    /** A new empty object node. */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** The bytes of one JSON-lines line: compact JSON in UTF-8 followed by '\n'. */
    public static byte[] line(JsonNode node) {
        try {
            byte[] json = MAPPER.writeValueAsBytes(node);
            byte[] line = new byte[json.length + 1];
            System.arraycopy(json, 0, line, 0, json.length);
            line[json.length] = '\n';
            return line;
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot serialise " + node, e);
        }
    }

    /**
     * The JSON object in {@code file}.
     *
     * @throws NoSuchFileException if it does not exist
     * @throws BadFileException    naming the file, the line, column and JSON path and the rule if it
     *                             is not valid JSON or not an object
     */
    public static ObjectNode readObject(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new BadFileException(file, FileProblem.of(FileProblem.Kind.FOLDER_NOT_JSON, file));
        }
        byte[] bytes = Files.readAllBytes(file);
        JsonNode root;
        try {
            root = MAPPER.readTree(bytes);
        } catch (JacksonException e) {
            throw new BadFileException(file, FileProblem.badJson(file, problem(e)));
        }
        if (!(root instanceof ObjectNode o)) {
            throw new BadFileException(file, "", file + ": expected a JSON object, got "
                    + (root == null || root.isMissingNode() ? "an empty file" : kind(root)));
        }
        return o;
    }

    /** "a list", "a number", … for messages. */
    public static String kind(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "nothing";
        }
        return switch (n.getNodeType()) {
            case ARRAY -> "a list";
            case OBJECT -> "an object";
            case NUMBER -> "a number";
            case STRING -> "a string";
            case BOOLEAN -> "true or false";
            case NULL -> "null";
            default -> n.getNodeType().toString().toLowerCase(Locale.ROOT);
        };
    }

    /**
     * What went wrong in a JSON text, in our words.
     *
     * @param path   the JSON path of the value ("optimizer.learningRate", "network.hidden[0]"), "" for the whole text
     * @param rule   the rule that was broken
     * @param line   1-based line, or -1 when unknown
     * @param column 1-based column, or -1 when unknown
     * @param syntax  whether the text is not JSON at all (rather than JSON breaking a rule of ours)
     */
    public record Problem(String path, String rule, int line, int column, boolean syntax) {
        /** "FILE: PATH: RULE (line L, column C)", or "FILE: not valid JSON at PATH: RULE (line L, column C)". */
        public String message(String source) {
            StringBuilder b = new StringBuilder(source);
            if (syntax) {
                b.append(": not valid JSON");
                if (!path.isEmpty()) {
                    b.append(" at ").append(path);
                }
            } else if (!path.isEmpty()) {
                b.append(": ").append(path);
            }
            b.append(": ").append(rule);
            if (line > 0) {
                b.append(" (line ").append(line).append(", column ").append(column).append(')');
            }
            return b.toString();
        }
    }

    /** The problem a parse or mapping error describes. */
    public static Problem problem(JacksonException e) {
        StreamReadException cause = syntaxCause(e);
        if (cause != null && cause != e) {
            return problem(cause);
        }
        JsonLocation at = e.getLocation();
        int line = at == null ? -1 : at.getLineNr();
        int column = at == null ? -1 : at.getColumnNr();
        if (e instanceof JsonMappingException m && !(m instanceof MismatchedInputException mi
                && mi.getOriginalMessage() != null && mi.getOriginalMessage().startsWith("Trailing token"))
                && !m.getPath().isEmpty()) {
            return new Problem(path(m), firstLine(m.getOriginalMessage()), line, column, false);
        }
        String path = e instanceof StreamReadException p && p.getProcessor() != null
                ? path(p.getProcessor().getParsingContext()) : "";
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        Matcher dup = DUPLICATE.matcher(original);
        if (dup.find()) {
            String key = dup.group(1);
            String full = path.isEmpty() ? key : path.endsWith(key) ? path : path + "." + key;
            if (!path.endsWith(key)) {
                path = full;
            }
            return new Problem(path, JsonRule.DUPLICATE_KEY.english(key), line, column, false);
        }
        return new Problem(path, rule(original), line, column, true);
    }

    /** The parse error under a mapping error (databinding wraps what the parser throws), or null. */
    public static StreamReadException syntaxCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StreamReadException p) {
                return p;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate (?:field|Object property) '([^']*)'");
    private static final Pattern NON_STANDARD = Pattern.compile("Non-standard token '([^']*)'");
    private static final Pattern UNRECOGNIZED = Pattern.compile("Unrecognized token '([^']*)'");
    private static final Pattern UNEXPECTED = Pattern.compile("Unexpected character \\('(.{1,2})' \\(code (\\d+)");

    /** Jackson's words turned into ours. */
    static String rule(String original) {
        Matcher m = NON_STANDARD.matcher(original);
        if (m.find() || original.contains("'NaN'") || original.contains("Infinity")) {
            String token = m.find(0) ? m.group(1) : "NaN";
            return JsonRule.NOT_A_NUMBER.english(token);
        }
        if (original.startsWith("Unexpected end-of-input") || original.contains("end-of-input")) {
            return original.contains("No content") ? JsonRule.EMPTY.english() : JsonRule.ENDS_EARLY.english();
        }
        m = UNRECOGNIZED.matcher(original);
        if (m.find()) {
            return JsonRule.NOT_A_VALUE.english(m.group(1));
        }
        if (original.startsWith("Trailing token")) {
            return JsonRule.TRAILING_TEXT.english();
        }
        if (original.contains("Invalid UTF-8")) {
            return JsonRule.NOT_UTF8.english();
        }
        if (original.contains("Illegal unquoted character")) {
            return JsonRule.CONTROL_CHARACTER.english();
        }
        if (original.contains("out of range of")) {
            return JsonRule.TOO_LARGE.english(firstLine(original).replaceAll("^Numeric value ", ""));
        }
        if (original.contains("Leading zeroes") || original.contains("Invalid numeric value")
                || original.contains("Unexpected character ('.'") || original.contains("Numeric value")) {
            return JsonRule.BAD_NUMBER.english(firstLine(original));
        }
        m = UNEXPECTED.matcher(original);
        if (m.find()) {
            String c = m.group(1);
            String found = "'" + c + "'";
            if (original.contains("comment")) {
                return JsonRule.COMMENT.english(found);
            }
            if (original.contains("double-quote to start field name")) {
                return c.equals("}") ? JsonRule.COMMA_BEFORE_BRACE.english() : JsonRule.EXPECTED_KEY.english(found);
            }
            if (original.contains("comma to separate Object entries")) {
                return JsonRule.EXPECTED_COMMA_OR_BRACE.english(found);
            }
            if (original.contains("comma to separate Array entries")) {
                return JsonRule.EXPECTED_COMMA_OR_BRACKET.english(found);
            }
            if (original.contains("colon to separate field name and value")) {
                return JsonRule.EXPECTED_COLON.english(found);
            }
            if (original.contains("expected a value") || original.contains("expected a valid value")) {
                return c.equals("]") ? JsonRule.COMMA_BEFORE_BRACKET.english() : JsonRule.EXPECTED_VALUE.english(found);
            }
            return JsonRule.UNEXPECTED.english(found);
        }
        return firstLine(original);
    }

    /** A dotted JSON path with indices: {@code network.hidden[0].units}. */
    public static String path(JsonMappingException m) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : m.getPath()) {
            if (r.getFieldName() != null) {
                if (b.length() > 0) {
                    b.append('.');
                }
                b.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    /** The path of a parser's current place. */
    static String path(JsonStreamContext ctx) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = ctx; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.inObject() && c.getCurrentName() != null) {
                parts.push("." + c.getCurrentName());
            }
        }
        String s = String.join("", parts);
        return s.startsWith(".") ? s.substring(1) : s;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
