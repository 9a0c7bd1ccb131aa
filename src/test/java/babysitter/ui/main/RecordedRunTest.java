package babysitter.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import babysitter.engine.LrDecay;
import babysitter.session.reports.Report;
import babysitter.session.training.Runs;
import babysitter.session.training.Trainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordedRunTest {

    @Test
    void aRecordedRunEndsWithItsLastChangeAndSaysWhatWasDamaged(@TempDir Path runs) throws Exception {
        Trainer t = Runs.start(MainViewModelTest.spiral(2), runs, null, MainViewModelTest.CLOCK);
        t.trainStep();
        t.setHyperparameters(t.hyperparameters().withLearningRate(0.005), "user");
        t.trainStep();
        t.setHyperparameters(t.hyperparameters().withLearningRate(0.004).withBatchSize(16), "user");
        while (!t.finished()) {
            t.trainStep();
        }
        t.close();
        Files.writeString(t.runDir().resolve("events.jsonl"), "not json\n", StandardOpenOption.APPEND);

        RecordedRun r = RecordedRun.read(t.runDir(), 3);

        assertThat(r.last()).isEqualTo(MainViewModelTest.spiral(2).optimizer().toHyperparameters()
                .withLearningRate(0.004).withBatchSize(16));
        assertThat(r.trainRows()).isEqualTo(180);
        assertThat(r.checkpoints()).extracting(c -> c.id()).containsExactly("epoch-0001", "epoch-0002");
        assertThat(r.events()).extracting(Report.EventReport::kind).containsSubsequence("start", "hyperparameters",
                "hyperparameters", "checkpoint", "stop");
        assertThat(r.history()).hasSizeGreaterThan(r.events().size());
        assertThat(r.status()).startsWith("Recorded run " + t.runDir().getFileName() + ": ")
                .contains("2 epochs, 2 checkpoints").endsWith("(1 damaged lines skipped)");
        assertThat(r.last().decayKind()).isEqualTo(LrDecay.NONE);
    }

    @Test
    void withoutChangesItEndsWithWhatItStartedWith(@TempDir Path runs) throws Exception {
        Trainer t = Runs.start(MainViewModelTest.spiral(1), runs, null, MainViewModelTest.CLOCK);
        while (!t.finished()) {
            t.trainStep();
        }
        t.close();
        RecordedRun r = RecordedRun.read(t.runDir(), 3);
        assertThat(r.last()).isEqualTo(MainViewModelTest.spiral(1).optimizer().toHyperparameters());
        assertThat(r.status()).doesNotContain("damaged");
    }
}
