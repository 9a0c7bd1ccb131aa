package babysitter.cli;

import babysitter.data.DataSpec;
import babysitter.data.Dataset;
import babysitter.data.Split;
import babysitter.data.Standardizer;
import babysitter.engine.Network;
import babysitter.engine.NpyFile;
import babysitter.session.configuration.ConfigException;
import babysitter.session.configuration.ConfigFiles;
import babysitter.session.configuration.RunConfig;
import babysitter.session.insights.Predictions;
import babysitter.session.training.Evaluator;
import babysitter.session.training.Runs;
import babysitter.store.CheckpointInfo;
import babysitter.store.Json;
import babysitter.store.Run;
import babysitter.store.RunReader;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code eval}: accuracy, cost and confusion matrix of a checkpoint, in inference mode. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate a checkpoint of a run in inference mode: cost, accuracy, confusion matrix.")
final class EvalCommand implements Callable<Integer> {

    /** Which part of the data to evaluate. */
    enum Part { TRAIN, DEV, TEST }

    @Option(names = "--run", required = true, paramLabel = "DIR", description = "The run folder.")
    Path run;

    @Option(names = "--checkpoint", paramLabel = "N|ID",
            description = "Checkpoint: an epoch number (e.g. 3 for epoch-0003) or a checkpoint id; default the last.")
    String checkpoint;

    @Option(names = "--data", paramLabel = "FILE",
            description = "A data description (JSON, as the 'data' object of a configuration); default the run's own data.")
    Path data;

    @Option(names = "--split", paramLabel = "PART", defaultValue = "test",
            description = "train, dev or test (default: ${DEFAULT-VALUE}; an empty part falls back to dev, then train).")
    Part part;

    @Option(names = "--probs", paramLabel = "FILE",
            description = "Also write the inference-mode class probabilities of the evaluated part: a NumPy"
                    + " .npy array (rows × classes, in the network's precision) or a .csv file (a header of class"
                    + " names, one row per example, every value to full precision).")
    Path probs;

    @Option(names = "--json", description = "Print one JSON object (full precision) instead of the table.")
    boolean json;

    @Option(names = "--cost-digits", paramLabel = "N", defaultValue = "6",
            description = "Decimals of the cost in the table (default: ${DEFAULT-VALUE}; 17 shows every digit).")
    int costDigits;

