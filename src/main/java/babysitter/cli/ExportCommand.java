package babysitter.cli;

import babysitter.store.AtomicFiles;
import babysitter.store.EpochMetric;
import babysitter.store.Run;
import babysitter.store.StepMetric;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code export}: a run's metrics as one CSV table for spreadsheets and plotting tools. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a run's step and epoch metrics as CSV (one row each, 'kind' tells which).")
final class ExportCommand implements Callable<Integer> {

    static final String HEADER = "kind,step,epoch,branch,cost,learning_rate,momentum,samples_per_second,"
            + "train_cost,train_accuracy,dev_cost,dev_accuracy,dev_cost_train_mode,dev_accuracy_train_mode,"
            + "seconds,time_millis";

    @Option(names = "--run", required = true, paramLabel = "DIR", description = "The run folder.")
    Path run;

    @Option(names = "--csv", required = true, paramLabel = "FILE", description = "The CSV file to write.")
    Path csv;

    @Mixin
    Cli.Common common;

    @Override
    public Integer call() throws IOException {
        Run r = common.readRun(run);
        if (Files.isDirectory(csv)) {
            throw new Cli.UsageException("--csv " + csv + " is a folder, not a file: name the CSV file to write");
        }
        Path parent = csv.toAbsolutePath().getParent();
        if (Files.exists(parent) && !Files.isDirectory(parent)) {
            throw new Cli.UsageException("--csv " + csv + ": " + parent + " is a file, not a folder");
        }
        Files.createDirectories(parent);
        AtomicFiles.write(csv, stream -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
            w.write(HEADER);
            w.newLine();
            for (StepMetric m : r.steps()) {
                w.write(String.join(",", "step", Long.toString(m.step()), Integer.toString(m.epoch()),
                        Integer.toString(m.branch()), num(m.cost()), num(m.learningRate()), num(m.momentum()),
                        num(m.samplesPerSecond()), "", "", "", "", "", "", "", Long.toString(m.timeMillis())));
                w.newLine();
            }
            for (EpochMetric m : r.epochs()) {
                w.write(String.join(",", "epoch", Long.toString(m.step()), Integer.toString(m.epoch()),
                        Integer.toString(m.branch()), "", "", "", "", num(m.trainCost()), num(m.trainAccuracy()),
                        num(m.devCost()), num(m.devAccuracy()), num(m.devCostTrainMode()),
                        num(m.devAccuracyTrainMode()), num(m.seconds()), Long.toString(m.timeMillis())));
                w.newLine();
            }
            w.flush();
        });
        common.out().printf("wrote %d step rows and %d epoch rows to %s%n", r.steps().size(),
                r.epochs().size(), csv);
        return 0;
    }

    /** A number as CSV: shortest exact decimal; NaN as an empty cell. */
    static String num(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        return Double.isInfinite(v) ? (v > 0 ? "inf" : "-inf") : String.format(Locale.ROOT, "%s", v);
    }
}
