package babysitter.session.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import babysitter.session.configuration.CheckpointPolicy;
import babysitter.session.configuration.RunConfig;
import babysitter.session.live.TrainingSessionTest;
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
        t.checkpointing().setRingCapacity(2);
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
    void aPersonsOwnCheckpointStaysOfferedAfterItLeavesTheRing(@TempDir Path runs) throws Exception {
        // a fast run passes the ring's 20 epochs in a second: what a person took must stay on the strip
        Trainer t = Runs.start(TrainingSessionTest.sgd(0.1, 10), runs, null, TrainerTest.CLOCK);
        t.checkpointing().setRingCapacity(2);
        t.trainEpoch();
        t.trainStep();
        String mine = t.checkpoint("user").id();
        for (int e = 0; e < 4; e++) {
            t.trainEpoch();
        }
        assertThat(t.checkpoints()).extracting(Snapshot.CheckpointSummary::id)
                .containsExactly(mine, "epoch-0004", "epoch-0005");
        t.rewind(mine);
        assertThat(t.branch()).isEqualTo(1);
    }

    @Test
    void theOfferedCheckpointsStayInTheOrderTheyWereTaken(@TempDir Path runs) throws Exception {
        // folders the retention rule deleted are still in memory: they keep their place on the strip
        RunConfig c = TrainingSessionTest.sgd(0.1, 10).withCheckpoints(new CheckpointPolicy(2, 0, false));
        Trainer t = Runs.start(c, runs, null, TrainerTest.CLOCK);
        t.trainEpoch();
        t.trainStep();
        String mine = t.checkpoint("user").id();
        for (int e = 0; e < 3; e++) {
            t.trainEpoch();
        }
        assertThat(t.checkpoints()).extracting(Snapshot.CheckpointSummary::id)
                .containsExactly("epoch-0001", mine, "epoch-0002", "epoch-0003", "epoch-0004");
    }

    @Test
    void aCheckpointThatJustLeftTheRingCanStillBeRestored() throws Exception {
        // the strip a person clicks shows the ring of a moment ago; a fast run has moved on since
        Trainer t = Runs.start(TrainingSessionTest.sgd(0.1, 10), null, null, TrainerTest.CLOCK);
        long[] now = {0};
        t.time().setTicker(() -> now[0]);
        t.checkpointing().setRingCapacity(2);
        for (int e = 0; e < 4; e++) {
            t.trainEpoch();
        }
        assertThat(t.checkpoints()).extracting(Snapshot.CheckpointSummary::id).doesNotContain("epoch-0001");
        now[0] += Checkpoints.GRACE_NANOS / 2;
        t.rewind("epoch-0001");
        assertThat(t.epoch()).isEqualTo(1);

        now[0] += Checkpoints.GRACE_NANOS + 1;
        assertThatThrownBy(() -> t.rewind("epoch-0002")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no checkpoint 'epoch-0002'");
    }

    @Test
    void anUnknownCheckpointIsRefusedWithWhatIsKept(@TempDir Path runs) throws Exception {
        Trainer t = Runs.start(TrainingSessionTest.sgd(0.1, 10), runs, null, TrainerTest.CLOCK);
        t.trainEpoch();
        assertThatThrownBy(() -> t.rewind("epoch-0099")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no checkpoint 'epoch-0099'").hasMessageContaining("epoch-0001");
    }
}
