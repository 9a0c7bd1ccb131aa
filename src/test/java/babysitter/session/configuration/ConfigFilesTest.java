package babysitter.session.configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import babysitter.data.BatchOrder;
import babysitter.engine.Activation;
import babysitter.engine.Hyperparameters;
import babysitter.engine.Precision;
import babysitter.engine.optim.OptimizerKind;
import babysitter.store.Json;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigFilesTest {

    private static final String GOOD = """
            {
              "data": { "kind": "spiral", "n": 90, "arms": 3, "noise": 0.1 },
              "network": { "hidden": [ { "units": 8, "activation": "tanh", "batchNorm": true } ], "precision": "float64" },
              "optimizer": { "kind": "momentum", "learningRate": 0.05, "momentum": 0.95, "batchSize": 16 },
              "epochs": 3, "seed": 9, "batchOrder": "data"
            }""";

    @Test
    void aGoodConfigurationIsReadWithDefaultsFilledIn() throws Exception {
        RunConfig c = ConfigFiles.parse(GOOD, "good.json");
        assertThat(c.epochs()).isEqualTo(3);
        assertThat(c.seed()).isEqualTo(9);
        assertThat(c.batchOrder()).isEqualTo(BatchOrder.DATA);
        assertThat(c.logEvery()).isEqualTo(RunConfig.DEFAULT_LOG_EVERY);
        assertThat(c.name()).isEqualTo("spiral");
        assertThat(c.network().hidden()).hasSize(1);
        assertThat(c.network().hidden().get(0).activation()).isEqualTo(Activation.TANH);
        assertThat(c.network().precision()).isEqualTo(Precision.FLOAT64);
        Hyperparameters hp = c.optimizer().toHyperparameters();
        assertThat(hp.optimizer()).isEqualTo(OptimizerKind.MOMENTUM);
        assertThat(hp.learningRate()).isEqualTo(0.05);
        assertThat(hp.momentum()).isEqualTo(0.95);
        assertThat(hp.batchSize()).isEqualTo(16);
        assertThat(hp.beta2()).isEqualTo(Hyperparameters.DEFAULTS.beta2());
    }

    @Test
    void aConfigurationSurvivesTheRoundTripThroughRunJson() throws Exception {
        RunConfig c = ConfigFiles.parse(GOOD, "good.json");
        RunConfig back = ConfigFiles.fromJson(Json.MAPPER.<JsonNode>valueToTree(c), "run.json");
        assertThat(back).isEqualTo(c);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // what is wrong | the JSON | words the message must contain
        "unknown key | {\"data\":{\"kind\":\"xor\"},\"epoch\":3} | unknown key 'epoch';epochs",
        "unknown nested key | {\"data\":{\"kind\":\"xor\"},\"optimizer\":{\"lr\":0.1}} | optimizer.lr;unknown key 'lr'",
        "string for a number | {\"data\":{\"kind\":\"xor\"},\"optimizer\":{\"learningRate\":\"abc\"}} | optimizer.learningRate;a number",
        "fraction for a whole number | {\"data\":{\"kind\":\"xor\"},\"epochs\":2.5} | epochs;a whole number",
        "learning rate out of range | {\"data\":{\"kind\":\"xor\"},\"optimizer\":{\"learningRate\":-1}} | optimizer;learning rate;-1",
        "momentum out of range | {\"data\":{\"kind\":\"xor\"},\"optimizer\":{\"momentum\":1.0}} | optimizer;momentum;1.0",
        "layer size zero | {\"data\":{\"kind\":\"xor\"},\"network\":{\"hidden\":[{\"units\":8,\"activation\":\"relu\",\"batchNorm\":true},{\"units\":0,\"activation\":\"relu\",\"batchNorm\":true}]}} | network.hidden[1];layer size;0",
        "unknown activation | {\"data\":{\"kind\":\"xor\"},\"network\":{\"hidden\":[{\"units\":8,\"activation\":\"swish\",\"batchNorm\":true}]}} | network.hidden[0].activation;swish;relu",
        "unknown optimiser | {\"data\":{\"kind\":\"xor\"},\"optimizer\":{\"kind\":\"adagrad\"}} | optimizer.kind;adagrad;adam",
        "epochs zero | {\"data\":{\"kind\":\"xor\"},\"epochs\":0} | epochs must be at least 1, got 0",
        "no data | {\"epochs\":3} | data",
        "unknown running variance | {\"data\":{\"kind\":\"xor\"},\"network\":{\"bnRunningVariance\":\"sample\"}} | network.bnRunningVariance;sample;unbiased",
        "not JSON | {\"data\":{\"kind\":\"xor\"} | not valid JSON;line",
        "exponential base above 1 | {\"data\":{\"kind\":\"xor\"},\"optimizer\":{\"decay\":\"exponential\",\"decayRate\":1.5}} | optimizer.decayRate;(0, 1];1.5",
        "inverse sqrt k zero | {\"data\":{\"kind\":\"xor\"},\"optimizer\":{\"decay\":\"inverse_sqrt\",\"decayRate\":0}} | optimizer.decayRate;> 0",
        "staircase of no epochs | {\"data\":{\"kind\":\"xor\"},\"optimizer\":{\"decay\":\"staircase\",\"decayEvery\":0}} | optimizer.decayEvery;at least 1",
        "negative inverse time rate | {\"data\":{\"kind\":\"xor\"},\"optimizer\":{\"decay\":\"inverse_time\",\"decayRate\":-1}} | optimizer.decayRate;>= 0",
        "duplicate key hiding a bad value | {\"data\":{\"kind\":\"xor\"},\"optimizer\":{\"learningRate\":-1,\"learningRate\":0.1}} | optimizer.learningRate;appears twice;line 1",
        "duplicate top-level key | {\"data\":{\"kind\":\"xor\"},\"epochs\":3,\"epochs\":4} | epochs;appears twice",
        "NaN literal | {\"data\":{\"kind\":\"xor\"},\"optimizer\":{\"learningRate\":NaN}} | optimizer.learningRate;NaN is not a number JSON allows;line 1, column",
        "Infinity literal | {\"data\":{\"kind\":\"xor\",\"noise\":Infinity}} | data.noise;Infinity is not a number JSON allows",
        "nested syntax error | {\"data\":{\"kind\":\"xor\"},\"network\":{\"hidden\":[{\"units\":4 \"batchNorm\":true}]}} | network.hidden[0].units;expected ',' or '}';line 1, column",
        "layer without units | {\"data\":{\"kind\":\"xor\"},\"network\":{\"hidden\":[{\"activation\":\"relu\"}]}} | network.hidden[0];units is required",
        "trailing text | {\"data\":{\"kind\":\"xor\"}} 5 | more text follows",
        // the one rule for an α a person sets (LearningRateRange), the same as the window's fields
        "learning rate above a person's range | {\"data\":{\"kind\":\"xor\"},\"optimizer\":{\"learningRate\":1000}} | optimizer.learningRate;1e-06 to 10;got 1000",
        "learning rate below a person's range | {\"data\":{\"kind\":\"xor\"},\"optimizer\":{\"learningRate\":1e-9}} | optimizer.learningRate;1e-06 to 10;1.0E-9",
        "scheduled learning rate above the range | {\"data\":{\"kind\":\"xor\"},\"schedule\":[{\"at\":{\"epoch\":1},\"set\":{\"momentum\":0.8}},{\"at\":{\"epoch\":2},\"set\":{\"learningRate\":50}}]} | schedule[1].set.learningRate;1e-06 to 10;got 50",
    })
    void badConfigurationsAreReportedWithTheirPathAndRule(String what, String json, String words) {
        assertThatThrownBy(() -> ConfigFiles.parse(json, "bad.json"))
                .as(what)
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> {
                    assertThat(e.getMessage()).startsWith("bad.json");
                    for (String w : words.split(";")) {
                        assertThat(e.getMessage()).contains(w);
                    }
                });
    }

    @Test
    void aRecordedRunKeepsItsLearningRateEvenOutsideAPersonsRange() throws Exception {
        // runs made by code (tests, the engine's own experiments) or before the rule must still open
        RunConfig good = ConfigFiles.parse(GOOD, "good.json");
        RunConfig wild = good.withOptimizer(OptimizerSpec.of(good.optimizer().toHyperparameters().withLearningRate(1e3)));
        assertThat(ConfigFiles.fromJson(Json.MAPPER.<JsonNode>valueToTree(wild), "run.json").optimizer().learningRate()).isEqualTo(1e3);
    }

    @Test
    void aScheduleEntryOnTheCommandLineFollowsTheSameRule() throws Exception {
        RunConfig good = ConfigFiles.parse(GOOD, "good.json");
        assertThatThrownBy(() -> ScheduleArgument.addTo(good, java.util.List.of("epoch=2:learningRate=20")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("--set epoch=2:learningRate=20")
                .hasMessageContaining("schedule[0].set.learningRate")
                .hasMessageContaining("1e-06 to 10");
        assertThat(ScheduleArgument.addTo(good, java.util.List.of("epoch=2:learningRate=10")).schedule()).hasSize(1);
    }

    @Test
    void eachDecayFormReadsItsParametersAndAnAbsentRateTakesTheFormsDefault() throws Exception {
        Hyperparameters hp = ConfigFiles.parse("""
                {"data":{"kind":"xor"},"optimizer":{"decay":"staircase","decayRate":0.25,"decayEvery":3}}""",
                "s.json").optimizer().toHyperparameters();
        assertThat(hp.decayKind()).isEqualTo(babysitter.engine.LrDecay.STAIRCASE);
        assertThat(hp.decay()).isEqualTo(0.25);
        assertThat(hp.decayEvery()).isEqualTo(3);
        Hyperparameters exp = ConfigFiles.parse("""
                {"data":{"kind":"xor"},"optimizer":{"decay":"exponential"}}""", "e.json").optimizer().toHyperparameters();
        assertThat(exp.decay()).isEqualTo(0.95);
        RunConfig c = ConfigFiles.parse("""
                {"data":{"kind":"xor"},"optimizer":{"decay":"inverse_sqrt","decayRate":3}}""", "q.json");
        assertThat(ConfigFiles.fromJson(Json.MAPPER.<JsonNode>valueToTree(c), "run.json")).isEqualTo(c);
    }

    @Test
    void theRunningVarianceConventionIsReadAndBiasedByDefault() throws Exception {
        RunConfig c = ConfigFiles.parse("""
                {"data":{"kind":"xor"},"network":{"bnRunningVariance":"unbiased"}}""", "u.json");
        assertThat(c.network().toConfig(2, 2, 1).bnRunningVariance()).isEqualTo(babysitter.engine.RunningVariance.UNBIASED);
        assertThat(ConfigFiles.parse(GOOD, "good.json").network().toConfig(2, 2, 1).bnRunningVariance())
                .isEqualTo(babysitter.engine.RunningVariance.BIASED);
    }

    @Test
    void exponentialDecayRecordedByVersion010MeantTheFixedBase() {
        OptimizerSpec old = new OptimizerSpec(null, 0.1, null, null, null, null, null, null,
                babysitter.engine.LrDecay.EXPONENTIAL, 0.0);
        assertThat(old.asRecordedBy("0.1.0").toHyperparameters().decay()).isEqualTo(0.95);
        OptimizerSpec half = new OptimizerSpec(null, 0.1, null, null, null, null, null, null,
                babysitter.engine.LrDecay.EXPONENTIAL, 0.5);
        assertThat(half.asRecordedBy("0.1.0").toHyperparameters().decay()).isEqualTo(0.95);
        assertThat(half.asRecordedBy(Release.VERSION).toHyperparameters().decay()).isEqualTo(0.5);
    }

    @Test
    void aHiddenLayerNeedsOnlyItsUnits() throws Exception {
        RunConfig c = ConfigFiles.parse("{\"data\":{\"kind\":\"xor\"},\"network\":{\"hidden\":[{\"units\": 4}]}}", "l.json");
        assertThat(c.network().hidden()).containsExactly(new babysitter.engine.LayerSpec(4, Activation.RELU, false));
    }

    @Test
    void aMissingFileIsNamed() {
        assertThatThrownBy(() -> ConfigFiles.read(java.nio.file.Path.of("/nonexistent/run.json")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("/nonexistent/run.json");
    }

    @Test
    void aTaskWithoutAConfigurationObjectIsAMessageNotACrash() {
        // a cluster task's "config" read with path(): absent, it is a missing node, not null
        assertThatThrownBy(() -> ConfigFiles.fromJson(Json.MAPPER.createObjectNode().path("config"), "trial 3"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("trial 3: holds no configuration object");
    }
}
