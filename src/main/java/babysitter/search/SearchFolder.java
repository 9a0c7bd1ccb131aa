package babysitter.search;

import babysitter.session.configuration.ConfigException;
import babysitter.store.AtomicFiles;
import babysitter.store.BadFileException;
import babysitter.store.FolderLock;
import babysitter.store.Json;
import babysitter.store.RunWriter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A search's folder on disk: {@code search.json} (settings and rounds, rewritten atomically) and
 * the trials as {@code trials.jsonl} replays them. Reading takes no lock and changes nothing;
 * {@link Search} adds the lock, the log's appends and the scheduling.
 */
public final class SearchFolder {
    private SearchFolder() {
    }

    /**
     * What a search folder holds.
     *
     * @param settings as the search was started
     * @param rounds   in order
     * @param trials   by id, as the log left them
     * @param warnings unreadable lines of the log that were skipped, each naming the file and line
     */
    public record Contents(Settings settings, List<Round> rounds, List<Trial> trials, List<String> warnings) {
        public Contents {
            rounds = List.copyOf(rounds);
            trials = List.copyOf(trials);
            warnings = List.copyOf(warnings);
        }
    }

    /** Reads the folder; a missing or broken {@code search.json} is an error naming the file and the JSON path. */
    static Contents read(Path dir) throws IOException, ConfigException {
        Path file = dir.resolve(Search.SEARCH_JSON);
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "no search here (no " + Search.SEARCH_JSON + ")");
        }
        JsonNode root;
        try {
            root = Json.readObject(file);
        } catch (BadFileException e) {
            // the same message, with the file's problem behind it for a window to say in its language
            ConfigException bad = new ConfigException(e.jsonPath(), e.getMessage());
            bad.initCause(e);
            throw bad;
        }
        Settings settings = settings(root.path("settings"), file.toString());
        List<Round> rounds = new ArrayList<>();
        JsonNode rs = root.path("rounds");
        for (int i = 0; i < rs.size(); i++) {
            JsonNode r = rs.get(i);
            String where = file + ": rounds[" + i + "].space";
            SearchSpace space = SearchSpace.parse(r.path("space").toString(), where, dir);
            Method method;
            try {
                method = Method.valueOf(r.path("method").asText("random").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("rounds[" + i + "].method", file + ": rounds[" + i + "].method: '"
                        + r.path("method").asText() + "' is not random or grid");
            }
            rounds.add(new Round(i, space, method, r.path("trials").asInt(), r.path("gridValuesPerAxis").asInt(),
                    r.path("origin").asText("")));
        }
        List<String> warnings = new ArrayList<>();
        Path log = dir.resolve(Search.TRIALS_JSONL);
        List<TrialLog.Line> lines = TrialLog.read(log, warnings);
        TreeMap<Integer, Trial> trials = new TreeMap<>();
        for (TrialLog.Line line : lines) {
            try {
                replay(line.node(), dir, rounds, trials);
            } catch (RuntimeException e) {
                // a line that does not make sense (a value of the wrong kind included) is skipped, not fatal
                warnings.add(log + " line " + line.number() + ": skipped: "
                        + (e.getMessage() == null ? "not a line this program wrote" : e.getMessage()));
            }
        }
        return new Contents(settings, rounds, List.copyOf(trials.values()), warnings);
    }

    private static Settings settings(JsonNode s, String source) throws ConfigException {
        try {
            JsonNode st = s.path("stopping");
            EarlyStopping stopping = new EarlyStopping(
                    EarlyStopping.Kind.valueOf(st.path("kind").asText("none").toUpperCase(Locale.ROOT)),
                    st.path("graceEpochs").asInt(EarlyStopping.DEFAULT_GRACE), st.path("eta").asDouble(EarlyStopping.DEFAULT_ETA));
            return new Settings(s.path("epochs").asInt(), s.path("parallel").asInt(1), stopping, s.path("seed").asLong());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("settings", source + ": settings: " + e.getMessage());
        }
    }

    /** Rewrites {@code search.json} atomically. */
    static void write(Path dir, Settings settings, List<Round> rounds) {
        ObjectNode root = Json.object();
        root.put("program", "babysitter");
        root.put("format", 1);
        ObjectNode s = root.putObject("settings");
        s.put("epochs", settings.epochs());
        s.put("parallel", settings.parallel());
        s.put("seed", settings.seed());
        ObjectNode st = s.putObject("stopping");
        st.put("kind", settings.stopping().kind().name().toLowerCase(Locale.ROOT));
        st.put("graceEpochs", settings.stopping().graceEpochs());
        st.put("eta", settings.stopping().eta());
        ArrayNode rs = root.putArray("rounds");
        for (Round r : rounds) {
            ObjectNode o = rs.addObject();
            o.put("index", r.index());
            o.put("method", r.method().name().toLowerCase(Locale.ROOT));
            o.put("trials", r.trials());
            o.put("gridValuesPerAxis", r.gridValuesPerAxis());
            o.put("origin", r.origin());
            o.set("space", r.space().toJson());
        }
        Path file = dir.resolve(Search.SEARCH_JSON);
        try {
            AtomicFiles.write(file, Json.pretty().writeValueAsBytes(root));
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    private static TrialState state(JsonNode n) {
        String name = n.path("state").asText("DONE");
        for (TrialState s : TrialState.values()) {
            if (s.name().equalsIgnoreCase(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown trial state '" + name + "'; known: "
                + Arrays.toString(TrialState.values()).toLowerCase(Locale.ROOT));
    }

    /** Applies one line of the log to the trials. */
    private static void replay(JsonNode n, Path dir, List<Round> rounds, Map<Integer, Trial> trials) {
        JsonNode idNode = n.get("trial");
        if (idNode == null || !idNode.canConvertToInt()) {
            throw new IllegalArgumentException("no trial number (\"trial\")");
        }
        int id = idNode.asInt(-1);
        String type = n.path("type").asText();
        if (type.equals("created")) {
            int round = n.path("round").asInt();
            if (round < 0 || round >= rounds.size()) {
                throw new IllegalArgumentException("trial " + id + " of unknown round " + round);
            }
            SearchSpace space = rounds.get(round).space();
            Map<String, Object> values = new LinkedHashMap<>();
            n.path("values").fields().forEachRemaining(e -> {
                Param p = space.param(e.getKey());
                Object raw = e.getValue().isNumber() ? (Object) e.getValue().numberValue() : e.getValue().asText();
                values.put(e.getKey(), p == null ? raw : p.coerce(raw));
            });
            trials.put(id, new Trial(id, round, values, TrialState.PENDING, List.of(), Double.NaN, -1, null, null, TrialNote.NONE));
            return;
        }
        Trial t = trials.get(id);
        if (t == null) {
            throw new IllegalArgumentException("a '" + type + "' line for unknown trial " + id);
        }
        switch (type) {
            case "started" -> {
                String rd = n.path("runDir").asText(null);
                trials.put(id, new Trial(id, t.round(), t.values(), TrialState.RUNNING, List.of(), Double.NaN, -1, null,
                        rd == null ? null : dir.resolve(rd), TrialNote.NONE));
            }
            case "epoch" -> trials.put(id, t.withEpoch(new EpochPoint(n.path("epoch").asInt(),
                    TrialLog.number(n.get("trainCost")), TrialLog.number(n.get("devCost")),
                    TrialLog.number(n.get("devAccuracy")), TrialLog.number(n.get("seconds"))),
                    n.path("checkpoint").asText(null)));
            case "finished" -> trials.put(id, t.withState(state(n), TrialNote.read(n)));
            case "cancelled" -> trials.put(id, t.withState(TrialState.PENDING, TrialNote.read(n)));
            default -> throw new IllegalArgumentException("unknown line type '" + type + "'");
        }
    }

    /** Makes the folder if needed and takes its lock (a file where the folder should be is an error naming it). */
    static FolderLock lock(Path dir) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new BadFileException(dir, "", dir + " is a file, not a folder: name a folder for the search");
        }
        RunWriter.makeFolder(dir);
        return FolderLock.acquire(dir);
    }
}
