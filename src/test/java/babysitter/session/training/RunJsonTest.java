package babysitter.session.training;

import static org.assertj.core.api.Assertions.assertThat;

import babysitter.session.configuration.ConfigFiles;
import babysitter.session.configuration.Release;
import babysitter.session.configuration.RunConfig;
import babysitter.store.Json;
import babysitter.store.Run;
import babysitter.store.RunReader;
import babysitter.store.RunWriter;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** run.json as a run writes it: the same fields in the same order as the runs already on disk, and read back. */
class RunJsonTest {

    private static List<String> fields(JsonNode o) {
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void runJsonHoldsProvenanceConfigurationDataAndNetworkInItsOrder(@TempDir Path runs) throws Exception {
        Trainer t = Runs.start(TrainerTest.spiral(2), runs, null, TrainerTest.CLOCK);
        Path dir = t.runDir();
        t.close();
        JsonNode root = Json.MAPPER.readTree(Files.readString(dir.resolve(RunWriter.RUN_JSON)));
        assertThat(fields(root)).containsExactly("program", "version", "created", "config", "data", "network", "init");
        assertThat(root.get("program").asText()).isEqualTo("babysitter");
        assertThat(root.get("version").asText()).isEqualTo(Release.VERSION);
        assertThat(root.get("created").asText()).isEqualTo(TrainerTest.CLOCK.instant().toString());
        assertThat(root.get("init").isNull()).isTrue();
        assertThat(root.get("config").toString()).isEqualTo(Json.MAPPER.<JsonNode>valueToTree(TrainerTest.spiral(2)).toString());
        JsonNode data = root.get("data");
        assertThat(fields(data)).containsExactly("description", "train", "dev", "test", "features", "classNames",
                "standardizer");
        assertThat(data.get("train").asInt() + data.get("dev").asInt() + data.get("test").asInt()).isEqualTo(240);
        assertThat(data.get("features").asInt()).isEqualTo(2);
        assertThat(data.get("classNames")).hasSize(3);
        assertThat(fields(data.get("standardizer"))).containsExactly("mean", "std");
        assertThat(data.get("standardizer").get("mean")).hasSize(2);
        assertThat(root.get("network").get("layerSizes").toString()).isEqualTo("[2,16,3]");

        Run run = RunReader.read(dir);
        assertThat(Runs.configOf(run)).isEqualTo(TrainerTest.spiral(2));
        assertThat(Runs.standardizerOf(run).mean()).hasSize(2);
    }

    @Test
    void dataThatIsNotStandardisedHasNoStandardiser(@TempDir Path runs) throws Exception {
        RunConfig config = ConfigFiles.parse("""
                {
                  "data": { "kind": "spiral", "n": 120, "arms": 2, "noise": 0.1, "standardize": false },
                  "network": { "hidden": [ { "units": 4, "activation": "relu" } ] },
                  "optimizer": { "kind": "sgd", "learningRate": 0.1, "batchSize": 32 },
                  "epochs": 1, "seed": 1
                }""", "test");
        Trainer t = Runs.start(config, runs, null, TrainerTest.CLOCK);
        Path dir = t.runDir();
        t.close();
        JsonNode data = Json.MAPPER.readTree(Files.readString(dir.resolve(RunWriter.RUN_JSON))).get("data");
        assertThat(data.has("standardizer")).isFalse();
        assertThat(Runs.standardizerOf(RunReader.read(dir))).isNull();
    }
}
