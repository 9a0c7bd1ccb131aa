package babysitter.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import babysitter.data.BatchOrder;
import babysitter.engine.Activation;
import babysitter.engine.Hyperparameters;
import babysitter.engine.Precision;
import babysitter.engine.optim.OptimizerKind;
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
        RunConfig back = ConfigFiles.fromJson(ConfigFiles.toJson(c), "run.json");
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
        "not JSON | {\"data\":{\"kind\":\"xor\"} | not valid JSON;line",
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
    void aMissingFileIsNamed() {
        assertThatThrownBy(() -> ConfigFiles.read(java.nio.file.Path.of("/nonexistent/run.json")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("/nonexistent/run.json");
    }
}
