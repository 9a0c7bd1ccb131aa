package babysitter.session.training;

import babysitter.data.DataSpec;
import babysitter.data.Dataset;
import babysitter.data.Standardizer;
import babysitter.engine.Network;
import babysitter.engine.NetworkConfig;
import babysitter.engine.NetworkFiles;
import babysitter.engine.NpyFormatException;
import babysitter.session.configuration.ConfigException;
import babysitter.session.configuration.ConfigFiles;
import babysitter.session.configuration.NetworkSpec;
import babysitter.session.configuration.Release;
import babysitter.session.configuration.RunConfig;
import babysitter.store.BadFileException;
import babysitter.store.CheckpointInfo;
import babysitter.store.Event;
import babysitter.store.Run;
import babysitter.store.RunReader;
import babysitter.store.RunWriter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** Starting a run from its configuration, and reading a recorded run's configuration back. */
public final class Runs {

    private Runs() {
    }

    /**
     * Loads the data, builds the network (from {@code init} when given) and, with a
     * {@code runsRoot}, creates the run folder; returns a trainer ready for its first step.
     */
    public static Trainer start(RunConfig config, Path runsRoot, Path init, Clock clock) throws IOException {
        DataSpec.LoadedData data = config.loadData();
        Dataset train = data.split().train();
        // a mini-batch holds at most the training rows
        NetworkSpec.TooLarge tooLarge = config.network().tooLarge(train.columns(), train.classes(),
                Math.min(config.optimizer().toHyperparameters().batchSize(), Math.max(1, train.rows())),
                Runtime.getRuntime().maxMemory());
        if (tooLarge != null) {
            throw new TooLargeException(config.network().widestPath(), tooLarge, train.columns(), train.classes());
        }
        NetworkConfig nc = config.network().toConfig(train.columns(), train.classes(), config.seed());
        Network net = new Network(nc, config.optimizer().toHyperparameters().optimizer());
        if (init != null) {
            try {
                NetworkFiles.loadParameters(net, init);
            } catch (NpyFormatException | NoSuchFileException e) {
                throw e;
            } catch (IOException e) {
                // a folder that does not fit the network is the input's fault, like a bad configuration
                throw new BadFileException(init, "", e.getMessage().startsWith(init.toString())
                        ? e.getMessage() : init + ": " + e.getMessage(), e);
            }
            net.setSteps(0);
        }
        RunWriter writer = runsRoot == null ? null
                : RunWriter.createOf(runsRoot, config.name(), runJson(config, data, net, init, clock), clock);
        Trainer trainer = new Trainer(config, data, net, writer, clock);
        trainer.event(new Event.Start(config.epochs()));
        return trainer;
    }

    /** What run.json holds: the configuration, the data as loaded, the network's shape, provenance. */
    record RunJson(String program, String version, String created, RunConfig config, DataPart data,
                   NetworkPart network, String init) {
    }

    /** run.json's {@code data}: the data as loaded (the standardiser only when the features were standardised). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record DataPart(String description, int train, int dev, int test, int features, List<String> classNames,
                    @JsonInclude(JsonInclude.Include.NON_NULL) StandardizerPart standardizer) {
    }

    /** The mean and standard deviation of each feature, as the training rows had them. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record StandardizerPart(double[] mean, double[] std) {
    }

    /** run.json's {@code network}: the units of each layer, inputs first. */
    record NetworkPart(int[] layerSizes) {
    }

    static RunJson runJson(RunConfig config, DataSpec.LoadedData data, Network net, Path init, Clock clock) {
        Dataset train = data.split().train();
        Standardizer st = data.standardizer();
        DataPart d = new DataPart(data.description(), train.rows(), data.split().dev().rows(),
                data.split().test().rows(), train.columns(), train.classNames(),
                st == null ? null : new StandardizerPart(st.mean(), st.std()));
        int[] sizes = new int[net.depth() + 1];
        for (int l = 0; l <= net.depth(); l++) {
            sizes[l] = net.config().units(l);
        }
        return new RunJson("babysitter", Release.VERSION, Instant.now(clock).toString(), config, d,
                new NetworkPart(sizes), init == null ? null : init.toAbsolutePath().toString());
    }

