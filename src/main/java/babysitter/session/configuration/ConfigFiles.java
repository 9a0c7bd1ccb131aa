package babysitter.session.configuration;

import babysitter.data.DataPrecision;
import babysitter.engine.Hyperparameters;
import babysitter.engine.LrDecay;
import babysitter.store.Json;
import babysitter.store.Run;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes run configurations as JSON. Reading is strict: an unknown key, a value of the
 * wrong type (a string where a number belongs, a fraction where a whole number belongs) or a
 * value out of range is a {@link ConfigException} that names the JSON path and the rule.
 * Enumerations are case-insensitive ({@code "adam"}, {@code "ADAM"}).
 */
public final class ConfigFiles {
    private ConfigFiles() {
    }

    /** The mapper used for configuration files: the program's one strict mapper. */
    public static final ObjectMapper MAPPER = Json.MAPPER;

    /** Reads and checks a configuration file. */
    public static RunConfig read(Path file) throws ConfigException {
        return parse(readText(file, ConfigRule.Word.CONFIGURATION_FILE), file.toString());
    }

    /**
     * The UTF-8 text of a file a person named, or a message that says why not (no such file, not
     * UTF-8, a folder rather than a {@code kind}, unreadable), naming the file.
     */
    public static String readText(Path file, ConfigRule.Word kind) throws ConfigException {
        String source = file.toString();
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw ConfigException.of(source, "", ConfigRule.NO_SUCH_FILE);
        } catch (MalformedInputException e) {
            throw ConfigException.of(source, "", ConfigRule.NOT_UTF8);
        } catch (IOException e) {
            throw Files.isDirectory(file) ? ConfigException.of(source, "", ConfigRule.A_FOLDER, kind)
                    : ConfigException.of(source, "", ConfigRule.CANNOT_READ, e.getMessage());
        }
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
            throw ConfigException.of(source, "", ConfigRule.NO_CONFIGURATION);
        }
        check(config, source);
        checkLearningRates(config, source);
        return config;
    }

    /**
     * The rule for an α a person writes ({@link LearningRateRange}), the same as the window's fields:
     * applied to configuration files and {@code --set} entries, not to recorded runs, which open with
     * whatever α they were trained at.
     */
    static void checkLearningRates(RunConfig config, String source) throws ConfigException {
        Double alpha = config.optimizer().learningRate();
        if (alpha != null) {
            requireRange(alpha, "optimizer.learningRate", source);
        }
        checkScheduledLearningRates(config.schedule(), 0, source);
    }

    /** {@link #checkLearningRates} for schedule entries numbered from {@code first}. */
    static void checkScheduledLearningRates(List<ScheduleEntry> entries, int first, String source)
            throws ConfigException {
        for (int i = 0; i < entries.size(); i++) {
            Double alpha = entries.get(i).set().learningRate();
            if (alpha != null) {
                requireRange(alpha, "schedule[" + (first + i) + "].set.learningRate", source);
            }
        }
    }

    private static void requireRange(double alpha, String path, String source) throws ConfigException {
        var problem = LearningRateRange.problem(alpha);
        if (problem.isPresent()) {
            throw new ConfigException(path, source + ": " + path + ": " + problem.get());
        }
    }

    /** Checks what only the combination of values can tell (hyperparameters, network). */
    public static void check(RunConfig config, String source) throws ConfigException {
        try {
            config.optimizer().toHyperparameters();
        } catch (LrDecay.InvalidParameter e) {
            String path = "optimizer." + e.parameter();
            throw ConfigException.because(source, path, path, e);
        } catch (IllegalArgumentException e) {
            throw ConfigException.because(source, "optimizer", "optimizer", e);
        }
        checkSchedule(config.schedule(), 0, config.optimizer().toHyperparameters(), source);
        try {
            config.network().toConfig(1, 2, config.seed());
        } catch (IllegalArgumentException e) {
            throw ConfigException.because(source, "network", "network", e);
        }
        // the smallest data it could be trained on: one feature, two classes, one row
        NetworkSpec.TooLarge tooLarge = config.network().tooLarge(1, 2, 1, Runtime.getRuntime().maxMemory());
        if (tooLarge != null) {
            String path = config.network().widestPath();
            throw new ConfigException(path, source + ": " + path + ": " + tooLarge.english());
        }
        try {
            config.data().withDefaults();
        } catch (IllegalArgumentException e) {
            throw ConfigException.because(source, "data", "", e);
        }
    }

    /**
     * Checks each schedule entry's values against the rules of {@link babysitter.engine.Hyperparameters},
     * naming the entry's key ({@code schedule[1].set.learningRate}) when one breaks them.
     *
     * @param first the index of {@code entries.get(0)} in the whole schedule
     * @param base  the run's starting hyperparameters
     */
    static void checkSchedule(List<ScheduleEntry> entries, int first,
                              Hyperparameters base, String source) throws ConfigException {
        for (int i = 0; i < entries.size(); i++) {
            String entry = "schedule[" + (first + i) + "]";
            ScheduleEntry.At at = entries.get(i).at();
            if ((at.epoch() == null) == (at.step() == null)) {
                throw ConfigException.of(source, entry + ".at", ConfigRule.EPOCH_OR_STEP, "{\"epoch\": 5}",
                        "{\"step\": 900}");
            }
            if ((at.epoch() != null && at.epoch() < 0) || (at.step() != null && at.step() < 0)) {
                String path = entry + ".at." + (at.epoch() != null ? "epoch" : "step");
                throw at.epoch() != null ? ConfigException.of(source, path, ConfigRule.EPOCHS_BEFORE, at.epoch())
                        : ConfigException.of(source, path, ConfigRule.STEPS_BEFORE, at.step());
            }
            ScheduleEntry.Change set = entries.get(i).set();
            if (set.empty()) {
                throw ConfigException.of(source, entry + ".set", ConfigRule.CHANGES_NOTHING);
            }
            String prefix = entry + ".set.";
            // each key alone on the run's start, so that the message names the key that is wrong
            Map<String, UnaryOperator<Hyperparameters>> keys =
                    new LinkedHashMap<>();
            if (set.learningRate() != null) {
                keys.put("learningRate", hp -> hp.withLearningRate(set.learningRate()));
            }
            if (set.momentum() != null) {
                keys.put("momentum", hp -> hp.withMomentum(set.momentum()));
            }
            if (set.beta1() != null) {
                keys.put("beta1", hp -> hp.withBetas(set.beta1(), hp.beta2()));
            }
            if (set.beta2() != null) {
                keys.put("beta2", hp -> hp.withBetas(hp.beta1(), set.beta2()));
            }
            if (set.batchSize() != null) {
                keys.put("batchSize", hp -> hp.withBatchSize(set.batchSize()));
            }
            for (var k : keys.entrySet()) {
                try {
                    k.getValue().apply(base);
                } catch (IllegalArgumentException e) {
                    String path = prefix + k.getKey();
                    throw ConfigException.because(source, path, path, e);
                }
            }
        }
    }

    /** The configuration a recorded run was started with (run.json's {@code config}, as its version meant it). */
    public static RunConfig ofRun(Run run) throws ConfigException {
        String source = run.dir().resolve("run.json").toString();
        Object config;
        try {
            config = run.partOf("config", Object.class);
        } catch (IOException e) {
            throw ConfigException.of(source, "config", ConfigRule.CANNOT_READ, e.getMessage());
        }
        if (!(config instanceof Map)) {
            throw ConfigException.shownAt(source, "config", "", ConfigRule.RUN_NO_CONFIG);
        }
        return fromJson(config, source, run.recordedBy());
    }

    /**
     * A configuration back from its JSON form as read by the store or a cluster task: a JSON
     * object in any form the mapper converts (a tree's object node, a map of maps).
     */
    public static RunConfig fromJson(Object json, String source) throws ConfigException {
        return fromJson(json, source, Release.VERSION);
    }

    /**
     * A configuration recorded by program version {@code recordedBy}, read as that version meant it
     * (see {@link OptimizerSpec#asRecordedBy}).
     */
    public static RunConfig fromJson(Object json, String source, String recordedBy) throws ConfigException {
        RunConfig read = convert(json, RunConfig.class, source);
        RunConfig config = read.withOptimizer(read.optimizer().asRecordedBy(recordedBy));
        if ("0.1.0".equals(recordedBy) && config.data().shuffleSplit() == null) {
            // 0.1.0 shuffled the rows even when nothing was held out
            config = config.withData(config.data().withShuffleSplit(Boolean.TRUE));
        }
        if ("0.1.0".equals(recordedBy) && config.data().precision() == null) {
            // 0.1.0 stored every data set as float32, whatever the network's precision
            config = config.withData(config.data().withPrecision(DataPrecision.FLOAT32));
        }
        check(config, source);
        return config;
    }

    /**
     * {@code json} (already parsed) as a {@code type}, a mapping error described as for a file;
     * nothing there (null, a missing node) is an error too.
     */
    static <T> T convert(Object json, Class<T> type, String source) throws ConfigException {
        try {
            T value = MAPPER.convertValue(json, type);
            if (value == null) {
                throw ConfigException.of(source, "", ConfigRule.NO_CONFIGURATION_HERE);
            }
            return value;
        } catch (IllegalArgumentException e) {
            if (e.getCause() instanceof JsonProcessingException j) {
                throw describe(j, source);
            }
            throw ConfigException.because(source, "", "", e);
        }
    }

    static ConfigException describe(JsonProcessingException e, String source) {
        if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("No content to map")) {
            return ConfigException.of(source, "", ConfigRule.EMPTY);
        }
        if (Json.syntaxCause(e) != null || !(e instanceof JsonMappingException m) || trailing(e)) {
            return ConfigException.json(source, Json.problem(e));
        }
        ConfigException described = describeMapping(m, Json.path(m), source);
        return m.getLocation() == null || m.getLocation().getLineNr() < 1 ? described
                : described.at(m.getLocation().getLineNr(), m.getLocation().getColumnNr());
    }

    private static boolean trailing(JsonProcessingException e) {
        return e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Trailing token");
    }

    private static ConfigException describeMapping(JsonMappingException m, String path, String source) {
        if (m instanceof UnrecognizedPropertyException u) {
            String parent = path.contains(".") ? path.substring(0, path.lastIndexOf('.')) : "";
            String key = u.getPropertyName();
            String known = String.valueOf(u.getKnownPropertyIds());
            return parent.isEmpty() ? ConfigException.of(source, path, ConfigRule.UNKNOWN_KEY, key, known)
                    : ConfigException.of(source, path, ConfigRule.UNKNOWN_KEY_IN, key, parent, known);
        }
        if (m instanceof ValueInstantiationException v) {
            Throwable cause = v.getCause() != null ? v.getCause() : v;
            return cause instanceof NullPointerException npe && npe.getMessage() != null
                    ? ConfigException.of(source, path, ConfigRule.REQUIRED, npe.getMessage())
                    : ConfigException.because(source, path, path, cause);
        }
        if (m instanceof InvalidFormatException f) {
            Class<?> type = f.getTargetType();
            return type.isEnum()
                    ? ConfigException.of(source, path, ConfigRule.NOT_VALID_ONE_OF, quote(f.getValue()), typeName(type),
                            allowed(type))
                    : ConfigException.of(source, path, ConfigRule.NOT_VALID, quote(f.getValue()), typeName(type));
        }
        if (m instanceof MismatchedInputException mi && mi.getTargetType() != null) {
            Class<?> type = mi.getTargetType();
            Object found = found(mi.getOriginalMessage());
            return type.isEnum()
                    ? ConfigException.of(source, path, ConfigRule.EXPECTED_ONE_OF, typeName(type), allowed(type), found)
                    : ConfigException.of(source, path, ConfigRule.EXPECTED, typeName(type), found);
        }
        String where = path.isEmpty() ? source : source + ": " + path;
        return new ConfigException(path, where + ": " + firstLine(m.getOriginalMessage()));
    }

    private static ConfigRule.Word typeName(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return ConfigRule.Word.WHOLE_NUMBER;
        }
        if (type == double.class || type == Double.class) {
            return ConfigRule.Word.NUMBER;
        }
        if (type == boolean.class || type == Boolean.class) {
            return ConfigRule.Word.TRUE_OR_FALSE;
        }
        if (type == String.class) {
            return ConfigRule.Word.TEXT;
        }
        if (type.isEnum()) {
            return ConfigRule.Word.VALUE;
        }
        if (List.class.isAssignableFrom(type)) {
            return ConfigRule.Word.LIST;
        }
        return ConfigRule.Word.OBJECT;
    }

    /** The names an enumeration takes, lower case: "sgd, momentum, adam". */
    private static String allowed(Class<?> type) {
        StringBuilder b = new StringBuilder();
        Object[] values = type.getEnumConstants();
        for (int i = 0; i < values.length; i++) {
            b.append(i == 0 ? "" : ", ").append(((Enum<?>) values[i]).name().toLowerCase(Locale.ROOT));
        }
        return b.toString();
    }

    private static final Pattern FOUND = Pattern.compile(
            "(String|Boolean|Object|Array|Floating-point|Integer|Null) value(?: \\((\"[^\"]*\"|[^)]*)\\))?");

    /** What Jackson's message says was found, in our words ("" when it does not say). */
    private static Object found(String original) {
        Matcher m = FOUND.matcher(original == null ? "" : original);
        if (!m.find()) {
            return "";
        }
        String value = m.group(2);
        String v = value != null ? value : "";
        return switch (m.group(1)) {
            case "String" -> new ConfigRule.Found(ConfigRule.Found.Kind.TEXT, v);
            case "Boolean" -> new ConfigRule.Found(ConfigRule.Found.Kind.TRUE_OR_FALSE,
                    value != null ? value : "true or false");
            case "Object" -> new ConfigRule.Found(ConfigRule.Found.Kind.OBJECT, "");
            case "Array" -> new ConfigRule.Found(ConfigRule.Found.Kind.LIST, "");
            case "Floating-point" -> new ConfigRule.Found(ConfigRule.Found.Kind.FRACTION, v);
            case "Null" -> new ConfigRule.Found(ConfigRule.Found.Kind.NULL, "");
            default -> new ConfigRule.Found(ConfigRule.Found.Kind.WHOLE_NUMBER, v);
        };
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
