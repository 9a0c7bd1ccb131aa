package babysitter.session;

import static org.assertj.core.api.Assertions.assertThat;

import babysitter.engine.optim.OptimizerKind;
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
}
