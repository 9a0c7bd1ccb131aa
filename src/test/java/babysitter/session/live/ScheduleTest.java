package babysitter.session.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import babysitter.report.EventLabels;
import babysitter.session.configuration.ConfigException;
import babysitter.session.configuration.ConfigFiles;
import babysitter.session.configuration.RunConfig;
import babysitter.session.configuration.ScheduleArgument;
import babysitter.session.configuration.ScheduleEntry;
import babysitter.session.reports.Report;
import babysitter.session.training.Replay;
import babysitter.session.training.Runs;
import babysitter.session.training.Trainer;
import babysitter.session.training.TrainerTest;
import babysitter.store.Json;
import babysitter.store.Run;
import babysitter.store.RunEvent;
import babysitter.store.RunReader;
import babysitter.store.StepMetric;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run configuration's schedule: applied as a person's change, headless and live alike, and replayed. */
class ScheduleTest {

    /** 90 training rows in batches of 30: 3 steps an epoch, 12 in all. */
    static final String CONFIG = """
            {
              "data": { "kind": "spiral", "n": 120, "arms": 3, "noise": 0.1, "devFraction": 0.25 },
              "network": { "hidden": [ { "units": 8, "activation": "tanh" } ] },
              "optimizer": { "kind": "adam", "learningRate": 0.05, "batchSize": 30 },
              "epochs": 4, "seed": 3, "logEvery": 1,
              "schedule": [
                { "at": { "epoch": 1 }, "set": { "learningRate": 0.003 } },
                { "at": { "step": 7 }, "set": { "beta1": 0.8 } },
                { "at": { "step": 9 }, "set": { "batchSize": 45 } }
              ]
            }""";

    static RunConfig config() throws ConfigException {
        return ConfigFiles.parse(CONFIG, "test");
    }

    /** Trains as {@code train} does: the schedule's due entries before each step. */
    static Run trainHeadless(RunConfig c, Path runs) throws Exception {
        Trainer t = Runs.start(c, runs, null, TrainerTest.CLOCK);
        Schedule schedule = new Schedule(t);
        while (!t.finished()) {
            schedule.applyDue();
            t.trainStep();
        }
        t.close();
        return RunReader.read(t.runDir());
    }

    /** The changes and checkpoints as "kind step source label". */
    static List<String> changes(Run run) {
        List<String> out = new java.util.ArrayList<>();
        for (RunEvent e : run.events()) {
            String source = e.event() instanceof babysitter.store.Event.HyperparametersChanged h ? h.source()
                    : e.event() instanceof babysitter.store.Event.CheckpointTaken c && !c.atEpochEnd() ? c.source()
                    : null;
            if (source != null) {
                out.add(e.kind() + " " + e.step() + " " + source + " " + EventLabels.label(e));
            }
        }
        return out;
    }

    @Test
    void entriesAreAppliedWhereTheySayWithACheckpointBeforeAChangeOfAlphaOrBeta(@TempDir Path runs) throws Exception {
        Run run = trainHeadless(config(), runs);

        assertThat(changes(run)).containsExactly(
                "checkpoint 3 auto checkpoint auto-3",
                "hyperparameters 3 schedule α 0.05→0.003",
                "checkpoint 7 auto checkpoint auto-7",
                "hyperparameters 7 schedule β1 0.9→0.8",
                "hyperparameters 9 schedule batch 30→45");
        // the recorded α of each step follows the schedule
        assertThat(run.steps()).filteredOn(m -> m.step() < 3).extracting(StepMetric::learningRate).containsOnly(0.05);
        assertThat(run.steps()).filteredOn(m -> m.step() >= 3).extracting(StepMetric::learningRate).containsOnly(0.003);
        // batch 45 from the next epoch (epoch 3): 90 rows in 2 steps, so 11 steps in all
        assertThat(run.steps()).hasSize(3 + 3 + 3 + 2);
        RunEvent batch = run.events().stream().filter(e -> e.step() == 9 && e.kind().equals("hyperparameters"))
                .findFirst().orElseThrow();
        assertThat(((babysitter.store.Event.HyperparametersChanged) batch.event()).batchSizeTakesEffectAtEpoch())
                .isEqualTo(3);
    }

