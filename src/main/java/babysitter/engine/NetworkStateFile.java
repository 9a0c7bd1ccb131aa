package babysitter.engine;

import babysitter.engine.optim.OptimizerKind;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code state.json} of a saved network folder: written from a network, and read back with
 * every key checked (a message naming the file and the key). Apart from {@link NetworkFiles}, which
 * handles the {@code .npy} arrays, because the checks of the JSON are a job of their own.
 */
final class NetworkStateFile {

    /**
     * The engine's mapper (the engine sees nothing of the layers above, where the program's one
     * mapper lives); strict like it: a key written twice is an error.
     */
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());

    private NetworkStateFile() {
    }

    /** Writes {@code net}'s state.json to {@code file}. */
    static void write(Network net, Path file) throws IOException {
        JSON.writeValue(file.toFile(), toJson(net));
    }

    private static ObjectNode toJson(Network net) {
        NetworkConfig c = net.config();
        ObjectNode root = JSON.createObjectNode();
        root.put("formatVersion", NetworkFiles.FORMAT_VERSION);
        root.put("steps", net.steps());
        ObjectNode optimizer = root.putObject("optimizer");
        optimizer.put("kind", net.optimizerState().kind().name());
        optimizer.put("t", net.optimizerState().t());
        root.put("precision", c.precision().name());
        ArrayNode sizes = root.putArray("layerSizes");
        for (int l = 0; l <= c.depth(); l++) {
            sizes.add(c.units(l));
        }
        ArrayNode activations = root.putArray("activations");
        ArrayNode batchNorm = root.putArray("batchNorm");
        for (LayerSpec spec : c.hidden()) {
            activations.add(spec.activation().name());
            batchNorm.add(spec.batchNorm());
        }
        root.put("bnEpsilon", c.bnEpsilon());
        root.put("bnMomentum", c.bnMomentum());
        root.put("bnRunningVariance", c.bnRunningVariance().name());
        root.put("seed", c.seed());
        return root;
    }

    /** What state.json says: the network's shape and settings, the optimiser's kind and t, the steps. */
    record Saved(NetworkConfig config, OptimizerKind kind, long t, long steps) {
    }

    /** Reads and checks {@code dir}'s state.json, naming the file and key of anything wrong. */
    static Saved read(Path dir) throws IOException {
        Path file = dir.resolve(NetworkFiles.STATE_FILE);
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null,
                    NetworkFiles.STATE_FILE + " is required but missing from " + dir);
        }
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (JacksonException e) {
            var at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            Matcher dup = Pattern.compile("Duplicate (?:field|Object property) '([^']*)'")
                    .matcher(m);
            throw new IOException(file + (dup.find() ? ": the key '" + dup.group(1) + "' appears twice" + where
                    : ": not valid JSON" + where + ": " + m.lines().findFirst().orElse("")), e);
        }
        if (root == null || !root.isObject()) {
            throw new IOException(file + ": expected a JSON object");
        }
        StateReader r = new StateReader(file, root);
        long version = r.integer("formatVersion", 1, Long.MAX_VALUE);
        if (version != NetworkFiles.FORMAT_VERSION) {
            throw new IOException(file + ": 'formatVersion' is " + version + " but this program reads version "
                    + NetworkFiles.FORMAT_VERSION);
        }
        long steps = r.integer("steps", 0, Long.MAX_VALUE);
        JsonNode optimizer = r.object("optimizer");
        StateReader o = new StateReader(file, optimizer, "optimizer.");
        OptimizerKind kind = o.enumValue("kind", OptimizerKind.class);
        long t = o.integer("t", 0, Long.MAX_VALUE);
        Precision precision = r.enumValue("precision", Precision.class);
        List<JsonNode> sizeNodes = r.array("layerSizes");
        if (sizeNodes.size() < 2) {
            throw new IOException(file + ": 'layerSizes' must list at least n_0 and n_L, got "
                    + sizeNodes.size() + " entries");
        }
        int[] sizes = new int[sizeNodes.size()];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = (int) r.integer(sizeNodes.get(i), "layerSizes[" + i + "]", 1, Integer.MAX_VALUE);
        }
        int hiddenCount = sizes.length - 2;
        List<JsonNode> activationNodes = r.array("activations");
        List<JsonNode> bnNodes = r.array("batchNorm");
        if (activationNodes.size() != hiddenCount) {
            throw new IOException(file + ": 'activations' has " + activationNodes.size()
                    + " entries but 'layerSizes' describes " + hiddenCount + " hidden layers");
        }
        if (bnNodes.size() != hiddenCount) {
            throw new IOException(file + ": 'batchNorm' has " + bnNodes.size()
                    + " entries but 'layerSizes' describes " + hiddenCount + " hidden layers");
        }
        List<LayerSpec> hidden = new ArrayList<>();
        for (int i = 0; i < hiddenCount; i++) {
            Activation a = r.enumValue(activationNodes.get(i), "activations[" + i + "]", Activation.class);
            JsonNode bn = bnNodes.get(i);
            if (!bn.isBoolean()) {
                throw new IOException(file + ": 'batchNorm[" + i + "]' must be true or false, got " + bn);
            }
            hidden.add(new LayerSpec(sizes[i + 1], a, bn.booleanValue()));
        }
        double eps = r.number("bnEpsilon");
        double momentum = r.number("bnMomentum");
        long seed = r.integer("seed", Long.MIN_VALUE, Long.MAX_VALUE);
        // absent in folders written before the convention could be chosen: those kept the biased one
        RunningVariance convention = root.has("bnRunningVariance")
                ? r.enumValue("bnRunningVariance", RunningVariance.class) : RunningVariance.BIASED;
        NetworkConfig config;
        try {
            config = new NetworkConfig(sizes[0], hidden, sizes[sizes.length - 1], precision, eps, momentum, seed,
                    convention);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        return new Saved(config, kind, t, steps);
    }

    /** Typed access to the keys of a state.json object, failing with the key's name. */
    private static final class StateReader {
        private final Path file;
        private final JsonNode node;
        private final String prefix;

        StateReader(Path file, JsonNode node) {
            this(file, node, "");
        }

        StateReader(Path file, JsonNode node, String prefix) {
            this.file = file;
            this.node = node;
            this.prefix = prefix;
        }

        private JsonNode get(String key) throws IOException {
            JsonNode value = node.get(key);
            if (value == null || value.isNull()) {
                throw new IOException(file + ": key '" + prefix + key + "' is missing");
            }
            return value;
        }

        long integer(String key, long min, long max) throws IOException {
            return integer(get(key), prefix + key, min, max);
        }

        long integer(JsonNode value, String key, long min, long max) throws IOException {
            if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                throw new IOException(file + ": '" + key + "' must be an integer, got " + value);
            }
            long v = value.longValue();
            if (v < min || v > max) {
                throw new IOException(file + ": '" + key + "' must be in [" + min + ", " + max + "], got " + v);
            }
            return v;
        }

        double number(String key) throws IOException {
            JsonNode value = get(key);
            if (!value.isNumber()) {
                throw new IOException(file + ": '" + prefix + key + "' must be a number, got " + value);
            }
            return value.doubleValue();
        }

        JsonNode object(String key) throws IOException {
            JsonNode value = get(key);
            if (!value.isObject()) {
                throw new IOException(file + ": '" + prefix + key + "' must be an object, got " + value);
            }
            return value;
        }

        List<JsonNode> array(String key) throws IOException {
            JsonNode value = get(key);
            if (!value.isArray()) {
                throw new IOException(file + ": '" + prefix + key + "' must be an array, got " + value);
            }
            List<JsonNode> list = new ArrayList<>();
            value.forEach(list::add);
            return list;
        }

        <E extends Enum<E>> E enumValue(String key, Class<E> type) throws IOException {
            return enumValue(get(key), prefix + key, type);
        }

        <E extends Enum<E>> E enumValue(JsonNode value, String key, Class<E> type) throws IOException {
            if (value.isTextual()) {
                for (E e : type.getEnumConstants()) {
                    if (e.name().equals(value.textValue())) {
                        return e;
                    }
                }
            }
            throw new IOException(file + ": '" + key + "' must be one of "
                    + Arrays.toString(type.getEnumConstants()) + ", got " + value);
        }
    }
}
