package babysitter.report;

import babysitter.data.Dataset;
import babysitter.data.Split;
import babysitter.engine.Network;
import babysitter.plot.MovingAverage;
import babysitter.plot.Palette;
import babysitter.plot.StepEpochMap;
import babysitter.session.configuration.ConfigException;
import babysitter.session.configuration.ConfigFiles;
import babysitter.session.configuration.RunConfig;
import babysitter.session.training.Evaluator;
import babysitter.session.training.Runs;
import babysitter.store.BadFileException;
import babysitter.store.CheckpointInfo;
import babysitter.store.EpochMetric;
import babysitter.store.Event;
import babysitter.store.EventCodec;
import babysitter.store.Run;
import babysitter.store.RunEvent;
import babysitter.store.RunReader;
import babysitter.store.StepMetric;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * One self-contained HTML file describing a recorded run: its configuration, its data, charts of
 * cost and accuracy with the events marked (inline SVG, also written as separate {@code .svg} files
 * next to the HTML), a table of every event, and the final metrics of the last checkpoint in
 * inference mode on the dev and test parts with a confusion matrix. No external resources, no script.
 */
public final class RunReport {

    /** Rows evaluated at a time. */
    private static final int CHUNK = 4096;

    private RunReport() {
    }

    /** The names of the chart files written next to {@code outHtml}, in the order of the report. */
    public static List<Path> chartFiles(Path outHtml) {
        String base = outHtml.getFileName().toString().replaceFirst("(?i)\\.html?$", "");
        Path dir = outHtml.toAbsolutePath().getParent();
        return List.of(dir.resolve(base + "-cost-per-step.svg"), dir.resolve(base + "-cost-per-epoch.svg"),
                dir.resolve(base + "-accuracy-per-epoch.svg"));
    }

    /**
     * Writes the report of the run in {@code runDir} to {@code outHtml} (and its charts next to it).
     * A run without a checkpoint still gets a report, which says that it has no final metrics. In
     * English, as everything the command line writes.
     *
     * @return the HTML file
     * @throws IOException when there is no run in {@code runDir}, or it cannot be read or written
     */
    public static Path write(Path runDir, Path outHtml) throws IOException {
        return write(runDir, outHtml, Locale.ENGLISH);
    }

    /** Writes the report as {@link #write(Path, Path)} does, its words in {@code language} (English or Korean). */
    public static Path write(Path runDir, Path outHtml, Locale language) throws IOException {
        ReportWords w = new ReportWords(language);
        if (!Files.isDirectory(runDir)) {
            throw new BadFileException(runDir, "", runDir + ": no such run folder");
        }
        if (!Files.isRegularFile(runDir.resolve("run.json"))) {
            throw new BadFileException(runDir, "", runDir + ": not a run folder (no run.json)");
        }
        Run run = RunReader.read(runDir, false); // the report draws no insights
        List<String> charts = charts(run, w);
        String html = html(run, charts, w);
        Path out = outHtml.toAbsolutePath();
        Files.createDirectories(out.getParent());
        List<Path> files = chartFiles(out);
        for (int i = 0; i < charts.size(); i++) {
            ExportFile.write(files.get(i), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + charts.get(i));
        }
        ExportFile.write(out, html);
        return out;
    }

    // ------------------------------------------------------------------ charts

