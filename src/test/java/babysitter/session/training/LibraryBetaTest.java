package babysitter.session.training;

import static org.assertj.core.api.Assertions.assertThat;

import babysitter.session.configuration.ConfigFiles;
import babysitter.session.configuration.RunConfig;
import babysitter.store.RunLibrary;
import babysitter.store.RunSummary;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library's β column shows the β the run's optimiser averages with (Adam's β1, RMSprop's β2),
 * from the configuration and the last live change, not the momentum hyperparameter every step
 * records.
 */
class LibraryBetaTest {

    @Test
    void adamAndRmspropShowTheirOwnBeta(@TempDir Path root) throws Exception {
        Path rmsprop = record(root, "\"kind\": \"rmsprop\", \"beta2\": 0.95", null);
        Path adam = record(root, "\"kind\": \"adam\", \"beta1\": 0.8", 0.7);
        RunSummary r = new RunLibrary().summary(rmsprop);
        assertThat(r.betaStart()).isEqualTo(0.95);
        assertThat(r.betaLast()).isEqualTo(0.95);
        RunSummary a = new RunLibrary().summary(adam);
        assertThat(a.betaStart()).isEqualTo(0.8);
        assertThat(a.betaLast()).as("after β1 was changed live").isEqualTo(0.7);
    }

    /** A 2-epoch recorded spiral run with these optimizer settings; β1 changed to {@code newBeta1} after epoch 1 unless null. */
    private static Path record(Path root, String optimizer, Double newBeta1) throws Exception {
        RunConfig c = ConfigFiles.parse("""
                { "data": { "kind": "spiral", "n": 60, "arms": 3, "noise": 0.1, "devFraction": 0.25 },
                  "network": { "hidden": [ { "units": 8, "activation": "relu", "batchNorm": false } ] },
                  "optimizer": { %s, "learningRate": 0.02, "batchSize": 16 }, "epochs": 2, "seed": 1 }
                """.formatted(optimizer), "beta");
        Trainer t = Runs.start(c, root, null, Clock.systemUTC());
        try {
            t.trainEpoch();
            if (newBeta1 != null) {
                t.setHyperparameters(t.hyperparameters().withBetas(newBeta1, t.hyperparameters().beta2()), "slider");
            }
            t.trainEpoch();
            return t.runDir();
        } finally {
            t.close();
        }
    }
}