    @Test
    void aLiveSessionRecordsTheSameChangesAndMarkersAsHeadlessTraining(@TempDir Path runs) throws Exception {
        Run headless = trainHeadless(config(), runs.resolve("headless"));

        Trainer t = Runs.start(config(), runs.resolve("live"), null, TrainerTest.CLOCK);
        Recorder rec = new Recorder();
        try (TrainingSession s = new TrainingSession(t)) {
            s.addListener(rec);
            s.open().submit(new Command.Start());
            rec.await(0, Report.StateReport.class, r -> r.state() == Report.State.FINISHED, "the end");
        }
        Run live = RunReader.read(t.runDir());

        assertThat(changes(live)).containsExactlyElementsOf(changes(headless));
        assertThat(live.steps()).extracting(StepMetric::cost)
                .containsExactlyElementsOf(headless.steps().stream().map(StepMetric::cost).toList());
        // the window's markers: the same labels, at the same steps
        List<String> markers = Recorder.only(rec.all(), Report.EventReport.class).stream()
                .filter(e -> e.kind().equals("hyperparameters"))
                .map(e -> e.step() + " " + ((babysitter.store.Event.HyperparametersChanged) e.event()).source() + " "
                        + EventLabels.label(e)).toList();
        assertThat(markers).containsExactly("3 schedule α 0.05→0.003", "7 schedule β1 0.9→0.8",
                "9 schedule batch 30→45");
    }

    @Test
    void aReplayRepeatsTheScheduledChangesOnceAndBitForBit(@TempDir Path runs) throws Exception {
        Run original = trainHeadless(config(), runs);

        Replay.Result r = Replay.run(original, runs, TrainerTest.CLOCK, null);

        assertThat(r.identical()).as("first mismatch at %d", r.firstMismatchStep()).isTrue();
        assertThat(r.comparedSteps()).isEqualTo(original.steps().size());
        Run replayed = RunReader.read(r.dir());
        // the recorded changes are repeated (as "replay"), the schedule itself applies nothing more
        assertThat(changes(replayed)).containsExactly(
                "checkpoint 3 auto checkpoint auto-3",
                "hyperparameters 3 replay α 0.05→0.003",
                "checkpoint 7 auto checkpoint auto-7",
                "hyperparameters 7 replay β1 0.9→0.8",
                "hyperparameters 9 replay batch 30→45");
    }

    @Test
    void goingBackToTheCheckpointBeforeAnEntryUndoesIt(@TempDir Path runs) throws Exception {
        Trainer t = Runs.start(config(), runs, null, TrainerTest.CLOCK);
        Recorder rec = new Recorder();
        try (TrainingSession s = new TrainingSession(t)) {
            s.addListener(rec);
            s.open();
            for (int i = 0; i < 5; i++) {
                s.submit(new Command.Step());
            }
            s.submit(new Command.Rewind("auto-3"));
            for (int i = 0; i < 2; i++) {
                s.submit(new Command.Step());
            }
            s.submit(new Command.TakeCheckpoint());
            rec.await(0, Report.EventReport.class, e -> e.kind().equals("checkpoint") && e.step() == 5
                    && e.branch() == 1, "the hand-taken checkpoint on the new branch");
        }
        Run run = RunReader.read(t.runDir());
        assertThat(run.steps()).filteredOn(m -> m.branch() == 1).extracting(StepMetric::learningRate)
                .containsOnly(0.05);
        assertThat(run.events()).filteredOn(e -> e.kind().equals("hyperparameters")).hasSize(1);

        Replay.Result r = Replay.run(run, null, TrainerTest.CLOCK, null);
        assertThat(r.identical()).as("first mismatch at %d", r.firstMismatchStep()).isTrue();
    }

