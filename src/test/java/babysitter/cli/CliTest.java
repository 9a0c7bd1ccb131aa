package babysitter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import babysitter.session.configuration.ConfigFiles;
import babysitter.session.configuration.RunConfig;
import babysitter.session.insights.Insights;
import babysitter.session.live.Command;
import babysitter.session.live.TrainingSession;
import babysitter.session.reports.Report;
import babysitter.session.training.Runs;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {

    record Outcome(int code, String out, String err) {
    }

    static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Outcome(code, out.toString(), err.toString());
    }

    static Path config(Path dir, String json) throws Exception {
        Path f = dir.resolve("run.json");
        Files.writeString(f, json);
        return f;
    }

    static final String SPIRAL = """
            { "data": { "kind": "spiral", "n": 300, "arms": 3, "noise": 0.1, "devFraction": 0.2, "testFraction": 0.1 },
              "network": { "hidden": [ { "units": 16, "activation": "relu", "batchNorm": true } ] },
              "optimizer": { "kind": "adam", "learningRate": 0.02, "batchSize": 32 },
              "epochs": 3, "seed": 5, "logEvery": 1 }""";

    private static Path onlyRun(Path runs) throws Exception {
        try (Stream<Path> s = Files.list(runs)) {
            List<Path> all = s.toList();
            assertThat(all).hasSize(1);
            return all.get(0);
        }
    }

    @Test
    void trainEvalExportAndReplayARun(@TempDir Path tmp) throws Exception {
        Path runs = tmp.resolve("runs");
        Outcome train = run("train", "--config", config(tmp, SPIRAL).toString(), "--out", runs.toString());
        assertThat(train.code()).as(train.err()).isZero();
        assertThat(train.out()).contains("epoch 1/3").contains("epoch 3/3").contains("done: 3 epochs");
        Path runDir = onlyRun(runs);
        assertThat(runDir.resolve("checkpoints/epoch-0003/W1.npy")).exists();

        Outcome eval = run("eval", "--run", runDir.toString(), "--checkpoint", "3");
        assertThat(eval.code()).as(eval.err()).isZero();
        assertThat(eval.out()).contains("epoch-0003").contains("test part: 30 examples").contains("accuracy")
                .contains("confusion matrix");

        Path csv = tmp.resolve("out/metrics.csv");
        Outcome export = run("export", "--run", runDir.toString(), "--csv", csv.toString());
        assertThat(export.code()).as(export.err()).isZero();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo(ExportCommand.HEADER);
        // 210 training rows / 32 = 7 steps an epoch, all logged, and 3 epoch rows
        assertThat(lines).hasSize(1 + 21 + 3);
        assertThat(lines.get(1)).startsWith("step,0,0,0,");
        assertThat(lines.get(lines.size() - 1)).startsWith("epoch,21,2,0,");

        Outcome replay = run("replay", runDir.toString(), "--out", tmp.resolve("replays").toString());
        assertThat(replay.code()).as(replay.err()).isZero();
        assertThat(replay.out()).contains("identical: all 21 recorded step costs match bit for bit");
    }

    @Test
    void aTrainedRunRecordsTheInsightsALiveSessionPublishes(@TempDir Path tmp) throws Exception {
        Path runs = tmp.resolve("runs");
        Path cfgFile = config(tmp, SPIRAL);
        Outcome train = run("train", "--config", cfgFile.toString(), "--out", runs.toString());
        assertThat(train.code()).as(train.err()).isZero();
        Path runDir = onlyRun(runs);
        List<Report> recorded = decodedInsights(runDir);
        // one confusion matrix, samples and decision regions (2 features) per epoch, in that order
        assertThat(recorded).extracting(r -> r.getClass().getSimpleName()).containsExactly(
                "ConfusionReport", "SamplesReport", "RegionsReport", "ConfusionReport", "SamplesReport",
                "RegionsReport", "ConfusionReport", "SamplesReport", "RegionsReport");
        for (Report r : recorded) {
            if (r instanceof Report.ConfusionReport c) {
                // 300 rows: 60 dev
                assertThat(java.util.Arrays.stream(c.counts()).sum()).isEqualTo(60);
            }
        }

        // the same configuration in a live session: the same reports, published and recorded
        RunConfig cfg = ConfigFiles.read(cfgFile);
        TrainingSession session = new TrainingSession(Runs.start(cfg, tmp.resolve("live"), null,
                java.time.Clock.systemUTC()));
        List<Report> live = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        session.addListener(live::add);
        session.open();
        session.submit(new Command.Start());
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (session.state() != Report.State.FINISHED) {
            assertThat(System.nanoTime()).as("the session finishes").isLessThan(deadline);
            Thread.sleep(10);
        }
        assertThat(session.close(30_000)).isTrue();
        List<Report> published;
        synchronized (live) {
            published = live.stream().filter(r -> r instanceof Report.ConfusionReport
                    || r instanceof Report.SamplesReport || r instanceof Report.RegionsReport).toList();
        }
        assertThat(published).hasSameSizeAs(recorded);
        for (int i = 0; i < recorded.size(); i++) {
            Report want = published.get(i);
            Report got = recorded.get(i);
            if (want instanceof Report.RegionsReport w) {
                // confidences and point probabilities are kept to one byte in the file
                Report.RegionsReport g = (Report.RegionsReport) got;
                assertThat(g.epoch()).isEqualTo(w.epoch());
                assertThat(g.classOf()).isEqualTo(w.classOf());
                assertThat(g.pointsX()).isEqualTo(w.pointsX());
                assertThat(g.pointLabels()).isEqualTo(w.pointLabels());
            } else {
                assertThat(got).as("report %d", i).isEqualTo(want);
            }
        }
        try (Stream<Path> s = Files.list(tmp.resolve("live"))) {
            Path liveDir = s.findFirst().orElseThrow();
            assertThat(decodedInsights(liveDir)).usingRecursiveFieldByFieldElementComparator().isEqualTo(recorded);
        }
    }

    private static List<Report> decodedInsights(Path runDir) throws Exception {
        babysitter.store.Run run = babysitter.store.RunReader.read(runDir);
        List<String> warnings = new java.util.ArrayList<>();
        List<Report> out = Insights.decode(run.insights(), warnings);
        assertThat(warnings).isEmpty();
        return out;
    }

    @Test
    void batchOrderAndEpochsCanBeOverridden(@TempDir Path tmp) throws Exception {
        Path runs = tmp.resolve("runs");
        Outcome train = run("train", "--config", config(tmp, SPIRAL).toString(), "--out", runs.toString(),
                "--epochs", "1", "--batch-order", "data");
        assertThat(train.code()).as(train.err()).isZero();
        assertThat(train.out()).contains("epoch 1/1").doesNotContain("epoch 2/");
        String runJson = Files.readString(onlyRun(runs).resolve("run.json"));
        assertThat(runJson).contains("\"batchOrder\" : \"DATA\"").contains("\"epochs\" : 1");
    }

    @Test
    void aBadConfigurationExitsWith2AndNamesThePath(@TempDir Path tmp) throws Exception {
        Outcome o = run("train", "--config", config(tmp, SPIRAL.replace("\"learningRate\": 0.02", "\"learningRate\": \"abc\"")).toString(),
                "--out", tmp.resolve("runs").toString());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("optimizer.learningRate").contains("a number").doesNotContain("\tat ");
        assertThat(tmp.resolve("runs")).doesNotExist();
    }

    @Test
    void usageErrorsExitWith2() {
        assertThat(run("train").code()).isEqualTo(2);
        assertThat(run("frobnicate").code()).isEqualTo(2);
        Outcome o = run("train", "--config", "x.json", "--epochs", "abc");
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("abc");
    }

    @Test
    void failuresWhileRunningExitWith1WithoutAStackTrace(@TempDir Path tmp) throws Exception {
        // a run folder that is not there is bad input (2), like a bad configuration
        Outcome o = run("eval", "--run", tmp.resolve("no-such-run").toString());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("no-such-run").doesNotContain("\tat ");
        Outcome verbose = run("eval", "--run", tmp.resolve("no-such-run").toString(), "--verbose");
        assertThat(verbose.err()).contains("\tat ");
    }

    @Test
    void divergenceStopsTrainingWithAClearMessage(@TempDir Path tmp) throws Exception {
        // the largest α a person may write, on two ReLU layers without batch norm: NaN within an epoch
        String wild = """
                { "data": { "kind": "digits" },
                  "network": { "hidden": [ { "units": 64, "activation": "relu", "batchNorm": false },
                                           { "units": 64, "activation": "relu", "batchNorm": false } ] },
                  "optimizer": { "kind": "sgd", "learningRate": 10, "batchSize": 32 },
                  "epochs": 3, "seed": 5, "logEvery": 1 }""";
        Outcome o = run("train", "--config", config(tmp, wild).toString(), "--out", tmp.resolve("runs").toString());
        assertThat(o.code()).as(o.out()).isEqualTo(1);
        assertThat(o.err()).contains("the cost became").contains("lower the learning rate");
    }

    @Test
    void initStartsFromTheParametersOfAnotherRun(@TempDir Path tmp) throws Exception {
        Path runs = tmp.resolve("runs");
        assertThat(run("train", "--config", config(tmp, SPIRAL).toString(), "--out", runs.toString()).code()).isZero();
        Path first = onlyRun(runs);
        Path init = first.resolve("checkpoints/epoch-0003");
        Path second = tmp.resolve("second");
        Outcome o = run("train", "--config", config(tmp, SPIRAL).toString(), "--out", second.toString(),
                "--epochs", "1", "--init", init.toString());
        assertThat(o.code()).as(o.err()).isZero();
        Path secondRun = onlyRun(second);
        var fresh = babysitter.store.RunReader.read(first);
        var started = babysitter.store.RunReader.read(secondRun);
        // the first step of the initialised run starts where three epochs of training left off
        assertThat(started.steps().get(0).cost()).isLessThan(fresh.steps().get(0).cost() * 0.6);
        assertThat(started.config().get("init").asText()).isEqualTo(init.toAbsolutePath().toString());

        Outcome missing = run("train", "--config", config(tmp, SPIRAL).toString(), "--out", second.toString(),
                "--init", tmp.resolve("nowhere").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("nowhere");
    }

    @Test
    void reportWritesAnHtmlFileAndSaysWhere(@TempDir Path tmp) throws Exception {
        Path runs = tmp.resolve("runs");
        assertThat(run("train", "--config", config(tmp, SPIRAL).toString(), "--out", runs.toString(),
                "--epochs", "1").code()).isZero();
        Path html = tmp.resolve("x.html");
        Outcome o = run("report", onlyRun(runs).toString(), "--out", html.toString());
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(html).exists();
        assertThat(tmp.resolve("x-cost-per-step.svg")).exists();
        assertThat(o.out()).contains("report written to " + html.toAbsolutePath());
        assertThat(Files.readString(html)).contains("Final metrics").contains("Confusion matrix on the test part");

        Outcome missing = run("report", tmp.resolve("no-such-run").toString(), "--out", tmp.resolve("y.html").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("no-such-run").contains("no such run folder").doesNotContain("\tat ");
        assertThat(tmp.resolve("y.html")).doesNotExist();

        assertThat(run("report", onlyRun(runs).toString()).code()).isEqualTo(2);
    }
}
