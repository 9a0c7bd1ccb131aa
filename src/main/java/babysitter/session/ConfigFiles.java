package babysitter.session;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads and writes run configurations as JSON. Reading is strict: an unknown key, a value of the
 * wrong type (a string where a number belongs, a fraction where a whole number belongs) or a
 * value out of range is a {@link ConfigException} that names the JSON path and the rule.
 * Enumerations are case-insensitive ({@code "adam"}, {@code "ADAM"}).
 */
public final class ConfigFiles {
    private ConfigFiles() {
    }

    /** The mapper used for configuration files. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .withCoercionConfigDefaults(c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Textual, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Enum, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.TryConvert))
            .build();

    /** Reads and checks a configuration file. */
    public static RunConfig read(Path file) throws ConfigException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException("", file + ": no such file");
        } catch (IOException e) {
            throw new ConfigException("", file + ": cannot be read (" + e.getMessage() + ")");
        }
        return parse(text, file.toString());
    }

    /** Parses and checks a configuration; {@code source} names it in messages. */
    public static RunConfig parse(String json, String source) throws ConfigException {
        RunConfig config;
        try {
            config = MAPPER.readValue(json, RunConfig.class);
        } catch (JsonProcessingException e) {
            throw describe(e, source);
        }
        if (config == null) {
            throw new ConfigException("", source + ": the file holds no configuration object");
        }
        check(config, source);
        return config;
    }

    /** Checks what only the combination of values can tell (hyperparameters, network). */
    public static void check(RunConfig config, String source) throws ConfigException {
        try {
            config.optimizer().toHyperparameters();
        } catch (IllegalArgumentException e) {
            throw new ConfigException("optimizer", source + ": optimizer: " + e.getMessage());
        }
        try {
            config.network().toConfig(1, 2, config.seed());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("network", source + ": network: " + e.getMessage());
        }
        try {
            config.data().withDefaults();
        } catch (IllegalArgumentException e) {
            throw new ConfigException("data", source + ": " + e.getMessage());
        }
    }

    /** The configuration as a JSON object (for run.json). */
    public static ObjectNode toJson(RunConfig config) {
        return MAPPER.valueToTree(config);
    }

    /** A configuration back from the JSON object of {@link #toJson}. */
    public static RunConfig fromJson(ObjectNode node, String source) throws ConfigException {
        try {
            RunConfig config = MAPPER.treeToValue(node, RunConfig.class);
            check(config, source);
            return config;
        } catch (JsonProcessingException e) {
            throw describe(e, source);
        }
    }

    private static ConfigException describe(JsonProcessingException e, String source) {
        if (e instanceof JsonParseException p) {
            JsonLocation at = p.getLocation();
            return new ConfigException("", source + ": not valid JSON at line " + at.getLineNr() + ", column "
                    + at.getColumnNr() + ": " + p.getOriginalMessage());
        }
        if (!(e instanceof JsonMappingException m)) {
            return new ConfigException("", source + ": " + e.getOriginalMessage());
        }
        String path = path(m);
        String where = path.isEmpty() ? source : source + ": " + path;
        if (m instanceof UnrecognizedPropertyException u) {
            String parent = path.contains(".") ? path.substring(0, path.lastIndexOf('.')) : "";
            return new ConfigException(path, where + ": unknown key '" + u.getPropertyName() + "'"
                    + (parent.isEmpty() ? "" : " in " + parent) + "; known keys: " + u.getKnownPropertyIds());
        }
        if (m instanceof ValueInstantiationException v) {
            Throwable cause = v.getCause() != null ? v.getCause() : v;
            String reason = cause instanceof NullPointerException npe && npe.getMessage() != null
                    ? "'" + npe.getMessage() + "' is required" : cause.getMessage();
            return new ConfigException(path, where + ": " + reason);
        }
        if (m instanceof InvalidFormatException f) {
            return new ConfigException(path, where + ": " + quote(f.getValue()) + " is not a valid "
                    + typeName(f.getTargetType()) + allowed(f.getTargetType()));
        }
        if (m instanceof MismatchedInputException mi && mi.getTargetType() != null) {
            return new ConfigException(path, where + ": expected " + typeName(mi.getTargetType())
                    + allowed(mi.getTargetType()) + " (" + firstLine(mi.getOriginalMessage()) + ")");
        }
        return new ConfigException(path, where + ": " + firstLine(m.getOriginalMessage()));
    }

    private static String path(JsonMappingException m) {
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

    private static String typeName(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type.isEnum()) {
            return "value";
        }
        if (java.util.List.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "an object";
    }

    private static String allowed(Class<?> type) {
        if (!type.isEnum()) {
            return "";
        }
        StringBuilder b = new StringBuilder(" (one of ");
        Object[] values = type.getEnumConstants();
        for (int i = 0; i < values.length; i++) {
            b.append(i == 0 ? "" : ", ").append(((Enum<?>) values[i]).name().toLowerCase(java.util.Locale.ROOT));
        }
        return b.append(')').toString();
    }

    private static String quote(Object value) {
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
