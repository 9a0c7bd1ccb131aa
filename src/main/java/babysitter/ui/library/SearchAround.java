package babysitter.ui.library;

import babysitter.engine.Hyperparameters;
import babysitter.engine.optim.OptimizerKind;
import babysitter.search.Scale;
import babysitter.search.SearchSpace;
import babysitter.session.configuration.ConfigException;
import babysitter.session.configuration.RunConfig;
import babysitter.store.AtomicFiles;
import babysitter.store.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Session ▸ Search around this run…: a search space centred on a configuration — α on a log scale
 * one decade either side, β (momentum or Adam's β1) on a 1−β log scale from 10× further from 1 to
 * 10× closer, the mini-batch as powers of two from a quarter to four times it, the units of the
 * hidden layers from half to twice. Each parameter can be switched off or given another range
 * before the space is written.
 */
public final class SearchAround {
    private SearchAround() {
    }

    /** One parameter of the form: whether it is searched, its scale and its range. */
    public record Row(String name, boolean on, Scale scale, double min, double max) {
    }

    /** The rows around {@code config}'s values. */
    public static List<Row> around(RunConfig config) {
        Hyperparameters hp = config.optimizer().toHyperparameters();
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("learningRate", true, Scale.LOG, hp.learningRate() / 10, Math.min(hp.learningRate() * 10, 10)));
        String betaName = hp.optimizer() == OptimizerKind.ADAM ? "beta1"
                : hp.optimizer() == OptimizerKind.MOMENTUM ? "momentum" : null;
        if (betaName != null) {
            double beta = betaName.equals("beta1") ? hp.beta1() : hp.momentum();
            double gap = 1 - beta;
            rows.add(new Row(betaName, true, Scale.ONE_MINUS_LOG, Math.max(0, 1 - Math.min(1, gap * 10)),
                    1 - gap / 10));
        }
        int batch = hp.batchSize();
        rows.add(new Row("batchSize", true, Scale.POW2, Math.max(1, Integer.highestOneBit(batch) / 4),
                Integer.highestOneBit(batch) * 4 * (Integer.bitCount(batch) == 1 ? 1 : 2)));
        if (!config.network().hidden().isEmpty()) {
            int units = config.network().hidden().get(0).units();
            rows.add(new Row("units", true, Scale.INTEGER, Math.max(1, units / 2), units * 2));
        }
        return rows;
    }

    /**
     * Writes the space of the rows that are on to {@code file} and reads it back with the search's
     * own rules, so a range that breaks one is reported naming the parameter; nothing stays on disk then.
     */
    public static SearchSpace write(RunConfig base, List<Row> rows, Path file) throws IOException, ConfigException {
        ObjectNode root = Json.object();
        root.set("base", Json.MAPPER.valueToTree(base));
        ArrayNode params = root.putArray("params");
        for (Row r : rows) {
            if (r.on()) {
                ObjectNode p = params.addObject();
                p.put("name", r.name());
                p.put("scale", r.scale().jsonName());
                p.put("min", r.min());
                p.put("max", r.max());
            }
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        AtomicFiles.write(file, Json.pretty().writeValueAsBytes(root));
        try {
            return SearchSpace.read(file);
        } catch (ConfigException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /** Where the space of a search around {@code name} goes: {@code runsRoot/spaces/NAME-around.json}, not overwriting one. */
    public static Path spaceFile(Path runsRoot, String name) {
        String base = (name == null || name.isBlank() ? "run" : name).replaceAll("[^A-Za-z0-9._-]", "-")
                .toLowerCase(Locale.ROOT) + "-around";
        Path dir = runsRoot.resolve("spaces");
        Path f = dir.resolve(base + ".json");
        for (int k = 2; Files.exists(f); k++) {
            f = dir.resolve(base + "-" + k + ".json");
        }
        return f;
    }
}