    static List<String> charts(Run run, ReportWords w) {
        int live = 0;
        for (EpochMetric e : run.epochs()) {
            live = Math.max(live, e.branch());
        }
        for (StepMetric m : run.steps()) {
            live = Math.max(live, m.branch());
        }
        SvgChart steps = new SvgChart(w.get("report.chart.steps"), w.get("report.axis.step"),
                w.get("report.axis.batchCost"));
        Map<Integer, List<StepMetric>> byBranch = new TreeMap<>();
        run.steps().forEach(s -> byBranch.computeIfAbsent(s.branch(), b -> new ArrayList<>()).add(s));
        for (Map.Entry<Integer, List<StepMetric>> e : byBranch.entrySet()) {
            int b = e.getKey();
            double[] x = e.getValue().stream().mapToDouble(StepMetric::step).toArray();
            double[] y = e.getValue().stream().mapToDouble(StepMetric::cost).toArray();
            steps.series(ChartStyle.line(w, "report.role.cost", b, live, Palette.RAW, 1.0, Palette.RAW_OPACITY, false,
                    x, y));
            steps.series(ChartStyle.line(w, "report.role.smoothed", b, live, Palette.SMOOTHED, 1.8, 1, false, x,
                    MovingAverage.of(y, y.length, SMOOTHING)));
        }
        steps.legend(List.of(ChartStyle.entry(w.get("report.role.cost"), Palette.RAW, 1.0, Palette.RAW_OPACITY, false),
                ChartStyle.entry(w.get("report.role.smoothed"), Palette.SMOOTHED, 1.8, 1, false)));
        SvgChart cost = new SvgChart(w.get("report.chart.epochCost"), w.get("report.axis.epoch"),
                w.get("report.axis.cost"));
        SvgChart accuracy = new SvgChart(w.get("report.chart.epochAccuracy"), w.get("report.axis.epoch"),
                w.get("report.axis.accuracy"));
        for (SvgChart c : List.of(steps, cost, accuracy)) {
            c.logScaleSuffix(w.get("report.logScale"));
        }
        StepEpochMap epochOf = new StepEpochMap();
        Map<Integer, List<EpochMetric>> epochs = new TreeMap<>();
        for (EpochMetric e : run.epochs()) {
            epochs.computeIfAbsent(e.branch(), b -> new ArrayList<>()).add(e);
            epochOf.add(e.branch(), e.step(), e.epoch() + 1);
        }
        boolean batchStats = false;
        for (Map.Entry<Integer, List<EpochMetric>> e : epochs.entrySet()) {
            int b = e.getKey();
            List<EpochMetric> list = e.getValue();
            cost.series(epochLine(w, "report.role.train", b, live, Palette.TRAIN, false, list, EpochMetric::trainCost));
            cost.series(epochLine(w, "report.role.dev", b, live, Palette.DEV, false, list, EpochMetric::devCost));
            accuracy.series(epochLine(w, "report.role.train", b, live, Palette.TRAIN, false, list,
                    EpochMetric::trainAccuracy));
            accuracy.series(epochLine(w, "report.role.dev", b, live, Palette.DEV, false, list, EpochMetric::devAccuracy));
            if (list.stream().anyMatch(m -> Double.isFinite(m.devCostTrainMode()))) {
                batchStats = true;
                cost.series(epochLine(w, BATCH_STATS, b, live, Palette.DEV_BATCH_STATS, true, list,
                        EpochMetric::devCostTrainMode));
                accuracy.series(epochLine(w, BATCH_STATS, b, live, Palette.DEV_BATCH_STATS, true, list,
                        EpochMetric::devAccuracyTrainMode));
            }
        }
        List<SvgChart.LegendEntry> epochLegend = new ArrayList<>(List.of(
                ChartStyle.entry(w.get("report.role.train"), Palette.TRAIN, 1.8, 1, false),
                ChartStyle.entry(w.get("report.role.dev"), Palette.DEV, 1.8, 1, false)));
        if (batchStats) {
            epochLegend.add(ChartStyle.entry(w.get(BATCH_STATS), Palette.DEV_BATCH_STATS, 1.8, 1, true));
        }
        cost.legend(epochLegend);
        accuracy.legend(epochLegend);
        for (RunEvent e : run.events()) {
            if (routine(e)) {
                continue;
            }
            String label = EventLabels.label(e, w.language());
            String colour = Palette.marker(e.kind());
            steps.marker(e.step(), label, colour);
            // an epoch chart places the event by the recorded ends of epochs: steps per epoch change with the batch size
            double x = epochOf.epochAt(e.branch(), e.step());
            cost.marker(x, label, colour);
            accuracy.marker(x, label, colour);
        }
        return List.of(steps.toSvg(), cost.toSvg(), accuracy.toSvg());
    }

