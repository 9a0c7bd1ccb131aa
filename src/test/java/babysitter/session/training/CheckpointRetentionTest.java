package babysitter.session.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import babysitter.session.configuration.ConfigException;
import babysitter.session.configuration.ConfigFiles;
import babysitter.session.configuration.RunConfig;
import babysitter.store.CheckpointInfo;
import babysitter.store.Run;
import babysitter.store.RunReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Long runs keep a handful of checkpoint folders, never one a person or a branch needs. */
class CheckpointRetentionTest {

    static RunConfig spiral(int epochs, String checkpoints) throws ConfigException {
        return ConfigFiles.parse("""
                { "data": { "kind": "spiral", "n": 240, "arms": 3, "noise": 0.1, "devFraction": 0.25 },
                  "network": { "hidden": [ { "units": 16, "activation": "relu", "batchNorm": true } ] },
                  "optimizer": { "kind": "adam", "learningRate": 0.01, "batchSize": 32 },
                  "epochs": %d, "seed": 3, "logEvery": 1 %s }""".formatted(epochs,
                checkpoints == null ? "" : ", \"checkpoints\": " + checkpoints), "test");
    }

    private static List<String> onDisk(Trainer t) throws Exception {
        Run run = RunReader.read(t.runDir());
        return run.checkpoints().stream().map(CheckpointInfo::id).toList();
    }

    @Test
    void theLastFiveTheBestHandTakenAutomaticAndBranchPointsStay(@TempDir Path runs) throws Exception {
        Trainer t = Runs.start(spiral(40, null), runs, null, TrainerTest.CLOCK);
        for (int e = 0; e < 6; e++) {
            t.trainEpoch();
        }
        long at = t.step();
        t.checkpoint("user");
        t.checkpoint("auto");
        t.setHyperparameters(t.hyperparameters().withLearningRate(0.005), "user");
        for (int e = 0; e < 6; e++) {
            t.trainEpoch();
        }
        t.rewind("epoch-0010");
        for (int e = 0; e < 20; e++) {
            t.trainEpoch();
        }
        List<String> kept = onDisk(t);
        assertThat(kept).contains("step-" + at, "auto-" + at, "epoch-0010");
        long epochFolders = kept.stream().filter(id -> id.startsWith("epoch-")).count();
        assertThat(epochFolders).as("last five, the best, the branch point").isBetween(5L, 7L);
        assertThat(kept).contains("epoch-0030.b1", "epoch-0026.b1");
        assertThat(kept).doesNotContain("epoch-0002");
    }

    @Test
    void keepEveryKeepsEveryKthEpochAndTheRunStillReplaysBitForBit(@TempDir Path runs, @TempDir Path out)
            throws Exception {
        Trainer t = Runs.start(spiral(30, "{ \"keepLast\": 2, \"keepEvery\": 10, \"keepBest\": false }"), runs,
                null, TrainerTest.CLOCK);
        for (int e = 0; e < 12; e++) {
            t.trainEpoch();
        }
        t.rewind("epoch-0011");
        for (int e = 0; e < 5; e++) {
            t.trainEpoch();
        }
        t.close();
        assertThat(onDisk(t)).containsExactlyInAnyOrder("epoch-0010", "epoch-0011", "epoch-0015.b1",
                "epoch-0016.b1");
        Replay.Result r = Replay.run(RunReader.read(t.runDir()), out, TrainerTest.CLOCK, null);
        assertThat(r.identical()).isTrue();
        assertThat(r.comparedSteps()).isGreaterThan(100);
    }

    @Test
    void aPolicyOutOfRangeIsAConfigurationError() {
        assertThatThrownBy(() -> spiral(3, "{ \"keepLast\": 0 }")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("keepLast");
    }
}