    /**
     * Continues the recorded run in {@code runDir} from its checkpoint {@code checkpointId}: the
     * run's files are reopened and appended to, and training goes on as a new branch.
     */
    public static Trainer resume(Path runDir, String checkpointId, Clock clock) throws IOException, ConfigException {
        return resume(runDir, checkpointId, clock, 0);
    }

    /**
     * As {@link #resume(Path, String, Clock)}, with room for {@code moreEpochs} epochs after the
     * checkpoint even when the recorded run's epochs are used up (a finished search trial that a
     * person goes on training by hand): the epoch budget becomes at least the checkpoint's epoch plus
     * {@code moreEpochs}. 0 keeps the recorded budget.
     */
    public static Trainer resume(Path runDir, String checkpointId, Clock clock, int moreEpochs)
            throws IOException, ConfigException {
        if (moreEpochs < 0) {
            throw new IllegalArgumentException("more epochs must be 0 or more, got " + moreEpochs);
        }
        Run run = RunReader.read(runDir, false);
        CheckpointInfo cp = run.checkpoints().stream().filter(c -> c.id().equals(checkpointId))
                .findFirst().orElseThrow(() -> new IOException(runDir + " has no complete checkpoint '" + checkpointId + "'"));
        RunConfig recorded = configOf(run);
        RunConfig config = moreEpochs > 0 && cp.epoch() + moreEpochs > recorded.epochs()
                ? recorded.withEpochs((int) cp.epoch() + moreEpochs) : recorded;
        DataSpec.LoadedData data = config.loadData();
        Dataset train = data.split().train();
        NetworkConfig nc = config.network().toConfig(train.columns(), train.classes(), config.seed());
        Network net = new Network(nc, config.optimizer().toHyperparameters().optimizer());
        int highest = 0;
        for (var e : run.events()) {
            highest = Math.max(highest, e.branch());
        }
        RunWriter writer = RunWriter.reopen(runDir, clock);
        Trainer trainer = new Trainer(config, data, net, writer, clock);
        if (config.epochs() != recorded.epochs()) {
            writer.updateConfigEpochs(config.epochs());
        }
        trainer.continueFrom(cp, highest, versionOf(run));
        return trainer;
    }

    /**
     * The checkpoint a recorded run would go on from: the newest (highest step) of the branch it
     * ended on, or else the newest written; null when it has none.
     */
    public static CheckpointInfo newestCheckpoint(Run run) {
        int last = run.events().stream().mapToInt(e -> e.branch()).max().orElse(0);
        Comparator<CheckpointInfo> newest = Comparator
                .<CheckpointInfo>comparingInt(c -> c.branch() == last ? 1 : 0)
                .thenComparingLong(CheckpointInfo::step).thenComparingLong(CheckpointInfo::timeMillis);
        return run.checkpoints().stream().max(newest).orElse(null);
    }

    /** The configuration a recorded run was started with. */
    public static RunConfig configOf(Run run) throws ConfigException {
        return ConfigFiles.ofRun(run);
    }

    /** The program version that recorded a run (null when run.json does not say). */
    public static String versionOf(Run run) {
        return run.recordedBy();
    }

    /** The standardiser recorded in a run, or null when the run did not standardise. */
    public static Standardizer standardizerOf(Run run) {
        DataPart data;
        try {
            data = run.partOf("data", DataPart.class);
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException(run.dir().resolve(RunWriter.RUN_JSON)
                    + ": the data's standardiser cannot be read: " + e.getMessage(), e));
        }
        StandardizerPart s = data == null ? null : data.standardizer();
        return s == null || s.mean() == null || s.std() == null ? null : new Standardizer(s.mean(), s.std());
    }
}