    @Test
    void aBadEntryIsAConfigurationErrorNamingItsPath() {
        assertThatThrownBy(() -> ConfigFiles.parse(CONFIG.replace("\"beta1\": 0.8", "\"learningRate\": -1"), "c.json"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("c.json: schedule[1].set.learningRate: ")
                .hasMessageContaining("-1").extracting(e -> ((ConfigException) e).jsonPath())
                .isEqualTo("schedule[1].set.learningRate");
        assertThatThrownBy(() -> ConfigFiles.parse(CONFIG.replace("\"beta1\": 0.8", "\"beta2\": 1.0"), "c.json"))
                .hasMessageContaining("schedule[1].set.beta2: β2 must be in [0, 1), got 1.0");
        assertThatThrownBy(() -> ConfigFiles.parse(CONFIG.replace("\"beta1\": 0.8", "\"gamma\": 0.8"), "c.json"))
                .hasMessageContaining("schedule[1].set.gamma").hasMessageContaining("unknown key 'gamma'");
        assertThatThrownBy(() -> ConfigFiles.parse(CONFIG.replace("\"batchSize\": 45", "\"optimizer\": \"lion\""),
                "c.json")).hasMessageContaining("schedule[2].set.optimizer").hasMessageContaining("\"lion\"");
        assertThatThrownBy(() -> ConfigFiles.parse(CONFIG.replace("{ \"step\": 7 }", "{ \"step\": 7, \"epoch\": 2 }"),
                "c.json")).hasMessageContaining("schedule[1].at").hasMessageContaining("either");
        assertThatThrownBy(() -> ConfigFiles.parse(CONFIG.replace("{ \"step\": 7 }", "{ \"step\": -7 }"),
                "c.json")).hasMessageContaining("schedule[1].at").hasMessageContaining("-7");
        assertThatThrownBy(() -> ConfigFiles.parse(CONFIG.replace("{ \"beta1\": 0.8 }", "{ }"), "c.json"))
                .hasMessageContaining("schedule[1].set").hasMessageContaining("changes nothing");
    }

    @Test
    void commandLineEntriesAreAddedAfterTheFilesAndCheckedTheSameWay() throws Exception {
        RunConfig c = ScheduleArgument.addTo(config(), List.of("epoch=2:learningRate=0.01:momentum=0.5",
                "step=11:optimizer=sgd"));
        assertThat(c.schedule()).hasSize(5);
        assertThat(c.schedule().get(3)).isEqualTo(new ScheduleEntry(new ScheduleEntry.At(2, null),
                new ScheduleEntry.Change(0.01, 0.5, null, null, null, null)));
        assertThat(c.schedule().get(4).set().optimizer()).isEqualTo(babysitter.engine.optim.OptimizerKind.SGD);

        assertThatThrownBy(() -> ScheduleArgument.addTo(config(), List.of("epoch=2:learningRate=0")))
                .hasMessageContaining("--set epoch=2:learningRate=0: schedule[3].set.learningRate: ")
                .extracting(e -> ((ConfigException) e).jsonPath()).isEqualTo("schedule[3].set.learningRate");
        assertThatThrownBy(() -> ScheduleArgument.addTo(config(), List.of("epoch=2:learningRate=fast")))
                .hasMessageContaining("schedule[3].set.learningRate").hasMessageContaining("fast");
        assertThatThrownBy(() -> ScheduleArgument.addTo(config(), List.of("learningRate=0.1")))
                .hasMessageContaining("schedule[3]").hasMessageContaining("epoch=5:learningRate=0.003");
        assertThatThrownBy(() -> ScheduleArgument.addTo(config(), List.of("week=2:learningRate=0.1")))
                .hasMessageContaining("schedule[3].at").hasMessageContaining("epoch=N or step=N");
        assertThatThrownBy(() -> ScheduleArgument.addTo(config(), List.of("step=2:l2=0.1")))
                .hasMessageContaining("schedule[3].set.l2").hasMessageContaining("unknown key");
    }

    @Test
    void aRunWithoutAScheduleWritesNoScheduleKey() throws Exception {
        RunConfig c = ConfigFiles.parse(CONFIG.substring(0, CONFIG.indexOf(",\n  \"schedule\"")) + "}", "test");
        assertThat(c.schedule()).isEmpty();
        assertThat(Json.MAPPER.<JsonNode>valueToTree(c).has("schedule")).isFalse();
        assertThat(ConfigFiles.fromJson(Json.MAPPER.<JsonNode>valueToTree(config()), "run.json").schedule())
                .isEqualTo(config().schedule());
    }
}
