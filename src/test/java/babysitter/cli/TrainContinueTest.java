package babysitter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import babysitter.store.EpochMetric;
import babysitter.store.Run;
import babysitter.store.RunReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train --continue RUN --epochs N}: more epochs of a finished run, in the same folder. */
class TrainContinueTest {

    @Test
    void aFinishedRunGoesOnForMoreEpochsInItsOwnFolder(@TempDir Path tmp) throws Exception {
        Path runs = tmp.resolve("runs");
        CliTest.Outcome first = CliTest.run("train", "--config", CliTest.config(tmp, CliTest.SPIRAL).toString(),
                "--out", runs.toString());
        assertThat(first.code()).as(first.err()).isZero();
        Path runDir;
        try (Stream<Path> s = Files.list(runs)) {
            runDir = s.findFirst().orElseThrow();
        }
        CliTest.Outcome more = CliTest.run("train", "--continue", runDir.toString(), "--epochs", "2");
        assertThat(more.code()).as(more.err()).isZero();
        assertThat(more.out()).contains("epoch 5/5").contains("done: 5 epochs");
        try (Stream<Path> s = Files.list(runs)) {
            assertThat(s.count()).as("no new run folder").isEqualTo(1);
        }
        Run run = RunReader.read(runDir);
        List<Integer> epochs = run.epochs().stream().map(EpochMetric::epoch).toList();
        assertThat(epochs).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void continueNeedsTheEpochsToAddAndNoConfig(@TempDir Path tmp) throws Exception {
        assertThat(CliTest.run("train", "--continue", tmp.toString()).code()).isEqualTo(2);
        assertThat(CliTest.run("train", "--continue", tmp.toString(), "--epochs", "0").err()).contains("at least 1");
        assertThat(CliTest.run("train", "--config", "x.json", "--continue", tmp.toString(), "--epochs", "2").err())
                .contains("either --config");
        assertThat(CliTest.run("train").err()).contains("either --config");
    }
}