    /** The smoothing of the step chart's cost, the window's default. */
    private static final double SMOOTHING = 0.9;
    private static final String BATCH_STATS = "report.role.devBatchStats";

    /** Start and stop bound the charts anyway; a checkpoint at every epoch's end would bury the changes. */
    static boolean routine(RunEvent e) {
        return e.event() instanceof Event.Start || e.event() instanceof Event.Stop || epochCheckpoint(e);
    }

    private static boolean epochCheckpoint(RunEvent e) {
        return e.event() instanceof Event.CheckpointTaken c && c.atEpochEnd();
    }

    private static String checkpointId(RunEvent e) {
        return ((Event.CheckpointTaken) e.event()).id();
    }

    private static SvgChart.Series epochLine(ReportWords w, String role, int branch, int live, String colour, boolean dashed,
            List<EpochMetric> list, ToDoubleFunction<EpochMetric> f) {
        return ChartStyle.line(w, role, branch, live, colour, 1.8, 1, dashed,
                list.stream().mapToDouble(m -> m.epoch() + 1).toArray(), list.stream().mapToDouble(f).toArray());
    }

    // ------------------------------------------------------------------ HTML

    private static String html(Run run, List<String> charts, ReportWords w) throws IOException {
        JsonNode root = run.config();
        String name = run.dir().toAbsolutePath().normalize().getFileName().toString();
        String created = root.path("created").asText("");
        StringBuilder b = new StringBuilder();
        String title = esc(w.get("report.title", name));
        b.append("<!DOCTYPE html>\n<html lang=\"").append(w.language().getLanguage())
                .append("\">\n<head>\n<meta charset=\"utf-8\">\n<title>").append(title)
                .append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        b.append("<h1>").append(title).append("</h1>\n<p class=\"meta\">")
                .append(esc(w.get("report.meta", created.isEmpty() ? w.get("report.unknown") : created,
                        root.path("version").asText("?"), String.valueOf(run.steps().size()),
                        String.valueOf(run.epochs().size()), String.valueOf(run.events().size()),
                        String.valueOf(run.checkpoints().size())))).append("</p>\n");
        if (!run.warnings().isEmpty()) {
            b.append("<div class=\"warn\"><p>").append(esc(w.get("report.skipped"))).append("</p><ul>\n");
            run.warnings().forEach(warning -> b.append("<li>").append(esc(warning)).append("</li>\n"));
            b.append("</ul></div>\n");
        }
        data(b, root, w);
        b.append("<h2>").append(esc(w.get("report.charts"))).append("</h2>\n<p class=\"note\">")
                .append(esc(w.get("report.chartsNote"))).append("</p>\n");
        for (String svg : charts) {
            b.append("<figure>\n").append(svg).append("</figure>\n");
        }
        events(b, run.events(), w);
        finalMetrics(b, run, w);
        b.append("<h2>").append(esc(w.get("report.configuration"))).append("</h2>\n<pre>").append(esc(pretty(root.path("config")))).append("</pre>\n");
        b.append("</body>\n</html>\n");
        return b.toString();
    }

