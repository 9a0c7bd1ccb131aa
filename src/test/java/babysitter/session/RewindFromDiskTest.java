package babysitter.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A checkpoint that has left the ring in memory is restored from the run store, exactly. */
class RewindFromDiskTest {

    @Test
    void aCheckpointNoLongerInMemoryIsRestoredFromItsFolderBitForBit(@TempDir Path runs) throws Exception {
        Trainer t = Runs.start(TrainingSessionTest.sgd(0.1, 10), runs, null, TrainerTest.CLOCK);
        t.setRingCapacity(2);
        List<Double> first = new ArrayList<>();
        for (int e = 0; e < 4; e++) {
            t.trainEpoch();
        }
        long stepsPerEpoch = t.step() / 4;
        assertThat(t.checkpoints()).extracting(Snapshot.CheckpointSummary::id)
                .doesNotContain("epoch-0001");
        // the costs of epoch 2 as first trained, from the recorded steps
        babysitter.store.Run run = babysitter.store.RunReader.read(t.runDir());
        run.steps().stream().filter(m -> m.epoch() == 1).forEach(m -> first.add(m.cost()));

        t.rewind("epoch-0001");
        assertThat(t.step()).isEqualTo(stepsPerEpoch);
        assertThat(t.epoch()).isEqualTo(1);
        List<Double> again = new ArrayList<>();
        for (int i = 0; i < stepsPerEpoch; i++) {
            again.add(t.trainStep().cost());
        }
        assertThat(again).containsExactlyElementsOf(first);
    }

    @Test
    void anUnknownCheckpointIsRefusedWithWhatIsKept(@TempDir Path runs) throws Exception {
        Trainer t = Runs.start(TrainingSessionTest.sgd(0.1, 10), runs, null, TrainerTest.CLOCK);
        t.trainEpoch();
        assertThatThrownBy(() -> t.rewind("epoch-0099")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no checkpoint 'epoch-0099'").hasMessageContaining("epoch-0001");
    }
}
