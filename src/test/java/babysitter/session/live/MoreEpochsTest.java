package babysitter.session.live;

import static org.assertj.core.api.Assertions.assertThat;

import babysitter.session.reports.Report;
import babysitter.session.training.Runs;
import babysitter.session.training.Trainer;
import babysitter.session.training.TrainerTest;
import babysitter.store.Run;
import babysitter.store.RunReader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A finished run can be given more epochs and goes on in the same folder. */
class MoreEpochsTest {

    @Test
    void aFinishedSessionTakesMoreEpochsWaitsPausedAndTrainsThemOnResume(@TempDir Path runs) throws Exception {
        Trainer t = Runs.start(TrainingSessionTest.sgd(0.1, 2), runs, null, TrainerTest.CLOCK);
        Recorder rec = new Recorder();
        try (TrainingSession s = new TrainingSession(t)) {
            s.addListener(rec);
            s.open().submit(new Command.Start());
            rec.awaitState(0, Report.State.FINISHED);
            int mark = rec.size();
            s.submit(new Command.MoreEpochs(3));
            Report.StateReport paused = rec.awaitState(mark, Report.State.PAUSED);
            assertThat(paused.epochs()).isEqualTo(5);
            s.submit(new Command.Resume());
            Report.StateReport done = rec.awaitState(mark, Report.State.FINISHED);
            assertThat(done.epoch()).isEqualTo(5);
        }
        Run run = RunReader.read(t.runDir());
        assertThat(run.epochs()).extracting(babysitter.store.EpochMetric::epoch).containsExactly(0, 1, 2, 3, 4);
        assertThat(Runs.configOf(run).epochs()).isEqualTo(5);
        assertThat(run.events()).anySatisfy(e -> {
            assertThat(e.event()).isEqualTo(new babysitter.store.Event.MoreEpochs(3, 5));
        });
    }
}
