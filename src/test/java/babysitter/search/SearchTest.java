package babysitter.search;

import static org.assertj.core.api.Assertions.assertThat;

import babysitter.session.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchTest {

    static final String BASE = """
            { "data": { "kind": "blobs", "n": 240, "classes": 3, "noise": 0.8, "devFraction": 0.25 },
              "network": { "hidden": [ { "units": 6, "activation": "relu", "batchNorm": false } ] },
              "optimizer": { "kind": "adam", "learningRate": 0.01, "batchSize": 32 },
              "epochs": 2, "seed": 3, "logEvery": 5 }""";

    static SearchSpace space() throws ConfigException {
        return SearchSpace.parse("""
                { "base": %s,
                  "params": [
                    { "name": "learningRate", "scale": "log", "min": 1e-3, "max": 0.1 },
                    { "name": "batchSize", "scale": "pow2", "min": 16, "max": 64 },
                    { "name": "units", "scale": "integer", "min": 4, "max": 12 } ] }""".formatted(BASE), "test", null);
    }

    @Test
    void aSmallRandomSearchFinishesEveryTrialWithItsRunFolder(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("s");
        try (Search s = Search.create(dir, space(), Method.RANDOM, 4, 0, new Settings(2, 2, EarlyStopping.none(), 7));
             LocalExecutor ex = new LocalExecutor(2)) {
            s.run(ex);
            List<Trial> trials = s.trials();
            assertThat(trials).hasSize(4);
            for (Trial t : trials) {
                assertThat(t.state()).as(t.note()).isEqualTo(TrialState.DONE);
                assertThat(t.curve()).hasSize(2);
                assertThat(t.runDir()).isDirectory();
                assertThat(t.runDir().getFileName().toString()).endsWith(t.name());
                assertThat(t.bestDevAccuracy()).isBetween(0.0, 1.0);
                assertThat(t.runDir().resolve("checkpoints").resolve(t.bestCheckpoint())).isDirectory();
            }
            assertThat(s.best(2)).hasSize(2);
            assertThat(s.best(2).get(0).bestDevAccuracy()).isGreaterThanOrEqualTo(s.best(2).get(1).bestDevAccuracy());
        }
        assertThat(dir.resolve(Search.SEARCH_JSON)).exists();
        assertThat(Files.readAllLines(dir.resolve(Search.TRIALS_JSONL))).isNotEmpty();
    }
}
