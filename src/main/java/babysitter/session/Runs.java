package babysitter.session;

import babysitter.data.DataSpec;
import babysitter.data.Dataset;
import babysitter.data.Standardizer;
import babysitter.engine.Network;
import babysitter.engine.NetworkConfig;
import babysitter.engine.NetworkFiles;
import babysitter.engine.NpyFormatException;
import babysitter.store.BadFileException;
import babysitter.store.CheckpointInfo;
import babysitter.store.Run;
import babysitter.store.RunReader;
import babysitter.store.RunWriter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;

/** Starting a run from its configuration, and reading a recorded run's configuration back. */
public final class Runs {
    /** The program version written into every run. */
    public static final String PROGRAM_VERSION = "0.2.0";

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
        String tooLarge = config.network().tooLarge(train.columns(), train.classes(),
                Math.min(config.optimizer().toHyperparameters().batchSize(), Math.max(1, train.rows())),
                Runtime.getRuntime().maxMemory());
        if (tooLarge != null) {
            throw new TooLargeException(config.network().widestPath() + ": " + tooLarge + " (data of "
                    + train.columns() + " features, " + train.classes() + " classes)");
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
                : RunWriter.create(runsRoot, config.name(), runJson(config, data, net, init, clock), clock);
        Trainer trainer = new Trainer(config, data, net, writer, clock);
        trainer.event(new babysitter.store.Event.Start(config.epochs()));
        return trainer;
    }

    /** What run.json holds: the configuration, the data as loaded, the network's shape, provenance. */
    public static ObjectNode runJson(RunConfig config, DataSpec.LoadedData data, Network net, Path init, Clock clock) {
        ObjectNode root = ConfigFiles.MAPPER.createObjectNode();
        root.put("program", "babysitter");
        root.put("version", PROGRAM_VERSION);
        root.put("created", Instant.now(clock).toString());
        root.set("config", ConfigFiles.toJson(config));
        ObjectNode d = root.putObject("data");
        d.put("description", data.description());
        d.put("train", data.split().train().rows());
        d.put("dev", data.split().dev().rows());
        d.put("test", data.split().test().rows());
        d.put("features", data.split().train().columns());
        ArrayNode classes = d.putArray("classNames");
        data.split().train().classNames().forEach(classes::add);
        Standardizer st = data.standardizer();
        if (st != null) {
            ObjectNode s = d.putObject("standardizer");
            ArrayNode mean = s.putArray("mean");
            for (double v : st.mean()) {
                mean.add(v);
            }
            ArrayNode std = s.putArray("std");
            for (double v : st.std()) {
                std.add(v);
            }
        }
        ArrayNode sizes = root.putObject("network").putArray("layerSizes");
        for (int l = 0; l <= net.depth(); l++) {
            sizes.add(net.config().units(l));
        }
        root.put("init", init == null ? null : init.toAbsolutePath().toString());
        return root;
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
            writer.updateRunJson(runJsonWithEpochs(runDir, config.epochs()));
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

    /** The run's {@code run.json} with its configuration's epochs set to {@code epochs}. */
    static ObjectNode runJsonWithEpochs(Path runDir, int epochs) {
        Path file = runDir.resolve(RunWriter.RUN_JSON);
        try {
            ObjectNode root = (ObjectNode) ConfigFiles.MAPPER.readTree(file.toFile());
            ((ObjectNode) root.path("config")).put("epochs", epochs);
            return root;
        } catch (IOException | ClassCastException e) {
            throw new UncheckedIOException(new IOException(file + ": cannot record the new number of epochs: "
                    + e.getMessage(), e));
        }
    }

    /** The configuration a recorded run was started with. */
    public static RunConfig configOf(Run run) throws ConfigException {
        JsonNode node = run.config().get("config");
        if (node == null || !node.isObject()) {
            throw new ConfigException("config", run.dir().resolve("run.json") + ": has no 'config' object");
        }
        return ConfigFiles.fromJson((ObjectNode) node, run.dir().resolve("run.json").toString(), versionOf(run));
    }

    /** The program version that recorded a run (null when run.json does not say). */
    public static String versionOf(Run run) {
        return run.recordedBy();
    }

    /** The standardiser recorded in a run, or null when the run did not standardise. */
    public static Standardizer standardizerOf(Run run) {
        JsonNode s = run.config().path("data").path("standardizer");
        if (!s.isObject()) {
            return null;
        }
        double[] mean = toDoubles(s.path("mean"));
        double[] std = toDoubles(s.path("std"));
        return new Standardizer(mean, std);
    }

    private static double[] toDoubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }
}
