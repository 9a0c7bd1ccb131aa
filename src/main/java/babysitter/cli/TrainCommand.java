package babysitter.cli;

import babysitter.data.BatchOrder;
import babysitter.session.configuration.ConfigFiles;
import babysitter.session.configuration.RunConfig;
import babysitter.session.configuration.ScheduleArgument;
import babysitter.session.insights.EpochInsights;
import babysitter.session.live.Schedule;
import babysitter.session.training.Runs;
import babysitter.session.training.Trainer;
import babysitter.store.CheckpointInfo;
import babysitter.store.EpochMetric;
import babysitter.store.Run;
import babysitter.store.RunReader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code train}: trains headless from a configuration file and records the run. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train headless from a JSON configuration; the run is recorded under --out.")
final class TrainCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE", description = "Run configuration (JSON).")
    Path config;

    @Option(names = "--continue", paramLabel = "RUN",
            description = "Go on training a recorded run folder for --epochs more epochs, appended to it "
                    + "(from its newest checkpoint, as a new branch).")
    Path continueRun;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs",
            description = "Folder that receives the run folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--init", paramLabel = "DIR", description = "Start from a folder of .npy parameters.")
    Path init;

    @Option(names = "--epochs", paramLabel = "N",
            description = "Override the configuration's number of epochs; with --continue, the epochs to add.")
    Integer epochs;

    @Option(names = "--batch-order", paramLabel = "ORDER",
            description = "shuffled (each epoch, from the seed) or data (the data's own order).")
    BatchOrder batchOrder;

    @Option(names = "--set", paramLabel = "AT:KEY=VALUE",
            description = "Add a schedule entry: epoch=E or step=S, then changes, e.g. epoch=5:learningRate=0.003 "
                    + "or step=900:momentum=0.95 (keys: learningRate, momentum, beta1, beta2, batchSize, optimizer). "
                    + "Repeatable.")
    List<String> sets = new ArrayList<>();

    @Mixin
    Cli.Common common;

    @Override
    public Integer call() throws Exception {
        if ((config == null) == (continueRun == null)) {
            throw new Cli.UsageException("give either --config FILE (a new run) or --continue RUN (more epochs of a "
                    + "recorded run)");
        }
        if (continueRun != null) {
            return continueRecorded();
        }
        RunConfig cfg = ConfigFiles.read(config);
        if (epochs != null) {
            if (epochs < 1) {
                throw new Cli.UsageException("--epochs must be at least 1, got " + epochs);
            }
            cfg = cfg.withEpochs(epochs);
        }
        if (batchOrder != null) {
            cfg = cfg.withBatchOrder(batchOrder);
        }
        cfg = ScheduleArgument.addTo(cfg, sets);
        return train(Runs.start(cfg, this.out, init, Clock.systemUTC()));
    }

    /** {@code --continue RUN --epochs N}: N more epochs of a recorded run, appended to its folder. */
    private int continueRecorded() throws Exception {
        if (epochs == null || epochs < 1) {
            throw new Cli.UsageException("--continue needs --epochs N, the epochs to add (at least 1)"
                    + (epochs == null ? "" : ", got " + epochs));
        }
        if (init != null || batchOrder != null || !sets.isEmpty()) {
            throw new Cli.UsageException("--continue takes the run's own settings: leave out --init, --batch-order "
                    + "and --set");
        }
        Run run = RunReader.read(continueRun, false);
        CheckpointInfo newest = Runs.newestCheckpoint(run);
        if (newest == null) {
            throw new Cli.UsageException(continueRun + " has no checkpoint to continue from");
        }
        return train(Runs.resume(continueRun, newest.id(), Clock.systemUTC(), epochs));
    }

    private int train(Trainer trainer) throws Exception {
        RunConfig cfg = trainer.config();
        var out = common.out();
        // each epoch's confusion matrix, samples and (2 features) decision regions, as the window records them
        EpochInsights.attach(trainer);
        out.printf("run %s%n  data: %s%n  network: %s, %s%n", trainer.runDir(), trainer.data().description(),
                Progress.layers(trainer.network()), Progress.hyperparameters(trainer.hyperparameters()));
        out.flush();
        Progress progress = new Progress(out, System.console() != null);
        trainer.addListener(progress);
        Schedule schedule = new Schedule(trainer);
        try {
            while (!trainer.finished()) {
                progress.beginEpoch(trainer.epoch(), trainer.epochs(), Progress.batchesPerEpoch(trainer));
                Trainer.StepResult r;
                do {
                    schedule.applyDue();
                    r = trainer.trainStep();
                    progress.step(r);
                    if (!Double.isFinite(r.cost())) {
                        throw new IllegalStateException("the cost became " + r.cost() + " at step " + r.step()
                                + " (epoch " + (r.epoch() + 1) + "); lower the learning rate (now "
                                + trainer.hyperparameters().learningRate() + "). The run so far is in "
                                + trainer.runDir());
                    }
                } while (!r.endOfEpoch());
            }
        } finally {
            trainer.close();
        }
        EpochMetric last = progress.lastEpoch();
        out.printf("done: %d epochs, %d steps; run folder %s%n", trainer.epoch(), trainer.step(), trainer.runDir());
        if (last != null && Double.isNaN(last.devAccuracy())) {
            out.println("(no dev part: set data.devFraction to see dev accuracy)");
        }
        return 0;
    }
}
