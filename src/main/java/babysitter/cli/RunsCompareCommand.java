package babysitter.cli;

import babysitter.plot.Palette;
import babysitter.report.ExportFile;
import babysitter.report.SvgChart;
import babysitter.store.EpochMetric;
import babysitter.store.Run;
import babysitter.store.RunCurves;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code runs compare}: the epoch curves of several runs, as one CSV table or one SVG chart with a line per run. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Write the epoch metrics of several runs as one CSV table, or one metric of them as an SVG chart "
                + "with one line per run.")
final class RunsCompareCommand implements Callable<Integer> {

    @Parameters(arity = "2..*", paramLabel = "RUN", description = "Run folders (a name alone is looked up in --dir).")
    List<Path> runs;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "runs",
            description = "Where run names are looked up (default: ${DEFAULT-VALUE}).")
    Path dir;

    @ArgGroup(multiplicity = "1")
    Output output;

    static final class Output {
        @Option(names = "--csv", paramLabel = "FILE", description = "Write every epoch metric of every run as CSV.")
        Path csv;

        @Option(names = "--svg", paramLabel = "FILE", description = "Write one metric (--metric) as an SVG chart.")
        Path svg;
    }

    @Option(names = "--metric", paramLabel = "METRIC", defaultValue = "dev-acc",
            description = "For --svg: train-cost, train-acc, dev-cost, dev-acc, dev-cost-batch or dev-acc-batch "
                    + "(default: ${DEFAULT-VALUE}).")
    String metric;

    @Option(names = "--x", paramLabel = "AXIS", defaultValue = "epoch",
            description = "For --svg: epoch, step or seconds (default: ${DEFAULT-VALUE}).")
    String x;

    @Mixin
    Cli.Common common;

    static final String HEADER = "run,epoch,step,seconds,train_cost,train_accuracy,dev_cost,dev_accuracy,"
            + "dev_cost_batch_stats,dev_accuracy_batch_stats";

    @Override
    public Integer call() throws Exception {
        RunCurves.Metric m;
        RunCurves.XAxis axis;
        try {
            m = RunCurves.metric(metric);
            axis = RunCurves.xAxis(x);
        } catch (IllegalArgumentException e) {
            throw new Cli.UsageException(e.getMessage());
        }
        Path target = output.csv != null ? output.csv : output.svg;
        if (Files.isDirectory(target)) {
            throw new Cli.UsageException(target + " is a folder, not a file: name the file to write");
        }
        List<Run> read = new ArrayList<>();
        for (Path r : runs) {
            Path folder = Files.isDirectory(r) || r.isAbsolute() ? r : dir.resolve(r);
            Run run = common.readRun(folder);
            read.add(run);
        }
        if (output.csv != null) {
            StringBuilder b = new StringBuilder(HEADER).append('\n');
            for (Run run : read) {
                String name = csvText(run.dir().getFileName().toString());
                for (EpochMetric e : RunCurves.lastPath(run.epochs())) {
                    b.append(String.join(",", name, Integer.toString(e.epoch() + 1), Long.toString(e.step()),
                            ExportCommand.num(e.elapsedSeconds()), ExportCommand.num(e.trainCost()),
                            ExportCommand.num(e.trainAccuracy()), ExportCommand.num(e.devCost()),
                            ExportCommand.num(e.devAccuracy()), ExportCommand.num(e.devCostTrainMode()),
                            ExportCommand.num(e.devAccuracyTrainMode()))).append('\n');
                }
            }
            ExportFile.write(output.csv, b.toString());
        } else {
            SvgChart chart = new SvgChart(m.label() + " of " + read.size() + " runs", axis.label(), m.label());
            List<SvgChart.LegendEntry> legend = new ArrayList<>();
            for (int i = 0; i < read.size(); i++) {
                Run run = read.get(i);
                String name = run.dir().getFileName().toString();
                RunCurves.Curve c = RunCurves.curve(name, run.epochs(), m, axis);
                chart.series(new SvgChart.Series(name, c.x(), c.y(), Palette.run(i)));
                legend.add(new SvgChart.LegendEntry(name, Palette.run(i), 1.5, 1, false));
            }
            chart.legend(legend);
            ExportFile.write(output.svg, chart.toSvg());
        }
        common.out().printf(Locale.ROOT, "wrote %d runs to %s%n", read.size(), target);
        return 0;
    }

    private static String csvText(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
