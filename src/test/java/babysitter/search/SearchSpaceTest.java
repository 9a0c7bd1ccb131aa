package babysitter.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import babysitter.engine.Activation;
import babysitter.engine.LayerSpec;
import babysitter.engine.LrDecay;
import babysitter.engine.optim.OptimizerKind;
import babysitter.session.configuration.ConfigException;
import babysitter.session.configuration.RunConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchSpaceTest {

    static final String BASE = """
            { "data": { "kind": "blobs", "n": 200, "classes": 3, "noise": 0.5 },
              "network": { "hidden": [ { "units": 8, "activation": "relu", "batchNorm": false },
                                       { "units": 4, "activation": "tanh", "batchNorm": false } ] },
              "optimizer": { "kind": "momentum", "learningRate": 0.01, "batchSize": 32 },
              "epochs": 2, "seed": 3 }""";

    static final String SPACE = """
            { "base": %s,
              "params": [
                { "name": "learningRate", "scale": "log", "min": 1e-4, "max": 1 },
                { "name": "momentum", "scale": "one-minus-log", "min": 0.5, "max": 0.999 },
                { "name": "batchSize", "scale": "pow2", "min": 16, "max": 256 },
                { "name": "units", "scale": "integer", "min": 16, "max": 128 },
                { "name": "optimizer", "scale": "choice", "choices": ["momentum", "adam"] } ] }""".formatted(BASE);

    static SearchSpace space() throws ConfigException {
        return SearchSpace.parse(SPACE, "space.json", null);
    }

    @Test
    void parsesAndWritesBackTheSameSpace() throws Exception {
        SearchSpace s = space();
        assertThat(s.params()).extracting(Param::name)
                .containsExactly("learningRate", "momentum", "batchSize", "units", "optimizer");
        assertThat(s.param("batchSize").scale()).isEqualTo(Scale.POW2);
        assertThat(s.param("nope")).isNull();
        assertThat(s.base().network().hidden()).hasSize(2);
        SearchSpace back = SearchSpace.parse(s.toJson().toString(), "again", null);
        assertThat(back).isEqualTo(s);
    }

    @Test
    void baseMayBeAPathRelativeToTheSpaceFile(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("base.json"), BASE);
        Path f = tmp.resolve("space.json");
        Files.writeString(f, """
                { "base": "base.json", "params": [ { "name": "units", "scale": "pow2", "min": 8, "max": 64 } ] }""");
        SearchSpace s = SearchSpace.read(f);
        assertThat(s.base().optimizer().kind()).isEqualTo(OptimizerKind.MOMENTUM);
    }

    @Test
    void samplesAreReproducibleAndInParamsOrder() throws Exception {
        SearchSpace s = space();
        Map<String, Object> a = s.sample(new Random(5));
        Map<String, Object> b = s.sample(new Random(5));
        assertThat(a).isEqualTo(b);
        assertThat(a.keySet()).containsExactly("learningRate", "momentum", "batchSize", "units", "optimizer");
        assertThat(a.get("batchSize")).isInstanceOf(Integer.class);
        assertThat(a.get("learningRate")).isInstanceOf(Double.class);
        assertThat(a.get("optimizer")).isInstanceOf(String.class);
    }

    @Test
    void gridIsTheProductWithFewDistinctValuesPerAxis() throws Exception {
        SearchSpace s = space();
        List<Map<String, Object>> g = s.grid(3);
        // 3 · 3 · 3 · 3 · 2 (two choices only)
        assertThat(g).hasSize(162);
        Set<Object> rates = new HashSet<>();
        g.forEach(m -> rates.add(m.get("learningRate")));
        assertThat(rates).hasSize(3);
        assertThat(new HashSet<>(g)).hasSize(162);
        // random: every trial its own learning rate
        Random r = new Random(1);
        Set<Object> randomRates = new HashSet<>();
        for (int i = 0; i < 27; i++) {
            randomRates.add(s.sample(r).get("learningRate"));
        }
        assertThat(randomRates).hasSize(27);
    }

    @Test
    void applyMapsEveryNameIntoTheConfiguration() throws Exception {
        SearchSpace s = space();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("learningRate", 0.05);
        v.put("momentum", 0.95);
        v.put("beta1", 0.8);
        v.put("beta2", 0.99);
        v.put("l2", 1e-3);
        v.put("decayRate", 0.5);
        v.put("batchSize", 64);
        v.put("units", 20);
        v.put("layers", 3);
        v.put("optimizer", "rmsprop");
        v.put("activation", "leaky_relu");
        v.put("batchNorm", "true");
        RunConfig c = s.apply(v);
        var hp = c.optimizer().toHyperparameters();
        assertThat(hp.learningRate()).isEqualTo(0.05);
        assertThat(hp.momentum()).isEqualTo(0.95);
        assertThat(hp.beta1()).isEqualTo(0.8);
        assertThat(hp.beta2()).isEqualTo(0.99);
        assertThat(hp.l2()).isEqualTo(1e-3);
        assertThat(hp.decay()).isEqualTo(0.5);
        assertThat(hp.decayKind()).isEqualTo(LrDecay.INVERSE_TIME);
        assertThat(hp.batchSize()).isEqualTo(64);
        assertThat(hp.optimizer()).isEqualTo(OptimizerKind.RMSPROP);
        assertThat(c.network().hidden()).containsExactly(new LayerSpec(20, Activation.LEAKY_RELU, true),
                new LayerSpec(20, Activation.LEAKY_RELU, true), new LayerSpec(20, Activation.LEAKY_RELU, true));
        assertThat(c.data()).isEqualTo(s.base().data());
        assertThat(c.seed()).isEqualTo(3L);
        // layers alone copies the first hidden layer of the base
        assertThat(s.apply(Map.of("layers", 1)).network().hidden()).containsExactly(new LayerSpec(8, Activation.RELU, false));
        assertThat(s.apply(Map.of("batchNorm", "false")).network().hidden()).allMatch(l -> !l.batchNorm());
        assertThat(s.apply(Map.of()).equals(s.base())).isTrue();
    }

    @Test
    void applyRejectsUnknownNamesAndBadValuesNamingThem() throws Exception {
        SearchSpace s = space();
        assertThatThrownBy(() -> s.apply(Map.of("dropout", 0.5))).hasMessageContaining("'dropout'")
                .hasMessageContaining("learningRate");
        assertThatThrownBy(() -> s.apply(Map.of("optimizer", "lbfgs"))).hasMessageContaining("optimizer")
                .hasMessageContaining("lbfgs").hasMessageContaining("adam");
        assertThatThrownBy(() -> s.apply(Map.of("activation", "gelu"))).hasMessageContaining("activation")
                .hasMessageContaining("gelu");
        assertThatThrownBy(() -> s.apply(Map.of("batchNorm", "maybe"))).hasMessageContaining("batchNorm")
                .hasMessageContaining("maybe");
        assertThatThrownBy(() -> s.apply(Map.of("momentum", 1.5))).hasMessageContaining("momentum=1.5")
                .hasMessageContaining("[0, 1)");
        assertThatThrownBy(() -> s.apply(Map.of("units", 0))).hasMessageContaining("units").hasMessageContaining("0");
        assertThatThrownBy(() -> s.apply(Map.of("batchSize", 2.5))).hasMessageContaining("batchSize")
                .hasMessageContaining("whole number");
        assertThatThrownBy(() -> s.apply(Map.of("learningRate", "fast"))).hasMessageContaining("learningRate")
                .hasMessageContaining("fast");
    }

    @Test
    void narrowedAndAroundTopOnEachScale() throws Exception {
        SearchSpace s = space();
        SearchSpace n = s.narrowed(Map.of("learningRate", new double[] {0.25, 0.75}, "units", new double[] {0, 0.5}));
        assertThat(n.param("learningRate").min()).isCloseTo(1e-3, within(1e-15));
        assertThat(n.param("learningRate").max()).isCloseTo(1e-1, within(1e-14));
        assertThat(n.param("units").max()).isEqualTo(72);
        assertThat(n.param("momentum")).isEqualTo(s.param("momentum"));
        assertThatThrownBy(() -> s.narrowed(Map.of("l2", new double[] {0, 1}))).hasMessageContaining("'l2'");

        List<Map<String, Object>> top = List.of(
                Map.of("learningRate", 1e-3, "momentum", 0.9, "batchSize", 32, "units", 20, "optimizer", "adam"),
                Map.of("learningRate", 1e-2, "momentum", 0.99, "batchSize", 64, "units", 40, "optimizer", "adam"),
                Map.of("learningRate", 3e-3, "momentum", 0.95, "batchSize", 32, "units", 30, "optimizer", "adam"));
        SearchSpace t = s.aroundTop(top);
        assertThat(t.param("learningRate").scale()).isEqualTo(Scale.LOG);
        assertThat(t.param("learningRate").min()).isCloseTo(1e-3, within(1e-15));
        assertThat(t.param("learningRate").max()).isCloseTo(1e-2, within(1e-15));
        assertThat(t.param("momentum").min()).isCloseTo(0.9, within(1e-12));
        assertThat(t.param("momentum").max()).isCloseTo(0.99, within(1e-12));
        assertThat(t.param("batchSize").min()).isEqualTo(32);
        assertThat(t.param("batchSize").max()).isEqualTo(64);
        assertThat(t.param("units").min()).isEqualTo(20);
        assertThat(t.param("units").max()).isEqualTo(40);
        assertThat(t.param("optimizer").choices()).containsExactly("adam");
        assertThat(t.base()).isEqualTo(s.base());
    }

    // ------------------------------------------------------------- parse errors

    static String messageOf(String json) {
        try {
            SearchSpace.parse(json, "space.json", null);
        } catch (ConfigException e) {
            return e.jsonPath() + " | " + e.getMessage();
        }
        throw new AssertionError("no error for " + json);
    }

    static String withParam(String param) {
        return "{ \"base\": " + BASE + ", \"params\": [ " + param + " ] }";
    }

    @Test
    void parseErrorsNameFilePathValueAndRule() {
        assertThat(messageOf("{ \"base\": " + BASE + ", \"params\": [], \"trials\": 3 }"))
                .contains("space.json").contains("unknown key 'trials'");
        assertThat(messageOf(withParam("{ \"name\": \"learningRate\", \"scale\": \"log\", \"min\": 1e-4, \"max\": 1, \"step\": 2 }")))
                .contains("space.json").contains("params[0].step").contains("unknown key 'step'");
        assertThat(messageOf(withParam("{ \"name\": \"learningRate\", \"scale\": \"logarithmic\", \"min\": 1e-4, \"max\": 1 }")))
                .startsWith("params[0].scale").contains("space.json").contains("'logarithmic'").contains("one-minus-log");
        assertThat(messageOf(withParam("{ \"name\": \"learningRate\", \"scale\": \"log\", \"min\": 1, \"max\": 0.1 }")))
                .contains("params[0]").contains("min 1 is greater than max 0.1");
        assertThat(messageOf(withParam("{ \"name\": \"l2\", \"scale\": \"log\", \"min\": 0, \"max\": 0.1 }")))
                .contains("params[0]").contains("min 0").contains("0 < min <= max");
        assertThat(messageOf(withParam("{ \"name\": \"learningRate\", \"scale\": \"log\", \"min\": \"abc\", \"max\": 1 }")))
                .startsWith("params[0].min").contains("space.json").contains("\"abc\" is not a number");
        assertThat(messageOf(withParam("{ \"name\": \"dropout\", \"scale\": \"linear\", \"min\": 0, \"max\": 1 }")))
                .startsWith("params[0].name").contains("'dropout'").contains("learningRate");
        assertThat(messageOf(withParam("{ \"name\": \"batchSize\", \"scale\": \"log\", \"min\": 16, \"max\": 64 }")))
                .startsWith("params[0].scale").contains("batchSize").contains("integer, pow2").doesNotContain("one-minus");
        assertThat(messageOf(withParam("{ \"name\": \"momentum\", \"scale\": \"linear\", \"min\": 0.5, \"max\": 1 }")))
                .startsWith("params[0]").contains("momentum").contains("[0, 1)");
        assertThat(messageOf(withParam("{ \"name\": \"optimizer\", \"scale\": \"choice\", \"choices\": [\"adam\", \"lbfgs\"] }")))
                .contains("params[0]").contains("lbfgs");
        assertThat(messageOf("{ \"params\": [] }")).startsWith("base").contains("required");
        assertThat(messageOf("{ \"base\": { \"data\": { \"kind\": \"blobs\" }, \"epochs\": \"ten\" }, \"params\": [] }"))
                .startsWith("base.epochs").contains("space.json");
        assertThat(messageOf("{ \"base\": " + BASE + ", \"params\": [ ")).contains("space.json").contains("not valid JSON");
        assertThat(messageOf(withParam("{ \"name\": \"units\", \"scale\": \"integer\", \"min\": 8, \"max\": 16 }, "
                + "{ \"name\": \"units\", \"scale\": \"integer\", \"min\": 8, \"max\": 16 }")))
                .startsWith("params[1].name").contains("twice");
    }

    @Test
    void readNamesAMissingFile(@TempDir Path tmp) {
        assertThatThrownBy(() -> SearchSpace.read(tmp.resolve("nope.json"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("nope.json").hasMessageContaining("no such file");
    }
}
