package babysitter.session.training;

import static org.assertj.core.api.Assertions.assertThat;

import babysitter.engine.Hyperparameters;
import babysitter.session.configuration.ConfigException;
import babysitter.session.configuration.ConfigFiles;
import babysitter.session.configuration.RunConfig;
import babysitter.store.Run;
import babysitter.store.RunEvent;
import babysitter.store.RunReader;
import babysitter.store.StepMetric;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class TrainerTest {

    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);

    public static RunConfig spiral(int epochs) throws ConfigException {
        return ConfigFiles.parse("""
                {
                  "data": { "kind": "spiral", "n": 240, "arms": 3, "noise": 0.1, "devFraction": 0.25 },
                  "network": { "hidden": [ { "units": 16, "activation": "relu", "batchNorm": true } ] },
                  "optimizer": { "kind": "adam", "learningRate": 0.02, "batchSize": 32 },
                  "epochs": %d, "seed": 3, "logEvery": 1
                }""".formatted(epochs), "test");
    }

    @Test
    void aRunIsRecordedEpochByEpochWithACheckpointEach(@TempDir Path runs) throws Exception {
        Trainer t = Runs.start(spiral(3), runs, null, CLOCK);
        while (!t.finished()) {
            t.trainEpoch();
        }
        t.close();
        Run run = RunReader.read(t.runDir());
        assertThat(run.warnings()).isEmpty();
        // 180 training rows in batches of 32: 6 steps an epoch, the last one partial
        assertThat(run.steps()).hasSize(18);
        assertThat(run.steps()).extracting(StepMetric::step).containsExactly(
                0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L, 16L, 17L);
        assertThat(run.epochs()).hasSize(3);
        assertThat(run.epochs().get(2).devAccuracy()).isBetween(0.0, 1.0);
        assertThat(run.epochs().get(2).trainCost()).isLessThan(run.epochs().get(0).trainCost());
        assertThat(run.checkpoints()).extracting(c -> c.id()).containsExactly("epoch-0001", "epoch-0002", "epoch-0003");
        assertThat(run.events()).extracting(RunEvent::kind).startsWith("start").endsWith("stop");
    }

    @Test
    void aNewLearningRateIsUsedFromTheNextStepAndRecordedAtThatStep(@TempDir Path runs) throws Exception {
        Trainer t = Runs.start(spiral(1), runs, null, CLOCK);
        t.trainStep();
        t.trainStep();
        Hyperparameters next = t.hyperparameters().withLearningRate(0.005);
        t.setHyperparameters(next, "user");
        t.trainStep();
        t.close();
        Run run = RunReader.read(t.runDir());
        RunEvent change = run.events().stream().filter(e -> e.kind().equals("hyperparameters")).findFirst().orElseThrow();
        assertThat(change.step()).isEqualTo(2);
        var hp = (babysitter.store.Event.HyperparametersChanged) change.event();
        assertThat(hp.to().learningRate()).isEqualTo(0.005);
        assertThat(hp.from().learningRate()).isEqualTo(0.02);
        List<StepMetric> steps = run.steps();
        assertThat(steps.get(1).learningRate()).isEqualTo(0.02);
        assertThat(steps.get(2).learningRate()).isEqualTo(0.005);
    }

    @Test
    void theSameConfigurationGivesTheSameCostsBitForBit() throws Exception {
        double[] a = costs(spiral(2));
        double[] b = costs(spiral(2));
        assertThat(a).isEqualTo(b);
        double[] other = costs(new RunConfig(null, spiral(2).network(), spiral(2).optimizer(), spiral(2).data(), 2, 4L,
                null, 1));
        assertThat(other).isNotEqualTo(a);
    }

    private static double[] costs(RunConfig c) throws Exception {
        Trainer t = Runs.start(c, null, null, CLOCK);
        double[] out = new double[12];
        for (int i = 0; i < out.length; i++) {
            out[i] = t.trainStep().cost();
        }
        return out;
    }
}
