package babysitter.session.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import babysitter.store.Run;
import babysitter.store.RunReader;
import babysitter.store.StepMetric;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Continuing a recorded run from a checkpoint on disk (File ▸ Open run in the window). */
class ResumeTest {

    @Test
    void aRunContinuesFromADiskCheckpointExactlyAsItWouldHave(@TempDir Path runs) throws Exception {
        Trainer t = Runs.start(TrainerTest.spiral(3), runs, null, TrainerTest.CLOCK);
        while (!t.finished()) {
            t.trainEpoch();
        }
        t.close();
        Path dir = t.runDir();

        Trainer resumed = Runs.resume(dir, "epoch-0001", TrainerTest.CLOCK);
        assertThat(resumed.branch()).isEqualTo(1);
        assertThat(resumed.epoch()).isEqualTo(1);
        while (!resumed.finished()) {
            resumed.trainEpoch();
        }
        resumed.close();

        Run run = RunReader.read(dir);
        assertThat(run.warnings()).isEmpty();
        List<Double> original = run.steps().stream().filter(m -> m.branch() == 0 && m.epoch() >= 1)
                .map(StepMetric::cost).toList();
        List<Double> again = run.steps().stream().filter(m -> m.branch() == 1).map(StepMetric::cost).toList();
        assertThat(again).isNotEmpty().isEqualTo(original);
        assertThat(run.events()).anyMatch(e -> e.event() instanceof babysitter.store.Event.Rewind r && r.fromDisk());
        assertThat(run.checkpoints()).extracting(c -> c.id()).contains("epoch-0003", "epoch-0003.b1");
    }

    @Test
    void aFinishedRunGetsRoomForMoreEpochsWhenAsked(@TempDir Path runs) throws Exception {
        Trainer t = Runs.start(TrainerTest.spiral(2), runs, null, TrainerTest.CLOCK);
        while (!t.finished()) {
            t.trainEpoch();
        }
        t.close();
        Trainer same = Runs.resume(t.runDir(), "epoch-0002", TrainerTest.CLOCK);
        assertThat(same.finished()).isTrue(); // the recorded budget is used up
        same.close();
        Trainer more = Runs.resume(t.runDir(), "epoch-0002", TrainerTest.CLOCK, 3);
        assertThat(more.config().epochs()).isEqualTo(5);
        assertThat(more.finished()).isFalse();
        more.trainEpoch();
        assertThat(more.epoch()).isEqualTo(3);
        more.close();
        // the extension is recorded in run.json: the run now has 5 epochs
        assertThat(Runs.configOf(babysitter.store.RunReader.read(t.runDir())).epochs()).isEqualTo(5);
        // from an early checkpoint of a long run the recorded budget stays
        Trainer early = Runs.resume(t.runDir(), "epoch-0001", TrainerTest.CLOCK, 1);
        assertThat(early.config().epochs()).isEqualTo(5);
        early.close();
        assertThatThrownBy(() -> Runs.resume(t.runDir(), "epoch-0001", TrainerTest.CLOCK, -1))
                .hasMessageContaining("-1");
    }

    @Test
    void anUnknownCheckpointIsNamed(@TempDir Path runs) throws Exception {
        Trainer t = Runs.start(TrainerTest.spiral(1), runs, null, TrainerTest.CLOCK);
        t.trainEpoch();
        t.close();
        assertThatThrownBy(() -> Runs.resume(t.runDir(), "epoch-0042", TrainerTest.CLOCK))
                .hasMessageContaining("epoch-0042");
    }
}
