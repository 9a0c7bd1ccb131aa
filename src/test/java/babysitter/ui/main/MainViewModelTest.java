package babysitter.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import babysitter.session.configuration.ConfigFiles;
import babysitter.session.configuration.RunConfig;
import babysitter.session.reports.Report;
import babysitter.session.training.Runs;
import babysitter.session.training.Trainer;
import babysitter.store.Json;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main view-model without a toolkit: this test thread plays the JavaFX thread. */
class MainViewModelTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);

    static RunConfig spiral(int epochs) throws Exception {
        return ConfigFiles.parse("""
                {
                  "data": { "kind": "spiral", "n": 240, "arms": 3, "noise": 0.1, "devFraction": 0.25 },
                  "network": { "hidden": [ { "units": 16, "activation": "relu", "batchNorm": true } ] },
                  "optimizer": { "kind": "adam", "learningRate": 0.02, "batchSize": 32 },
                  "epochs": %d, "seed": 3, "logEvery": 1
                }""".formatted(epochs), "test");
    }

    private final ConcurrentLinkedQueue<Report> pending = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Runnable> fxQueue = new ConcurrentLinkedQueue<>();
    private MainViewModel vm;

    private MainViewModel create(Path runs) {
        vm = new MainViewModel(fxQueue::add, Runnable::run, runs, CLOCK, target -> pending::add);
        return vm;
    }

    @AfterEach
    void close() {
        if (vm != null) {
            vm.closeSession();
        }
    }

    /** Runs what was handed to the "JavaFX thread" until the condition holds. */
    private void pump(BooleanSupplier until) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!until.getAsBoolean()) {
            Runnable r;
            while ((r = fxQueue.poll()) != null) {
                r.run();
            }
            List<Report> batch = new ArrayList<>();
            Report rep;
            while ((rep = pending.poll()) != null) {
                batch.add(rep);
            }
            if (!batch.isEmpty()) {
                vm.accept(batch);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out");
            }
            Thread.onSpinWait();
        }
    }

    @Test
    void aRecordedRunIsShownAndContinuedFromOneOfItsCheckpoints(@TempDir Path runs) throws Exception {
        Trainer t = Runs.start(spiral(3), runs, null, CLOCK);
        t.trainStep();
        t.setHyperparameters(t.hyperparameters().withLearningRate(0.005), "user");
        while (!t.finished()) {
            t.trainStep();
        }
        t.close();

        create(runs).openRun(t.runDir());
        pump(() -> !vm.checkpoints().isEmpty());
        assertThat(vm.monitor().points()).isEqualTo(18);
        assertThat(vm.monitor().markers()).extracting(m -> m.label()).contains("α 0.02→0.005");
        assertThat(vm.checkpoints()).extracting(c -> c.id()).containsExactly("epoch-0001", "epoch-0002", "epoch-0003");
        assertThat(vm.progress().statusProperty().get()).contains("3 checkpoints");
        Path report = runs.resolve("report.html");
        vm.exports().report(report);
        pump(() -> vm.progress().statusProperty().get().startsWith("Report written"));
        assertThat(java.nio.file.Files.readString(report)).contains("α 0.02→0.005").contains("<svg");
        assertThat(vm.regions().availableProperty().get()).as("a recorded run has no regions").isFalse();

        vm.rewind("epoch-0001");
        pump(() -> vm.progress().stateProperty().get() == Report.State.IDLE);
        assertThat(vm.progress().branchProperty().get()).isEqualTo(1);
        assertThat(vm.progress().epochProperty().get()).isEqualTo(1);
        assertThat(vm.finishedHere(t.runDir())).as("a continued run with epochs to go").isFalse();
        vm.commands().togglePause();
        pump(() -> vm.progress().stateProperty().get() == Report.State.FINISHED);
        // the Runs window asks: this folder's session has done its epochs (another folder is not ours)
        assertThat(vm.finishedHere(t.runDir())).isTrue();
        assertThat(vm.finishedHere(runs.resolve("another"))).isFalse();
        // the continued epochs of the 2-D spiral bring their decision regions, the last one kept
        assertThat(vm.regions().availableProperty().get()).isTrue();
        assertThat(vm.regions().reportProperty().get().epoch()).isEqualTo(2);
        assertThat(vm.regions().reportProperty().get().branch()).isEqualTo(1);
        // the recorded branch stays drawn; the continued one is added
        assertThat(vm.monitor().lines()).anyMatch(l -> l.branch() == 1 && l.data().size() == 12);
        assertThat(vm.monitor().lines()).anyMatch(l -> l.branch() == 0 && l.data().size() == 18);
        assertThat(vm.lastRun()).contains(t.runDir().toAbsolutePath());
    }

    @Test
    void aRunThatCannotBeReadIsReportedWithoutLosingAnything(@TempDir Path runs) throws Exception {
        create(runs).openRun(runs.resolve("nothing-here"));
        pump(() -> !vm.notificationProperty().get().isEmpty());
        assertThat(vm.notificationProperty().get()).contains("nothing-here");
        assertThat(vm.startingProperty().get()).isFalse();
    }

    @Test
    void epochListenersGetEveryEpochReportUntilDetached(@TempDir Path runs) {
        create(runs);
        List<Report.EpochReport> seen = new ArrayList<>();
        Runnable detach = vm.feed().subscribe(Report.EpochReport.class, seen::add, () -> { });
        Report.EpochReport e0 = new Report.EpochReport(0, 10, 0, 1, 0.5, 1, 0.5, 1, 0.5, 1, List.of());
        Report.EpochReport e1 = new Report.EpochReport(1, 20, 0, 1, 0.5, 1, 0.5, 1, 0.5, 1, List.of());
        vm.accept(List.of(new Report.StepReport(0, 0, 0, 1, 0.1, 0.9, 100), e0));
        assertThat(seen).containsExactly(e0);
        assertThat(vm.feed().kept(Report.EpochReport.class)).containsExactly(e0);
        detach.run();
        vm.accept(List.of(e1));
        assertThat(seen).containsExactly(e0);
        assertThat(vm.feed().kept(Report.EpochReport.class)).containsExactly(e0, e1);
    }

    @Test
    void confusionListenersGetEveryConfusionReportUntilDetachedAndEveryBranchIsKept(@TempDir Path runs) {
        create(runs);
        List<Report.ConfusionReport> seen = new ArrayList<>();
        Runnable detach = vm.feed().subscribe(Report.ConfusionReport.class, seen::add, () -> { });
        List<String> names = List.of("a", "b");
        Report.ConfusionReport c0 = new Report.ConfusionReport(0, 0, names, new long[] {3, 1, 0, 4});
        Report.ConfusionReport c1 = new Report.ConfusionReport(1, 0, names, new long[] {4, 0, 0, 4});
        Report.ConfusionReport c2 = new Report.ConfusionReport(1, 1, names, new long[] {2, 2, 1, 3});
        Report.EpochReport e0 = new Report.EpochReport(0, 10, 0, 1, 0.5, 1, 0.875, 1, 0.5, 1, List.of());
        vm.accept(List.of(new Report.StepReport(0, 0, 0, 1, 0.1, 0.9, 100), e0, c0));
        assertThat(seen).containsExactly(c0);
        assertThat(vm.feed().kept(Report.ConfusionReport.class)).containsExactly(c0);
        detach.run();
        vm.accept(List.of(c1));
        assertThat(seen).containsExactly(c0);
        assertThat(vm.feed().kept(Report.ConfusionReport.class)).containsExactly(c0, c1);
        vm.accept(List.of(c2));
        assertThat(vm.feed().kept(Report.ConfusionReport.class)).containsExactly(c0, c1, c2);
    }

    @Test
    void samplesListenersGetEverySamplesReportUntilDetachedAndTheNewestIsKept(@TempDir Path runs) {
        create(runs);
        assertThat(newestSamples(vm)).isNull();
        List<Report.SamplesReport> seen = new ArrayList<>();
        Runnable detach = vm.feed().subscribe(Report.SamplesReport.class, seen::add, () -> { });
        List<String> names = List.of("a", "b");
        Report.SamplesReport s0 = new Report.SamplesReport(0, 0, names, 2, 0, new float[] {1, 2}, new int[] {0},
                new float[] {0.6f, 0.4f});
        Report.SamplesReport s1 = new Report.SamplesReport(1, 0, names, 2, 0, new float[] {1, 2}, new int[] {0},
                new float[] {0.9f, 0.1f});
        vm.accept(List.of(new Report.ConfusionReport(0, 0, names, new long[] {1, 0, 0, 0}), s0));
        assertThat(seen).containsExactly(s0);
        assertThat(newestSamples(vm)).isSameAs(s0);
        detach.run();
        vm.accept(List.of(s1));
        assertThat(seen).containsExactly(s0);
        assertThat(newestSamples(vm)).isSameAs(s1);
    }

    @Test
    void anOpenedRecordedRunShowsItsConfusionMatricesSamplesAndDecisionRegions(@TempDir Path runs) throws Exception {
        // a run trained in the window records its insight reports; keep what the live session published
        create(runs);
        List<Report.ConfusionReport> live = new ArrayList<>();
        vm.feed().subscribe(Report.ConfusionReport.class, live::add, () -> { });
        vm.newRun(spiral(3));
        pump(() -> vm.progress().stateProperty().get() == Report.State.FINISHED);
        Report.SamplesReport liveSamples = newestSamples(vm);
        Report.RegionsReport liveRegions = vm.regions().reportProperty().get();
        Path dir = Path.of(vm.runDirProperty().get());
        vm.closeSession();
        assertThat(live).extracting(Report.ConfusionReport::epoch).containsExactly(0, 1, 2);
        assertThat(dir.resolve(babysitter.store.RunWriter.INSIGHTS)).exists();

        // a fresh window opens it: the same reports, fed as live ones are
        MainViewModel opened = create(runs);
        List<Report.ConfusionReport> replayed = new ArrayList<>();
        List<String> order = new ArrayList<>();
        opened.feed().subscribe(Report.ConfusionReport.class, c -> {
            replayed.add(c);
            order.add("confusion");
        }, () -> {
            replayed.clear();
            order.add("reset");
        });
        opened.openRun(dir);
        pump(() -> !opened.checkpoints().isEmpty());
        assertThat(order).as("an open Classes window forgets the previous run first").startsWith("reset",
                "confusion").containsOnlyOnce("reset");
        assertThat(opened.progress().statusProperty().get()).doesNotContain("damaged");
        assertThat(replayed).isEqualTo(live);
        assertThat(opened.feed().kept(Report.ConfusionReport.class)).isEqualTo(live);
        assertThat(newestSamples(opened)).isEqualTo(liveSamples);
        assertThat(opened.regions().availableProperty().get()).isTrue();
        Report.RegionsReport r = opened.regions().reportProperty().get();
        assertThat(r.epoch()).isEqualTo(2);
        assertThat(r.classOf()).isEqualTo(liveRegions.classOf());
        assertThat(r.pointsX()).isEqualTo(liveRegions.pointsX());
        assertThat(r.pointLabels()).isEqualTo(liveRegions.pointLabels());
        assertThat(r.classNames()).isEqualTo(liveRegions.classNames());
        // confidences and point probabilities are kept to one byte: within half a step of 1/255
        float[] conf = r.confidence();
        float[] liveConf = liveRegions.confidence();
        for (int i = 0; i < conf.length; i++) {
            assertThat(conf[i]).isCloseTo(liveConf[i], org.assertj.core.data.Offset.offset(0.5f / 255 + 1e-6f));
        }
        float[] probs = r.pointProbabilities();
        float[] liveProbs = liveRegions.pointProbabilities();
        for (int i = 0; i < probs.length; i++) {
            assertThat(probs[i]).isCloseTo(liveProbs[i], org.assertj.core.data.Offset.offset(0.5f / 255 + 1e-6f));
        }
        // hovering a point of the opened run shows its probabilities
        double px = (r.pointsX()[0] - r.xMin()) / (r.xMax() - r.xMin()) * 260;
        double py = (r.yMax() - r.pointsY()[0]) / (r.yMax() - r.yMin()) * 260;
        assertThat(opened.regions().pointAt(px, py, 3, 260, 260)).isPresent();

        // continued from a checkpoint, the run keeps appending: the new branch's reports follow
        opened.rewind("epoch-0001");
        pump(() -> opened.progress().stateProperty().get() == Report.State.IDLE);
        opened.commands().togglePause();
        pump(() -> opened.progress().stateProperty().get() == Report.State.FINISHED);
        opened.closeSession();
        babysitter.store.Run run = babysitter.store.RunReader.read(dir);
        List<String> warnings = new ArrayList<>();
        List<Report> all = babysitter.session.insights.Insights.decode(run.insights(), warnings);
        assertThat(warnings).isEmpty();
        assertThat(all.stream().filter(x -> x instanceof Report.ConfusionReport)
                .map(x -> ((Report.ConfusionReport) x).branch() + "/" + ((Report.ConfusionReport) x).epoch()))
                .containsExactly("0/0", "0/1", "0/2", "1/1", "1/2");
        assertThat(all.stream().filter(x -> x instanceof Report.RegionsReport)).hasSize(5);
        assertThat(all.stream().filter(x -> x instanceof Report.SamplesReport)).hasSize(5);
        long bytes = java.nio.file.Files.size(dir.resolve(babysitter.store.RunWriter.INSIGHTS));
        System.out.printf(java.util.Locale.ROOT, "insights.jsonl of a %d-epoch spiral run (%d points): %,d bytes,"
                + " %,d per epoch%n", 5, r.points(), bytes, bytes / 5);
    }

    @Test
    void aRunTrainedByTheTrainCommandOpensWithItsConfusionMatricesSamplesAndDecisionRegions(@TempDir Path tmp)
            throws Exception {
        Path runs = tmp.resolve("runs");
        Path cfg = tmp.resolve("spiral.json");
        java.nio.file.Files.writeString(cfg, Json.MAPPER.writeValueAsString(spiral(3)));
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int code = babysitter.cli.Cli.run(new String[] {"train", "--config", cfg.toString(), "--out", runs.toString()},
                new java.io.PrintWriter(out), new java.io.PrintWriter(err));
        assertThat(code).as(err.toString()).isZero();
        Path dir;
        try (var s = java.nio.file.Files.list(runs)) {
            dir = s.findFirst().orElseThrow();
        }

        MainViewModel opened = create(runs);
        List<Report.ConfusionReport> shown = new ArrayList<>();
        opened.feed().subscribe(Report.ConfusionReport.class, shown::add, () -> { });
        opened.openRun(dir);
        pump(() -> !opened.checkpoints().isEmpty());
        assertThat(opened.progress().statusProperty().get()).doesNotContain("damaged");
        assertThat(shown).extracting(Report.ConfusionReport::epoch).containsExactly(0, 1, 2);
        // 240 rows, a quarter of them dev
        assertThat(shown).allSatisfy(c -> assertThat(java.util.Arrays.stream(c.counts()).sum()).isEqualTo(60));
        assertThat(opened.feed().kept(Report.ConfusionReport.class)).isEqualTo(shown);
        assertThat(newestSamples(opened)).isNotNull();
        assertThat(newestSamples(opened).epoch()).isEqualTo(2);
        assertThat(opened.regions().availableProperty().get()).isTrue();
        assertThat(opened.regions().reportProperty().get().epoch()).isEqualTo(2);
    }

    private static Report.EventReport event(babysitter.store.Event e) {
        return new Report.EventReport(e, 10, 1, 0);
    }

    private static Report.StateReport state(Report.State s) {
        return new Report.StateReport(s, 10, 1, 0, 5, babysitter.engine.Hyperparameters.DEFAULTS,
                babysitter.session.configuration.Rules.DEFAULTS, List.of());
    }

    @Test
    void aBannerGoesWhenItsCauseIsGone(@TempDir Path runs) {
        create(runs);
        vm.accept(List.of(state(Report.State.RUNNING), event(new babysitter.store.Event.GuardTripped("cost is NaN",
                "epoch-0001", false)), state(Report.State.GUARD_TRIPPED)));
        assertThat(vm.notificationProperty().get()).startsWith("Guard: cost is NaN");
        vm.accept(List.of(state(Report.State.RUNNING)));
        assertThat(vm.notificationProperty().get()).as("resumed: the guard's message is history").isEmpty();

        vm.accept(List.of(event(new babysitter.store.Event.Failure("error"))));
        assertThat(vm.notificationProperty().get()).isEqualTo("error");
        vm.accept(List.of(event(new babysitter.store.Event.Rewind("epoch-0001", 20, 2, 0, 1, false))));
        assertThat(vm.notificationProperty().get()).as("a rewind clears the banner").isEmpty();
    }

    @Test
    void theGuardsOwnRewindKeepsItsMessage(@TempDir Path runs) {
        create(runs);
        vm.accept(List.of(state(Report.State.RUNNING), event(new babysitter.store.Event.GuardTripped("cost is NaN",
                "epoch-0001", true)), event(new babysitter.store.Event.Rewind("epoch-0001", 20, 2, 0, 1, false)),
                new Report.EventReport(new babysitter.store.Event.HyperparametersChanged(babysitter.engine.Hyperparameters.DEFAULTS.withLearningRate(0.1), babysitter.engine.Hyperparameters.DEFAULTS.withLearningRate(0.05), "guard", -1), 10, 1, 1),
                state(Report.State.RUNNING)));
        assertThat(vm.notificationProperty().get()).startsWith("Guard: cost is NaN").endsWith("α 0.1→0.05");
    }

    @Test
    void openingARunClearsTheBanner(@TempDir Path runs) throws Exception {
        Trainer t = Runs.start(spiral(1), runs, null, CLOCK);
        while (!t.finished()) {
            t.trainStep();
        }
        t.close();
        create(runs);
        vm.accept(List.of(event(new babysitter.store.Event.Failure("error"))));
        assertThat(vm.notificationProperty().get()).isNotEmpty();
        vm.openRun(t.runDir());
        pump(() -> !vm.checkpoints().isEmpty());
        assertThat(vm.notificationProperty().get()).isEmpty();
    }

    private static Report.SamplesReport newestSamples(MainViewModel m) {
        List<Report.SamplesReport> kept = m.feed().kept(Report.SamplesReport.class);
        return kept.isEmpty() ? null : kept.get(kept.size() - 1);
    }
}
