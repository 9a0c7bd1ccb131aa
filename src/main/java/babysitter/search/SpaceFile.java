package babysitter.search;

import babysitter.session.configuration.ConfigException;
import babysitter.session.configuration.ConfigFiles;
import babysitter.session.configuration.ConfigRule;
import babysitter.session.configuration.RunConfig;
import babysitter.store.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reading a space file strictly: an unknown key, a bad scale, min > max, a name that cannot be
 * searched or a range end that makes no valid configuration is an error naming the file, the JSON
 * path, the value and the rule.
 */
final class SpaceFile {
    private SpaceFile() {
    }

    /** Reads and checks a space file; a relative "base" path is resolved against the file's folder. */
    static SearchSpace read(Path file) throws ConfigException {
        String text = ConfigFiles.readText(file, ConfigRule.Word.SPACE_FILE);
        Path dir = file.toAbsolutePath().getParent();
        return parse(text, file.toString(), dir);
    }

    /** Parses and checks a space; {@code source} names it in messages, {@code baseDir} resolves a "base" path. */
    static SearchSpace parse(String json, String source, Path baseDir) throws ConfigException {
        JsonNode root;
        try {
            root = ConfigFiles.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw ConfigException.json(source, Json.problem(e));
        }
        if (root == null || !root.isObject()) {
            throw ConfigException.of(source, "", ConfigRule.SPACE_NOT_OBJECT);
        }
        onlyKeys(root, "", source, "base", "params");
        RunConfig base = base(root.get("base"), source, baseDir);
        JsonNode ps = root.get("params");
        if (ps == null || !ps.isArray() || ps.isEmpty()) {
            throw ConfigException.of(source, "params", ConfigRule.PARAMS_EMPTY);
        }
        List<Param> params = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < ps.size(); i++) {
            Param p = param(ps.get(i), "params[" + i + "]", source);
            if (!seen.add(p.name())) {
                throw ConfigException.of(source, "params[" + i + "].name", ConfigRule.NAME_TWICE, p.name());
            }
            params.add(p);
        }
        SearchSpace space = new SearchSpace(base, params);
        // Every end of every range must make a valid configuration on its own.
        for (int i = 0; i < params.size(); i++) {
            Param p = params.get(i);
            for (double u : new double[] {0, 1}) {
                Object v = p.fromUnit(u);
                try {
                    Map<String, Object> one = new LinkedHashMap<>();
                    one.put(p.name(), v);
                    space.apply(one);
                } catch (InvalidCombination e) {
                    // the values tried, then the rule of the value that broke it (said in words by a window)
                    throw ConfigException.because(source, "params[" + i + "]",
                            "params[" + i + "] (" + p.name() + "): " + e.combination(), e.problem());
                } catch (IllegalArgumentException e) {
                    throw ConfigException.because(source, "params[" + i + "]", "params[" + i + "] (" + p.name() + ")", e);
                }
            }
        }
        return space;
    }

    private static RunConfig base(JsonNode node, String source, Path baseDir) throws ConfigException {
        if (node == null || node.isNull()) {
            throw ConfigException.of(source, "base", ConfigRule.BASE_REQUIRED);
        }
        if (node.isTextual()) {
            Path p = Path.of(node.asText());
            if (!p.isAbsolute() && baseDir != null) {
                p = baseDir.resolve(p);
            }
            try {
                return ConfigFiles.read(p);
            } catch (ConfigException e) {
                throw ConfigException.because(source, "base", "base", e);
            }
        }
        if (!node.isObject()) {
            throw ConfigException.of(source, "base", ConfigRule.BASE_NOT_OBJECT, node);
        }
        try {
            return ConfigFiles.parse(node.toString(), source + ": base");
        } catch (ConfigException e) {
            String path = e.jsonPath().isEmpty() ? "base" : "base." + e.jsonPath();
            throw e.movedTo(path);
        }
    }

    private static void onlyKeys(JsonNode node, String path, String source, String... keys) throws ConfigException {
        Set<String> known = Set.of(keys);
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!known.contains(k)) {
                String where = path.isEmpty() ? k : path + "." + k;
                throw path.isEmpty() ? ConfigException.of(source, where, ConfigRule.UNKNOWN_KEY, k, List.of(keys))
                        : ConfigException.of(source, where, ConfigRule.UNKNOWN_KEY_IN, k, path, List.of(keys));
            }
        }
    }

    private static Param param(JsonNode node, String path, String source) throws ConfigException {
        if (node == null || !node.isObject()) {
            throw ConfigException.of(source, path, ConfigRule.PARAM_NOT_OBJECT);
        }
        onlyKeys(node, path, source, "name", "scale", "min", "max", "choices");
        JsonNode n = node.get("name");
        if (n == null || !n.isTextual() || n.asText().isBlank()) {
            throw ConfigException.of(source, path + ".name", ConfigRule.NAME_REQUIRED,
                    String.join(", ", SearchSpace.NAMES.keySet()));
        }
        String name = n.asText();
        if (!SearchSpace.NAMES.containsKey(name)) {
            throw ConfigException.of(source, path + ".name", ConfigRule.NAME_UNKNOWN, name,
                    String.join(", ", SearchSpace.NAMES.keySet()));
        }
        JsonNode s = node.get("scale");
        if (s == null || !s.isTextual()) {
            throw ConfigException.of(source, path + ".scale", ConfigRule.SCALE_REQUIRED, Scale.known());
        }
        Scale scale;
        try {
            scale = Scale.parse(s.asText());
        } catch (IllegalArgumentException e) {
            throw ConfigException.because(source, path + ".scale", path + ".scale", e);
        }
        if (!SearchSpace.NAMES.get(name).contains(scale)) {
            throw ConfigException.of(source, path + ".scale", ConfigRule.SCALE_NOT_ALLOWED, name, scale.jsonName(),
                    allowed(name));
        }
        try {
            if (scale == Scale.CHOICE) {
                if (node.has("min") || node.has("max")) {
                    throw ConfigException.of(source, path, ConfigRule.CHOICE_NOT_MIN_MAX);
                }
                JsonNode c = node.get("choices");
                if (c == null || !c.isArray() || c.isEmpty()) {
                    throw ConfigException.of(source, path + ".choices", ConfigRule.CHOICES_REQUIRED);
                }
                List<String> choices = new ArrayList<>();
                for (int i = 0; i < c.size(); i++) {
                    JsonNode e = c.get(i);
                    if (!e.isTextual() && !e.isBoolean()) {
                        throw ConfigException.of(source, path + ".choices[" + i + "]", ConfigRule.CHOICE_NOT_TEXT, e);
                    }
                    choices.add(e.asText().toLowerCase(Locale.ROOT));
                }
                return Param.choice(name, choices);
            }
            if (node.has("choices")) {
                throw ConfigException.of(source, path + ".choices", ConfigRule.CHOICES_ONLY_FOR_CHOICE);
            }
            double min = number(node, "min", path, source);
            double max = number(node, "max", path, source);
            return new Param(name, scale, min, max, List.of());
        } catch (IllegalArgumentException e) {
            throw ConfigException.because(source, path, path, e);
        }
    }

    private static String allowed(String name) {
        List<String> out = new ArrayList<>();
        for (Scale s : Scale.values()) {
            if (SearchSpace.NAMES.get(name).contains(s)) {
                out.add(s.jsonName());
            }
        }
        return String.join(", ", out);
    }

    private static double number(JsonNode node, String key, String path, String source) throws ConfigException {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            throw ConfigException.of(source, path + "." + key, ConfigRule.NUMBER_REQUIRED);
        }
        if (!v.isNumber()) {
            throw ConfigException.of(source, path + "." + key, ConfigRule.NOT_A_NUMBER, v);
        }
        return v.asDouble();
    }
}
