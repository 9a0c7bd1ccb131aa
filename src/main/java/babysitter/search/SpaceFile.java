package babysitter.search;

import babysitter.session.configuration.ConfigException;
import babysitter.session.configuration.ConfigFiles;
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
        String text = ConfigFiles.readText(file, "space file");
        Path dir = file.toAbsolutePath().getParent();
        return parse(text, file.toString(), dir);
    }

    /** Parses and checks a space; {@code source} names it in messages, {@code baseDir} resolves a "base" path. */
    static SearchSpace parse(String json, String source, Path baseDir) throws ConfigException {
        JsonNode root;
        try {
            root = ConfigFiles.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            Json.Problem p = Json.problem(e);
            throw new ConfigException(p.path(), p.message(source));
        }
        if (root == null || !root.isObject()) {
            throw new ConfigException("", source + ": the file must hold a JSON object with \"base\" and \"params\"");
        }
        onlyKeys(root, "", source, "base", "params");
        RunConfig base = base(root.get("base"), source, baseDir);
        JsonNode ps = root.get("params");
        if (ps == null || !ps.isArray() || ps.isEmpty()) {
            throw new ConfigException("params", source + ": params: expected a non-empty list of hyperparameters");
        }
        List<Param> params = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < ps.size(); i++) {
            Param p = param(ps.get(i), "params[" + i + "]", source);
            if (!seen.add(p.name())) {
                throw new ConfigException("params[" + i + "].name", source + ": params[" + i + "].name: '" + p.name()
                        + "' appears twice");
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
                } catch (IllegalArgumentException e) {
                    throw new ConfigException("params[" + i + "]", source + ": params[" + i + "] (" + p.name() + "): "
                            + e.getMessage());
                }
            }
        }
        return space;
    }

    private static RunConfig base(JsonNode node, String source, Path baseDir) throws ConfigException {
        if (node == null || node.isNull()) {
            throw new ConfigException("base", source + ": base: required (a run configuration object, or the path of one)");
        }
        if (node.isTextual()) {
            Path p = Path.of(node.asText());
            if (!p.isAbsolute() && baseDir != null) {
                p = baseDir.resolve(p);
            }
            try {
                return ConfigFiles.read(p);
            } catch (ConfigException e) {
                throw new ConfigException("base", source + ": base: " + e.getMessage());
            }
        }
        if (!node.isObject()) {
            throw new ConfigException("base", source + ": base: expected a run configuration object or a file path, got "
                    + node);
        }
        try {
            return ConfigFiles.parse(node.toString(), source + ": base");
        } catch (ConfigException e) {
            String path = e.jsonPath().isEmpty() ? "base" : "base." + e.jsonPath();
            throw new ConfigException(path, e.getMessage());
        }
    }

    private static void onlyKeys(JsonNode node, String path, String source, String... keys) throws ConfigException {
        Set<String> known = Set.of(keys);
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!known.contains(k)) {
                String where = path.isEmpty() ? k : path + "." + k;
                throw new ConfigException(where, source + ": " + where + ": unknown key '" + k + "'"
                        + (path.isEmpty() ? "" : " in " + path) + "; known keys: " + List.of(keys));
            }
        }
    }

    private static Param param(JsonNode node, String path, String source) throws ConfigException {
        if (node == null || !node.isObject()) {
            throw new ConfigException(path, source + ": " + path + ": expected an object with name, scale, min, max (or choices)");
        }
        onlyKeys(node, path, source, "name", "scale", "min", "max", "choices");
        JsonNode n = node.get("name");
        if (n == null || !n.isTextual() || n.asText().isBlank()) {
            throw new ConfigException(path + ".name", source + ": " + path + ".name: required, a hyperparameter name ("
                    + String.join(", ", SearchSpace.NAMES.keySet()) + ")");
        }
        String name = n.asText();
        if (!SearchSpace.NAMES.containsKey(name)) {
            throw new ConfigException(path + ".name", source + ": " + path + ".name: '" + name
                    + "' is not a hyperparameter a search can vary; known names: " + String.join(", ", SearchSpace.NAMES.keySet()));
        }
        JsonNode s = node.get("scale");
        if (s == null || !s.isTextual()) {
            throw new ConfigException(path + ".scale", source + ": " + path + ".scale: required, one of " + Scale.known());
        }
        Scale scale;
        try {
            scale = Scale.parse(s.asText());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(path + ".scale", source + ": " + path + ".scale: " + e.getMessage());
        }
        if (!SearchSpace.NAMES.get(name).contains(scale)) {
            throw new ConfigException(path + ".scale", source + ": " + path + ".scale: " + name + " cannot be searched on a '"
                    + scale.jsonName() + "' scale; allowed: " + allowed(name));
        }
        try {
            if (scale == Scale.CHOICE) {
                if (node.has("min") || node.has("max")) {
                    throw new ConfigException(path, source + ": " + path + ": a choice takes \"choices\", not min/max");
                }
                JsonNode c = node.get("choices");
                if (c == null || !c.isArray() || c.isEmpty()) {
                    throw new ConfigException(path + ".choices", source + ": " + path + ".choices: required, a non-empty list");
                }
                List<String> choices = new ArrayList<>();
                for (int i = 0; i < c.size(); i++) {
                    JsonNode e = c.get(i);
                    if (!e.isTextual() && !e.isBoolean()) {
                        throw new ConfigException(path + ".choices[" + i + "]", source + ": " + path + ".choices[" + i
                                + "]: " + e + " is not a string");
                    }
                    choices.add(e.asText().toLowerCase(Locale.ROOT));
                }
                return Param.choice(name, choices);
            }
            if (node.has("choices")) {
                throw new ConfigException(path + ".choices", source + ": " + path + ".choices: only a 'choice' scale takes choices");
            }
            double min = number(node, "min", path, source);
            double max = number(node, "max", path, source);
            return new Param(name, scale, min, max, List.of());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(path, source + ": " + path + ": " + e.getMessage());
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
            throw new ConfigException(path + "." + key, source + ": " + path + "." + key + ": required, a number");
        }
        if (!v.isNumber()) {
            throw new ConfigException(path + "." + key, source + ": " + path + "." + key + ": " + v
                    + " is not a number");
        }
        return v.asDouble();
    }
}
