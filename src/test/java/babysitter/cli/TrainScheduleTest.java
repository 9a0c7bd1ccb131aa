package babysitter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import babysitter.store.Run;
import babysitter.store.RunReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train --set}: schedule entries from the command line, applied headless; bad ones exit 2. */
class TrainScheduleTest {

    @Test
    void entriesFromTheCommandLineAreAppliedAndReplayed(@TempDir Path tmp) throws Exception {
        Path runs = tmp.resolve("runs");
        // 210 training rows in batches of 32: 7 steps an epoch
        CliTest.Outcome train = CliTest.run("train", "--config", CliTest.config(tmp, CliTest.SPIRAL).toString(),
                "--out", runs.toString(), "--set", "epoch=1:learningRate=0.003", "--set", "step=10:beta2=0.99");
        assertThat(train.code()).as(train.err()).isZero();
        Path runDir;
        try (Stream<Path> s = Files.list(runs)) {
            runDir = s.findFirst().orElseThrow();
        }
        Run run = RunReader.read(runDir);
        assertThat(run.events()).filteredOn(e -> e.kind().equals("hyperparameters"))
                .extracting(e -> e.step() + " " + e.details().path("source").asText())
                .containsExactly("7 schedule", "10 schedule");
        assertThat(run.config().path("config").path("schedule").size()).isEqualTo(2);

        CliTest.Outcome replay = CliTest.run("replay", runDir.toString(), "--out", tmp.resolve("replays").toString());
        assertThat(replay.code()).as(replay.err()).isZero();
        assertThat(replay.out()).containsIgnoringCase("identical");
    }

    @Test
    void aBadEntryExitsWithStatus2NamingItsPath(@TempDir Path tmp) throws Exception {
        Path runs = tmp.resolve("runs");
        CliTest.Outcome bad = CliTest.run("train", "--config", CliTest.config(tmp, CliTest.SPIRAL).toString(),
                "--out", runs.toString(), "--set", "epoch=1:learningRate=0.003", "--set", "step=10:momentum=1.5");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--set step=10:momentum=1.5: schedule[1].set.momentum: momentum β must be in "
                + "[0, 1), got 1.5").doesNotContain("Exception");
        assertThat(runs).doesNotExist();
    }
}