    private static void data(StringBuilder b, JsonNode root, ReportWords w) {
        JsonNode d = root.path("data");
        b.append("<h2>").append(esc(w.get("report.data"))).append("</h2>\n<table class=\"kv\">\n");
        row(b, w.get("report.data.description"), d.path("description").asText(w.get("report.data.none")));
        row(b, w.get("report.data.rows"), d.path("train").asText("?") + " / " + d.path("dev").asText("?") + " / "
                + d.path("test").asText("?"));
        row(b, w.get("report.data.features"), d.path("features").asText("?"));
        List<String> classes = new ArrayList<>();
        d.path("classNames").forEach(c -> classes.add(c.asText()));
        row(b, w.get("report.data.classes"), classes.size() + (classes.isEmpty() ? "" : ": " + String.join(", ", classes)));
        row(b, w.get("report.data.standardised"), w.get(d.path("standardizer").isObject()
                ? "report.data.standardisedYes" : "report.data.standardisedNo"));
        List<String> sizes = new ArrayList<>();
        root.path("network").path("layerSizes").forEach(s -> sizes.add(s.asText()));
        if (!sizes.isEmpty()) {
            row(b, w.get("report.data.layerSizes"), String.join(" → ", sizes));
        }
        b.append("</table>\n");
    }

    private static void row(StringBuilder b, String key, String value) {
        b.append("<tr><th>").append(esc(key)).append("</th><td>").append(esc(value)).append("</td></tr>\n");
    }

    /** The recorded details as JSON text, "" when there are none. */
    private static String details(RunEvent e) {
        String text = EventCodec.detailsText(e.event());
        return text.equals("{}") ? "" : text;
    }

    private static void events(StringBuilder b, List<RunEvent> events, ReportWords w) {
        b.append("<h2>").append(esc(w.get("report.events"))).append("</h2>\n<p class=\"note\">")
                .append(esc(w.get("report.eventsNote")));
        List<RunEvent> epochEnds = events.stream().filter(RunReport::epochCheckpoint).toList();
        if (!epochEnds.isEmpty()) {
            String ids = checkpointId(epochEnds.get(0))
                    + (epochEnds.size() == 1 ? "" : " … " + checkpointId(epochEnds.get(epochEnds.size() - 1)));
            b.append(esc(w.get("report.eventsNotListed", epochEnds.size(), ids)));
        }
        b.append("</p>\n");
        b.append("<table class=\"events\">\n<thead><tr>");
        for (String col : List.of("step", "epoch", "branch", "kind", "what", "details", "time")) {
            b.append("<th>").append(esc(w.get("report.col." + col))).append("</th>");
        }
        b.append("</tr></thead>\n<tbody>\n");
        for (RunEvent e : events) {
            if (epochCheckpoint(e)) {
                continue;
            }
            b.append("<tr><td class=\"n\">").append(e.step()).append("</td><td class=\"n\">").append(e.epoch())
                    .append("</td><td class=\"n\">").append(e.branch()).append("</td><td>").append(esc(e.kind()))
                    .append("</td><td>").append(esc(EventLabels.label(e, w.language()))).append("</td><td><code>")
                    .append(esc(details(e))).append("</code></td><td>")
                    .append(esc(Instant.ofEpochMilli(e.timeMillis()).toString())).append("</td></tr>\n");
        }
        b.append("</tbody>\n</table>\n");
    }

