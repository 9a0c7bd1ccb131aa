package babysitter.session.live;

import static org.assertj.core.api.Assertions.assertThat;

import babysitter.session.reports.Report;
import babysitter.session.training.Runs;
import babysitter.session.training.Trainer;
import babysitter.session.training.TrainerTest;
import babysitter.store.RunEvent;
import babysitter.store.RunReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run of small data can go slowly enough to watch, or stop after each epoch; it trains the same. */
class PaceTest {

    @Test
    void aPaceOfTwentyEpochsASecondHoldsTenEpochsForAtLeastNineTwentieths(@TempDir Path runs) throws Exception {
        Trainer t = Runs.start(TrainingSessionTest.sgd(0.1, 10), runs, null, TrainerTest.CLOCK);
        Recorder rec = new Recorder();
        long took;
        try (TrainingSession s = new TrainingSession(t)) {
            s.addListener(rec);
            s.open().submit(new Command.SetPace(new Pace(20)));
            long start = System.nanoTime();
            s.submit(new Command.Start());
            rec.awaitState(0, Report.State.FINISHED);
            took = System.nanoTime() - start;
        }
        assertThat(took).as("nine gaps of 50 ms between ten epochs").isGreaterThanOrEqualTo(450_000_000L);
        List<RunEvent> paces = RunReader.read(t.runDir()).events().stream().filter(e -> e.kind().equals("pace"))
                .toList();
        assertThat(paces).singleElement().satisfies(e -> assertThat(((babysitter.store.Event.PaceSet) e.event()).pace())
                .isEqualTo("20 epochs/s"));
    }

    @Test
    void epochByEpochPausesAfterEachEpochAndTrainsTheSameNumbers() throws Exception {
        Trainer paced = Runs.start(TrainingSessionTest.sgd(0.1, 3), null, null, TrainerTest.CLOCK);
        Recorder rec = new Recorder();
        try (TrainingSession s = new TrainingSession(paced)) {
            s.addListener(rec);
            s.open().submit(new Command.SetPace(Pace.EPOCH_BY_EPOCH));
            int mark = rec.size();
            s.submit(new Command.Start());
            for (int e = 1; e <= 2; e++) {
                Report.StateReport paused = rec.awaitState(mark, Report.State.PAUSED);
                assertThat(paused.epoch()).isEqualTo(e);
                mark = rec.size();
                s.submit(new Command.Resume());
            }
            rec.awaitState(0, Report.State.FINISHED);
        }
        Trainer plain = Runs.start(TrainingSessionTest.sgd(0.1, 3), null, null, TrainerTest.CLOCK);
        while (!plain.finished()) {
            plain.trainEpoch();
        }
        assertThat(paced.network().parameters().toDoubleVector())
                .containsExactly(plain.network().parameters().toDoubleVector());
    }
}
