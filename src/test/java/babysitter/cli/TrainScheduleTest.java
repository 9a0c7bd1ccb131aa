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
                .extracting(e -> e.step() + " " + ((babysitter.store.Event.HyperparametersChanged) e.event()).source())
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

    @Test
    void aSessionSteeredByHandSavedAsAConfigurationTrainsTheSameCostsHeadless(@TempDir Path tmp) throws Exception {
        babysitter.session.configuration.RunConfig config = babysitter.session.configuration.ConfigFiles.parse(CliTest.SPIRAL, "test");
        babysitter.session.training.Trainer t = babysitter.session.training.Runs.start(config, tmp.resolve("live"), null,
                java.time.Clock.systemUTC());
        java.util.concurrent.CountDownLatch finished = new java.util.concurrent.CountDownLatch(1);
        try (babysitter.session.live.TrainingSession s = new babysitter.session.live.TrainingSession(t)) {
            s.addListener(r -> {
                if (r instanceof babysitter.session.reports.Report.StateReport st
                        && st.state() == babysitter.session.reports.Report.State.FINISHED) {
                    finished.countDown();
                }
            });
            s.open();
            for (int i = 0; i < 4; i++) {
                s.submit(new babysitter.session.live.Command.Step());
            }
            s.submit(new babysitter.session.live.Command.SetHyperparameters(t.config().optimizer().toHyperparameters()
                    .withLearningRate(0.01)));
            for (int i = 0; i < 6; i++) {
                s.submit(new babysitter.session.live.Command.Step());
            }
            s.submit(new babysitter.session.live.Command.SetHyperparameters(t.config().optimizer().toHyperparameters()
                    .withLearningRate(0.004)));
            s.submit(new babysitter.session.live.Command.Start());
            assertThat(finished.await(60, java.util.concurrent.TimeUnit.SECONDS)).as("the session finished").isTrue();
        }
        Run live = RunReader.read(t.runDir());
        Path saved = tmp.resolve("steered.json");
        babysitter.session.training.RunAsConfiguration.write(live, saved);
        assertThat(Files.readString(saved)).contains("\"schedule\"").contains("\"step\" : 4")
                .contains("\"step\" : 10");

        Path runs = tmp.resolve("headless");
        CliTest.Outcome train = CliTest.run("train", "--config", saved.toString(), "--out", runs.toString());
        assertThat(train.code()).as(train.err()).isZero();
        Run headless;
        try (Stream<Path> s = Files.list(runs)) {
            headless = RunReader.read(s.findFirst().orElseThrow());
        }
        assertThat(live.steps()).hasSize(3 * 7);
        assertThat(headless.steps()).extracting(m -> Double.doubleToLongBits(m.cost()))
                .containsExactlyElementsOf(live.steps().stream().map(m -> Double.doubleToLongBits(m.cost())).toList());
        assertThat(headless.steps()).extracting(babysitter.store.StepMetric::learningRate)
                .containsExactlyElementsOf(live.steps().stream().map(babysitter.store.StepMetric::learningRate)
                        .toList());
    }

    @Test
    void onlyTheChangesOnTheWayToTheNewestBranchAreSaved(@TempDir Path tmp) throws Exception {
        babysitter.session.training.Trainer t = babysitter.session.training.Runs.start(
                babysitter.session.configuration.ConfigFiles.parse(CliTest.SPIRAL, "test"), tmp, null, java.time.Clock.systemUTC());
        t.trainStep();
        t.setHyperparameters(t.hyperparameters().withLearningRate(0.01), "user"); // step 1, kept
        t.trainStep();
        t.trainStep();
        String back = t.checkpoint("user").id(); // step 3
        t.setHyperparameters(t.hyperparameters().withBatchSize(16), "user"); // step 3, after the checkpoint: left
        t.trainStep();
        t.rewind(back);
        t.trainStep();
        t.setHyperparameters(t.hyperparameters().withMomentum(0.5), "user"); // step 4 of branch 1, kept
        t.close();
        babysitter.session.configuration.RunConfig c = babysitter.session.training.RunAsConfiguration.of(RunReader.read(t.runDir()));
        assertThat(c.schedule()).extracting(e -> e.at().step() + " " + e.set()).containsExactly(
                "1 Change[learningRate=0.01, momentum=null, beta1=null, beta2=null, batchSize=null, optimizer=null]",
                "4 Change[learningRate=null, momentum=0.5, beta1=null, beta2=null, batchSize=null, optimizer=null]");
    }
}
