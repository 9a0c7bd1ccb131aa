package babysitter.session.training;

import static org.assertj.core.api.Assertions.assertThat;

import babysitter.engine.optim.OptimizerKind;
import babysitter.session.configuration.ConfigException;
import babysitter.session.configuration.ConfigFiles;
import babysitter.session.configuration.Release;
import babysitter.session.configuration.RunConfig;
import babysitter.store.Run;
import babysitter.store.RunReader;
import babysitter.store.StepMetric;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayTest {

    @Test
    void aHandSteeredRunIsReproducedBitForBit(@TempDir Path runs) throws Exception {
        Trainer t = Runs.start(TrainerTest.spiral(3), runs, null, TrainerTest.CLOCK);
        for (int i = 0; i < 4; i++) {
            t.trainStep();
        }
        t.setHyperparameters(t.hyperparameters().withLearningRate(0.004), "user");
        for (int i = 0; i < 5; i++) {
            t.trainStep();
        }
        t.setHyperparameters(t.hyperparameters().withOptimizer(OptimizerKind.MOMENTUM).withMomentum(0.8)
                .withBatchSize(20), "user");
        while (!t.finished()) {
            t.trainStep();
        }
        t.close();
        Run original = RunReader.read(t.runDir());

        Replay.Result r = Replay.run(original, runs, TrainerTest.CLOCK, null);

        assertThat(r.identical()).as("first mismatch at %d", r.firstMismatchStep()).isTrue();
        assertThat(r.comparedSteps()).isEqualTo(original.steps().size());
        Run replayed = RunReader.read(r.dir());
        assertThat(replayed.steps()).extracting(StepMetric::cost)
                .containsExactlyElementsOf(original.steps().stream().map(StepMetric::cost).toList());
        assertThat(replayed.steps()).extracting(StepMetric::learningRate)
                .containsExactlyElementsOf(original.steps().stream().map(StepMetric::learningRate).toList());
    }

    @Test
    void withoutTheRecordedChangesTheCostsDiffer(@TempDir Path runs) throws Exception {
        // The comparison can fail: a replay of a run whose change is dropped from the events differs.
        Trainer t = Runs.start(TrainerTest.spiral(1), runs, null, TrainerTest.CLOCK);
        t.trainStep();
        t.setHyperparameters(t.hyperparameters().withLearningRate(0.2), "user");
        while (!t.finished()) {
            t.trainStep();
        }
        t.close();
        Run original = RunReader.read(t.runDir());
        Run withoutChanges = new Run(original.dir(), original.config(), original.steps(), original.epochs(),
                original.events().stream().filter(e -> !e.kind().equals("hyperparameters")).toList(),
                original.checkpoints(), original.warnings());
        Replay.Result r = Replay.run(withoutChanges, null, TrainerTest.CLOCK, null);
        assertThat(r.identical()).isFalse();
        // The new α is first used by the update of step 1; step 1's cost is computed before that
        // update, so the costs part at step 2.
        assertThat(r.firstMismatchStep()).isEqualTo(2);
    }

    @Test
    void anExponentialRunRecordedByVersion010ReplaysBitForBit(@TempDir Path runs) throws Exception {
        // Version 0.1.0 trained exponential decay with a base of 0.95 whatever decayRate said, and
        // wrote 0 (the default) into run.json and the events. Such a record must replay unchanged.
        RunConfig config = ConfigFiles.parse("""
                {
                  "data": { "kind": "spiral", "n": 120, "arms": 3, "noise": 0.1, "devFraction": 0.25 },
                  "network": { "hidden": [ { "units": 8, "activation": "relu", "batchNorm": true } ] },
                  "optimizer": { "kind": "adam", "learningRate": 0.05, "batchSize": 30, "decay": "exponential" },
                  "epochs": 4, "seed": 3, "logEvery": 1
                }""", "test");
        Trainer t = Runs.start(config, runs, null, TrainerTest.CLOCK);
        for (int i = 0; i < 5; i++) {
            t.trainStep();
        }
        t.setHyperparameters(t.hyperparameters().withLearningRate(0.03), "user");
        while (!t.finished()) {
            t.trainStep();
        }
        t.close();
        Run recorded = RunReader.read(t.runDir());
        assertThat(recorded.steps().get(recorded.steps().size() - 1).learningRate())
                .isEqualTo(Math.pow(0.95, 3) * 0.03);
        // The files as 0.1.0 wrote them: its exponential decay wrote a rate of 0 (and no decayEvery),
        // in the configuration and in every recorded change.
        com.fasterxml.jackson.databind.node.ObjectNode old = recorded.config().deepCopy();
        old.put("version", "0.1.0");
        ((com.fasterxml.jackson.databind.node.ObjectNode) old.path("config").path("optimizer")).put("decayRate", 0.0);
        java.nio.file.Files.writeString(t.runDir().resolve("run.json"), old.toString());
        Path events = t.runDir().resolve("events.jsonl");
        java.util.List<String> lines = new java.util.ArrayList<>();
        for (String line : java.nio.file.Files.readAllLines(events)) {
            com.fasterxml.jackson.databind.node.ObjectNode o = (com.fasterxml.jackson.databind.node.ObjectNode)
                    ConfigFiles.MAPPER.readTree(line);
            for (String side : new String[] {"from", "to"}) {
                if (o.path("details").path(side) instanceof com.fasterxml.jackson.databind.node.ObjectNode hp) {
                    hp.put("decayRate", 0.0);
                    hp.remove("decayEvery");
                }
            }
            lines.add(o.toString());
        }
        assertThat(String.join("\n", lines)).contains("\"decayRate\":0.0");
        java.nio.file.Files.write(events, lines);
        Run asOld = RunReader.read(t.runDir());
        assertThat(asOld.warnings()).isEmpty();

        Replay.Result r = Replay.run(asOld, null, TrainerTest.CLOCK, null);

        assertThat(r.identical()).as("first mismatch at %d", r.firstMismatchStep()).isTrue();
        assertThat(r.comparedSteps()).isEqualTo(recorded.steps().size());
        // The same record claimed by the current version is read as it says: a base of 0 is refused.
        old.put("version", Release.VERSION);
        java.nio.file.Files.writeString(t.runDir().resolve("run.json"), old.toString());
        Run asNew = RunReader.read(t.runDir());
        assertThat(asNew.warnings()).singleElement().asString().contains("hyperparameters")
                .contains("cannot be read");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Replay.run(asNew, null, TrainerTest.CLOCK, null))
                .isInstanceOf(ConfigException.class).hasMessageContaining("optimizer.decayRate");
    }

    @Test
    void aFloat64RunRecordedByVersion010ReplaysOnItsFloat32DataAndItsShuffle(@TempDir Path runs) throws Exception {
        // 0.1.0 stored the data as float32 whatever the network's precision, and shuffled the rows
        // even with nothing held out: what "precision": "float32" and "shuffleSplit": true say now.
        RunConfig config = ConfigFiles.parse("""
                {
                  "data": { "kind": "moons", "n": 90, "noise": 0.2, "devFraction": 0,
                            "shuffleSplit": true, "precision": "float32" },
                  "network": { "hidden": [ { "units": 8, "activation": "tanh", "batchNorm": true } ],
                               "precision": "float64" },
                  "optimizer": { "kind": "momentum", "learningRate": 0.1, "batchSize": 30 },
                  "epochs": 2, "seed": 7, "logEvery": 1, "batchOrder": "data"
                }""", "test");
        Trainer t = Runs.start(config, runs, null, TrainerTest.CLOCK);
        while (!t.finished()) {
            t.trainStep();
        }
        t.close();
        Run recorded = RunReader.read(t.runDir());
        com.fasterxml.jackson.databind.node.ObjectNode old = recorded.config().deepCopy();
        old.put("version", "0.1.0");
        com.fasterxml.jackson.databind.node.ObjectNode data =
                (com.fasterxml.jackson.databind.node.ObjectNode) old.path("config").path("data");
        data.remove("shuffleSplit");
        data.remove("precision");
        Run asOld = new Run(recorded.dir(), old, recorded.steps(), recorded.epochs(), recorded.events(),
                recorded.checkpoints(), recorded.warnings());

        Replay.Result r = Replay.run(asOld, null, TrainerTest.CLOCK, null);
        assertThat(r.identical()).as("first mismatch at %d", r.firstMismatchStep()).isTrue();
        assertThat(r.comparedSteps()).isEqualTo(recorded.steps().size());

        // read as the current version's, the same record trains on other rows and other values
        old.put("version", Release.VERSION);
        Run asNew = new Run(recorded.dir(), old, recorded.steps(), recorded.epochs(), recorded.events(),
                recorded.checkpoints(), recorded.warnings());
        assertThat(Replay.run(asNew, null, TrainerTest.CLOCK, null).identical()).isFalse();
    }
}