    @Mixin
    Cli.Common common;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = common.out();
        Run r = common.readRun(run);
        CheckpointInfo cp = choose(r.checkpoints());
        Network net = RunReader.loadCheckpoint(cp);
        RunConfig config = Runs.configOf(r);
        Split split = data == null ? config.loadData().split() : external(r, config, net);
        Part used = part;
        Dataset d = pick(split, used);
        if (d.rows() == 0 && used == Part.TEST) {
            used = Part.DEV;
            d = split.dev();
        }
        if (d.rows() == 0 && used == Part.DEV) {
            used = Part.TRAIN;
            d = split.train();
        }
        if (d.rows() == 0) {
            throw new IllegalStateException("the data has no rows to evaluate");
        }
        if (d.columns() != net.config().inputSize() || d.classes() != net.config().classes()) {
            throw new Cli.UsageException((data != null ? data + ": " : "") + "the data has " + d.columns() + " features and " + d.classes()
                    + " classes but the network takes " + net.config().inputSize() + " features and "
                    + net.config().classes() + " classes");
        }
        if (costDigits < 0 || costDigits > 17) {
            throw new Cli.UsageException("--cost-digits must be in 0..17, got " + costDigits);
        }
        String probsKind = probs == null ? null : probsKind(probs);
        Network.Evaluation e = Evaluator.evaluate(net, d, Network.Mode.INFERENCE, 4096);
        long[][] confusion = Evaluator.confusion(net, d, 4096);
        String partName = used.name().toLowerCase(Locale.ROOT);
        if (probs != null) {
            writeProbabilities(probs, probsKind, Predictions.of(net, d, Network.Mode.INFERENCE, 4096), d.classNames());
        }
        if (json) {
            ObjectNode o = ConfigFiles.MAPPER.createObjectNode();
            o.put("checkpoint", cp.id());
            o.put("step", cp.step());
            o.put("epoch", cp.epoch());
            o.put("split", partName);
            o.put("examples", d.rows());
            o.put("cost", e.cost());
            o.put("accuracy", e.accuracy());
            o.put("mode", "inference");
            var names = o.putArray("classNames");
            d.classNames().forEach(names::add);
            var rows = o.putArray("confusion");
            for (long[] row : confusion) {
                var a = rows.addArray();
                for (long v : row) {
                    a.add(v);
                }
            }
            if (probs != null) {
                o.put("probs", probs.toString());
            }
            out.println(ConfigFiles.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(o));
            return 0;
        }
        out.printf("checkpoint %s (step %d, epoch %d) on %s part: %d examples%n", cp.id(), cp.step(), cp.epoch(),
                partName, d.rows());
        out.printf(Locale.ROOT, "cost %." + costDigits + "f  accuracy %.4f (inference mode)%n", e.cost(),
                e.accuracy());
        printConfusion(out, d.classNames(), confusion);
        if (probs != null) {
            out.println("probabilities written to " + probs);
        }
        return 0;
    }

    private static String probsKind(Path file) {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        if (name.endsWith(".npy")) {
            return "npy";
        }
        if (name.endsWith(".csv")) {
            return "csv";
        }
        throw new Cli.UsageException("--probs " + file + ": expected a file name ending in .npy or .csv");
    }

    /** Writes the probabilities to a temporary file first, so that a failure leaves no half-written file. */
    private static void writeProbabilities(Path file, String kind, INDArray p,
                                           List<String> classNames) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(parent, ".probs-", kind.equals("npy") ? ".npy" : ".csv");
        try {
            if (kind.equals("npy")) {
                NpyFile.write(tmp, p);
            } else {
                StringBuilder s = new StringBuilder(String.join(",", classNames.stream().map(EvalCommand::csvField)
                        .toList())).append('\n');
                boolean single = p.dataType() == DataType.FLOAT;
                for (int i = 0; i < p.rows(); i++) {
                    for (int c = 0; c < p.columns(); c++) {
                        if (c > 0) {
                            s.append(',');
                        }
                        // the shortest decimal that reads back to the same value
                        s.append(single ? Float.toString(p.getFloat(i, c)) : Double.toString(p.getDouble(i, c)));
                    }
                    s.append('\n');
                }
                Files.writeString(tmp, s);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private CheckpointInfo choose(List<CheckpointInfo> all) {
        if (all.isEmpty()) {
            throw new IllegalStateException(run + " has no complete checkpoint yet");
        }
        if (checkpoint == null) {
            return all.get(all.size() - 1);
        }
        String id = checkpoint;
        if (checkpoint.matches("\\d+")) {
            String digits = checkpoint.replaceFirst("^0+(?=\\d)", "");
            id = digits.length() > 9 ? "epoch-" + digits : String.format("epoch-%04d", Integer.parseInt(digits));
        }
        for (CheckpointInfo c : all) {
            if (c.id().equals(id)) {
                return c;
            }
        }
        StringBuilder ids = new StringBuilder();
        all.forEach(c -> ids.append(ids.length() == 0 ? "" : ", ").append(c.id()));
        throw new Cli.UsageException("--checkpoint " + checkpoint + ": no checkpoint '" + id + "' in " + run + "; the run has "
                + all.size() + (all.size() == 1 ? " checkpoint: " : " checkpoints: ") + ids);
    }

    /** External data, described like a configuration's 'data', standardised with the run's statistics. */
    private Split external(Run r, RunConfig config, Network net) throws IOException, ConfigException {
        ObjectNode node = Json.readObject(data);
        node.put("standardize", false);
        node.put("devFraction", 0.0);
        node.put("testFraction", 0.0);
        DataSpec spec;
        try {
            spec = ConfigFiles.MAPPER.treeToValue(node, DataSpec.class).withDefaults();
        } catch (JsonProcessingException e) {
            Json.Problem p = Json.problem(e);
            throw new ConfigException(p.path(), p.message(data.toString()));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("", data + ": " + e.getMessage());
        }
        Split raw = spec.load(config.seed(), config.storage()).split();
        int columns = raw.train().columns();
        if (columns != net.config().inputSize()) {
            throw new ConfigException("", data + ": the data have " + columns + " features but the network of " + r.dir()
                    + " takes " + net.config().inputSize());
        }
        Standardizer st = Runs.standardizerOf(r);
        return st == null ? raw : st.apply(raw);
    }

    private static String csvField(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static Dataset pick(Split s, Part p) {
        return switch (p) {
            case TRAIN -> s.train();
            case DEV -> s.dev();
            case TEST -> s.test();
        };
    }

    private static void printConfusion(PrintWriter out, List<String> names, long[][] counts) {
        int width = 6;
        for (String n : names) {
            width = Math.max(width, n.length() + 1);
        }
        for (long[] row : counts) {
            for (long v : row) {
                width = Math.max(width, Long.toString(v).length() + 1);
            }
        }
        out.println("confusion matrix (rows: true class, columns: predicted):");
        StringBuilder header = new StringBuilder(String.format("%" + width + "s", ""));
        for (String n : names) {
            header.append(String.format("%" + width + "s", n));
        }
        out.println(header);
        for (int i = 0; i < counts.length; i++) {
            StringBuilder line = new StringBuilder(String.format("%" + width + "s", names.get(i)));
            for (long v : counts[i]) {
                line.append(String.format("%" + width + "d", v));
            }
            out.println(line);
        }
    }
}
