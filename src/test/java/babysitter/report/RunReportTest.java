package babysitter.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import babysitter.data.Dataset;
import babysitter.data.Split;
import babysitter.engine.Network;
import babysitter.session.configuration.ConfigFiles;
import babysitter.session.configuration.RunConfig;
import babysitter.session.training.Evaluator;
import babysitter.session.training.Runs;
import babysitter.session.training.Snapshot;
import babysitter.session.training.Trainer;
import babysitter.store.CheckpointInfo;
import babysitter.store.Run;
import babysitter.store.RunEvent;
import babysitter.store.RunReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunReportTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);

    static RunConfig spiral() throws Exception {
        return ConfigFiles.parse("""
                {
                  "data": { "kind": "spiral", "n": 240, "arms": 3, "noise": 0.1, "devFraction": 0.25, "testFraction": 0.125 },
                  "network": { "hidden": [ { "units": 16, "activation": "relu", "batchNorm": true } ] },
                  "optimizer": { "kind": "adam", "learningRate": 0.02, "batchSize": 32 },
                  "epochs": 3, "seed": 3, "logEvery": 1
                }""", "test");
    }

    /** A short babysitted run: steps, a new learning rate, a user checkpoint, an epoch, a rewind, more training. */
    static Path scriptedRun(Path runs) throws Exception {
        Trainer t = Runs.start(spiral(), runs, null, CLOCK);
        t.trainStep();
        t.trainStep();
        t.setHyperparameters(t.hyperparameters().withLearningRate(0.005), "user");
        t.trainStep();
        Snapshot mine = t.checkpoint("user");
        t.trainEpoch();
        t.trainStep();
        t.rewind(mine.id());
        t.trainStep();
        t.trainEpoch();
        t.close();
        return t.runDir();
    }

    static boolean epochCheckpoint(RunEvent e) {
        return e.event() instanceof babysitter.store.Event.CheckpointTaken c && c.atEpochEnd();
    }

    @Test
    void epochCheckpointsAreSummarisedAndTheChangesListed(@TempDir Path tmp) throws Exception {
        Path runDir = scriptedRun(tmp.resolve("runs"));
        String text = Files.readString(RunReport.write(runDir, tmp.resolve("report.html")));
        Run run = RunReader.read(runDir);
        long epochEnds = run.events().stream().filter(RunReportTest::epochCheckpoint).count();
        String table = text.substring(text.indexOf("<table class=\"events\">"), text.indexOf("<h2>Final metrics"));
        assertThat(table).contains("<td>hyperparameters</td>").contains("<td>rewind</td>")
                .contains("checkpoint step-3").doesNotContain("checkpoint epoch-0001");
        assertThat(text).contains("Not listed: " + epochEnds + " checkpoint");
    }

    @Test
    void theReportIsWrittenInTheLanguageAskedForAndTheCommandLinesIsEnglish(@TempDir Path tmp) throws Exception {
        Path runDir = scriptedRun(tmp.resolve("runs"));
        String en = Files.readString(RunReport.write(runDir, tmp.resolve("en.html")));
        String ko = Files.readString(RunReport.write(runDir, tmp.resolve("ko.html"), java.util.Locale.KOREAN));
        assertThat(en).contains("<html lang=\"en\">").contains("<h2>Final metrics</h2>").contains("Cost per epoch");
        assertThat(ko).contains("<html lang=\"ko\">").contains("<h2>최종 지표</h2>").contains("<h2>이벤트</h2>")
                .contains("에폭별 비용").contains("<th>실제 \\ 예측</th>").doesNotContain("Final metrics");
        // what the run recorded is the same in both: the configuration, and the numbers of the metrics
        String config = "<pre>";
        assertThat(ko.substring(ko.lastIndexOf(config))).isEqualTo(en.substring(en.lastIndexOf(config)));
        assertThat(rows(ko, "<table class=\"metrics\">")).isEqualTo(rows(en, "<table class=\"metrics\">")
                .replace("<td>dev</td>", "<td>검증</td>").replace("<td>test</td>", "<td>테스트</td>"));
    }

    /** The body rows of the first table that starts with {@code start}. */
    private static String rows(String html, String start) {
        String table = html.substring(html.indexOf(start));
        return table.substring(table.indexOf("<tbody>"), table.indexOf("</tbody>"));
    }

    /** 150 training rows: 5 steps an epoch at batch 32 for 8 epochs, then 2 an epoch at batch 128 up to epoch 30. */
    static Path batchChangeRun(Path runs) throws Exception {
        Trainer t = Runs.start(spiral().withEpochs(30), runs, null, CLOCK);
        for (int e = 0; e < 8; e++) {
            t.trainEpoch();
        }
        t.setHyperparameters(t.hyperparameters().withBatchSize(128), "user");
        for (int e = 8; e < 30; e++) {
            t.trainEpoch();
        }
        t.close();
        return t.runDir();
    }

    @Test
    void epochChartsUseEpochsPlaceMarkersByTheRecordedEpochsAndShowBatchStatistics(@TempDir Path tmp)
            throws Exception {
        Path runDir = batchChangeRun(tmp.resolve("runs"));
        RunReport.write(runDir, tmp.resolve("report.html"));
        String accuracy = Files.readString(RunReport.chartFiles(tmp.resolve("report.html")).get(2));
        assertThat(accuracy).contains(">epoch</text>").doesNotContain("step (end of epoch)")
                .contains("<title>dev, batch statistics</title>");
        // the change happened at the end of epoch 8 (step 40); the x axis runs over epochs 1..30
        Matcher m = Pattern.compile("<title>batch 32→128[^<]*</title><line x1=\"([0-9.]+)\"").matcher(accuracy);
        assertThat(m.find()).as("a marker for the batch change in %s", accuracy).isTrue();
        double expected = 70 + (8 - 1) / 29.0 * 630;
        assertThat(Double.parseDouble(m.group(1))).isCloseTo(expected, org.assertj.core.data.Offset.offset(0.5));
    }

    @Test
    void oneRoleKeepsOneColourAcrossBranchesAndCharts(@TempDir Path tmp) throws Exception {
        Path runDir = scriptedRun(tmp.resolve("runs"));
        RunReport.write(runDir, tmp.resolve("report.html"));
        List<Path> files = RunReport.chartFiles(tmp.resolve("report.html"));
        for (Path f : files.subList(1, 3)) {
            String svg = Files.readString(f);
            assertThat(colourOf(svg, "train")).isEqualTo(babysitter.plot.Palette.TRAIN);
            assertThat(colourOf(svg, "train (branch 1)")).isEqualTo(babysitter.plot.Palette.TRAIN);
            assertThat(colourOf(svg, "dev")).isEqualTo(babysitter.plot.Palette.DEV);
            assertThat(colourOf(svg, "dev (branch 1)")).isEqualTo(babysitter.plot.Palette.DEV);
        }
    }

    /** The stroke colour of the series titled {@code name} in an SVG of {@link SvgChart}. */
    static String colourOf(String svg, String name) {
        Matcher m = Pattern.compile("<g class=\"series\" fill=\"none\" stroke=\"(#[0-9a-f]{6})\"[^>]*><title>"
                + Pattern.quote(SvgChart.escape(name)) + "</title>").matcher(svg);
        assertThat(m.find()).as("series %s in %s", name, svg).isTrue();
        return m.group(1);
    }

    static List<String> svgBlocks(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<svg[\\s\\S]*?</svg>").matcher(html);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    @Test
    void theReportShowsEveryEventTheChartsAndTheFinalMetrics(@TempDir Path tmp) throws Exception {
        Path runDir = scriptedRun(tmp.resolve("runs"));
        Path html = RunReport.write(runDir, tmp.resolve("out/report.html"));
        assertThat(html).isEqualTo(tmp.resolve("out/report.html").toAbsolutePath());
        String text = Files.readString(html);
        Run run = RunReader.read(runDir);

        assertThat(text).contains("<title>Run " + runDir.getFileName() + "</title>").contains("2026-11-27T10:00:00Z");
        assertThat(text).contains("&quot;learningRate&quot;").contains("spiral");
        assertThat(text).contains("<tr><th>rows: train / dev / test</th><td>150 / 60 / 30</td></tr>");

        // every event, with its label, in a row of the events table
        assertThat(run.events()).extracting(RunEvent::kind)
                .contains("start", "hyperparameters", "checkpoint", "rewind", "stop");
        String table = text.substring(text.indexOf("<table class=\"events\">"), text.indexOf("<h2>Final metrics"));
        List<RunEvent> listed = run.events().stream().filter(e -> !epochCheckpoint(e)).toList();
        assertThat(listed).hasSizeLessThan(run.events().size()); // the run has checkpoints at epoch ends
        assertThat(table.split("<tr><td class=\"n\">", -1)).hasSize(listed.size() + 1);
        for (RunEvent e : listed) {
            String label = EventLabels.label(e);
            assertThat(table).contains("<td>" + e.kind() + "</td><td>" + SvgChart.escape(label) + "</td>");
        }
        assertThat(table).contains("α 0.02→0.005").contains("rewind to " + "step-3");

        // final metrics: the last checkpoint in inference mode, exactly as Evaluator.evaluate gives them
        CheckpointInfo last = run.checkpoints().get(run.checkpoints().size() - 1);
        Network net = RunReader.loadCheckpoint(last);
        RunConfig config = Runs.configOf(run);
        Split split = config.data().load(config.seed()).split();
        for (String part : List.of("dev", "test")) {
            Dataset d = part.equals("dev") ? split.dev() : split.test();
            Network.Evaluation e = Evaluator.evaluate(net, d, Network.Mode.INFERENCE, 4096);
            assertThat(text).contains("<tr><td>" + part + "</td><td class=\"n\">" + d.rows() + "</td><td class=\"n\">"
                    + String.format(java.util.Locale.ROOT, "%.6f", e.cost()) + "</td><td class=\"n\">"
                    + String.format(java.util.Locale.ROOT, "%.4f", e.accuracy()) + "</td></tr>");
        }
        assertThat(text).contains("Checkpoint <code>" + last.id() + "</code>")
                .contains("Confusion matrix on the test part");
        long[][] counts = Evaluator.confusion(net, split.test(), 7);
        long total = 0;
        for (long[] r : counts) {
            for (long v : r) {
                total += v;
            }
        }
        assertThat(total).isEqualTo(split.test().rows());
        assertThat(text).contains("<td class=\"n diag\">" + counts[0][0] + "</td>");

        // the charts: inline and as files, each a well-formed SVG document
        List<String> inline = svgBlocks(text);
        assertThat(inline).hasSize(3);
        for (String svg : inline) {
            assertThat(SvgChartTest.parse(svg).getDocumentElement().getLocalName()).isEqualTo("svg");
        }
        assertThat(inline.get(0)).contains("Cost per logged step").contains("<title>cost</title>")
                .contains("<title>cost (branch 1)</title>")
                .contains("α 0.02→0.005")
                .contains("<title>checkpoint step-3</title>").doesNotContain("<title>checkpoint epoch-0001</title>");
        List<Path> files = RunReport.chartFiles(html);
        assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly(
                "report-cost-per-step.svg", "report-cost-per-epoch.svg", "report-accuracy-per-epoch.svg");
        for (Path f : files) {
            assertThat(SvgChartTest.parse(Files.readString(f)).getDocumentElement().getLocalName()).isEqualTo("svg");
        }

        // self-contained: no references to the web other than the SVG namespace, no script
        String rest = text.replace("http://www.w3.org/2000/svg", "");
        assertThat(rest).doesNotContain("http://").doesNotContain("https://").doesNotContain("<script")
                .doesNotContain("<link").doesNotContain("@import");
    }

    @Test
    void aRunWithoutACheckpointStillGetsAReportThatSaysSo(@TempDir Path tmp) throws Exception {
        Trainer t = Runs.start(spiral(), tmp.resolve("runs"), null, CLOCK);
        t.trainStep();
        t.close();
        Path checkpoints = t.runDir().resolve("checkpoints");
        if (Files.exists(checkpoints)) {
            try (Stream<Path> s = Files.walk(checkpoints)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Path html = RunReport.write(t.runDir(), tmp.resolve("r.html"));
        String text = Files.readString(html);
        assertThat(text).contains("No final metrics: the run has no complete checkpoint.")
                .doesNotContain("Confusion matrix");
        assertThat(svgBlocks(text)).hasSize(3);
    }

    @Test
    void aMissingRunIsAnIOExceptionNamingTheFolder(@TempDir Path tmp) {
        assertThatThrownBy(() -> RunReport.write(tmp.resolve("no-such-run"), tmp.resolve("r.html")))
                .isInstanceOf(IOException.class).hasMessageContaining("no-such-run").hasMessageContaining("no such run");
        assertThat(tmp.resolve("r.html")).doesNotExist();
    }
}