    private static void finalMetrics(StringBuilder b, Run run, ReportWords w) throws IOException {
        b.append("<h2>").append(esc(w.get("report.finalMetrics"))).append("</h2>\n");
        if (run.checkpoints().isEmpty()) {
            b.append("<p class=\"warn\">").append(esc(w.get("report.noFinalMetrics"))).append("</p>\n");
            return;
        }
        CheckpointInfo cp = run.checkpoints().get(run.checkpoints().size() - 1);
        Network net = RunReader.loadCheckpoint(cp);
        Split split;
        try {
            RunConfig config = Runs.configOf(run);
            split = config.loadData().split();
        } catch (ConfigException e) {
            throw new IOException(run.dir() + ": cannot read the run's configuration: " + e.getMessage(), e);
        }
        // the pattern holds the <code> tags; the id in it is escaped
        b.append("<p>").append(w.get("report.checkpoint", esc(cp.id()), String.valueOf(cp.step()),
                String.valueOf(cp.epoch()), String.valueOf(cp.branch()))).append("</p>\n");
        b.append("<table class=\"metrics\">\n<thead><tr>");
        for (String col : List.of("part", "examples", "cost", "accuracy")) {
            b.append("<th>").append(esc(w.get("report.col." + col))).append("</th>");
        }
        b.append("</tr></thead>\n<tbody>\n");
        for (Map.Entry<String, Dataset> part : List.of(Map.entry("dev", split.dev()), Map.entry("test", split.test()))) {
            Dataset d = part.getValue();
            if (d.rows() == 0) {
                continue;
            }
            Network.Evaluation e = Evaluator.evaluate(net, d, Network.Mode.INFERENCE, CHUNK);
            b.append("<tr><td>").append(esc(w.get("report.part." + part.getKey()))).append("</td><td class=\"n\">").append(d.rows())
                    .append("</td><td class=\"n\">").append(cost(e.cost())).append("</td><td class=\"n\">")
                    .append(accuracy(e.accuracy())).append("</td></tr>\n");
        }
        b.append("</tbody>\n</table>\n");
        String partName = split.test().rows() > 0 ? "test" : split.dev().rows() > 0 ? "dev" : null;
        if (partName == null) {
            b.append("<p>").append(esc(w.get("report.noHeldOut"))).append("</p>\n");
            return;
        }
        Dataset d = partName.equals("test") ? split.test() : split.dev();
        long[][] counts = Evaluator.confusion(net, d, CHUNK);
        List<String> names = d.classNames();
        b.append("<h3>").append(esc(w.get("report.confusion", w.get("report.part." + partName))))
                .append("</h3>\n<table class=\"confusion\">\n<thead><tr><th>")
                .append(esc(w.get("report.trueVsPredicted"))).append("</th>");
        names.forEach(n -> b.append("<th>").append(esc(n)).append("</th>"));
        b.append("</tr></thead>\n<tbody>\n");
        for (int i = 0; i < counts.length; i++) {
            b.append("<tr><th>").append(esc(i < names.size() ? names.get(i) : Integer.toString(i))).append("</th>");
            for (int j = 0; j < counts[i].length; j++) {
                b.append("<td class=\"n").append(i == j ? " diag" : "").append("\">").append(counts[i][j]).append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</tbody>\n</table>\n");
    }

    /** An accuracy as the report shows it: four decimals. */
    public static String accuracy(double a) {
        return String.format(Locale.ROOT, "%.4f", a);
    }

    /** A cost as the report shows it: six decimals. */
    public static String cost(double c) {
        return String.format(Locale.ROOT, "%.6f", c);
    }

    private static String pretty(JsonNode n) throws IOException {
        try {
            return ConfigFiles.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IOException("cannot print the configuration: " + e.getMessage(), e);
        }
    }

    private static String esc(String s) {
        return SvgChart.escape(s);
    }

    private static final String CSS = """
            body { font-family: sans-serif; margin: 2em auto; max-width: 980px; color: #222; line-height: 1.4; }
            h1 { margin-bottom: 0.2em; }
            h2 { border-bottom: 1px solid #ddd; padding-bottom: 0.2em; margin-top: 1.6em; }
            .meta, .note { color: #666; }
            .warn { color: #8a4b00; background: #fff6e5; padding: 0.4em 0.8em; }
            table { border-collapse: collapse; margin: 0.5em 0; }
            th, td { border: 1px solid #ddd; padding: 0.2em 0.6em; text-align: left; vertical-align: top; }
            thead th { background: #f3f3f3; }
            td.n { text-align: right; font-variant-numeric: tabular-nums; }
            td.diag { background: #e8f3e8; font-weight: bold; }
            table.kv th { background: #f8f8f8; font-weight: normal; color: #555; }
            pre { background: #f7f7f7; border: 1px solid #e2e2e2; padding: 0.8em; overflow-x: auto; }
            code { font-size: 0.9em; word-break: break-all; }
            figure { margin: 1em 0; }
            svg { max-width: 100%; height: auto; }
            """;
}
