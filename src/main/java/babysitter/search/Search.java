package babysitter.search;

import babysitter.session.ConfigException;
import babysitter.session.RunConfig;
import babysitter.store.AtomicFiles;
import babysitter.store.BadFileException;
import babysitter.store.FolderLock;
import babysitter.store.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A hyperparameter search kept on disk in a folder: rounds of trials, each trial an ordinary run
 * folder under {@code runs/}. {@code search.json} holds the settings and the rounds (rewritten
 * atomically), {@code trials.jsonl} every change of every trial (appended line by line).
 *
 * <p>Resume: {@link #open} replays the log; a trial that had not finished (the process was killed
 * or the search cancelled) starts again <em>from scratch in a fresh run folder</em> — its values are
 * kept, so with the same seed it trains exactly as it would have. The old partial run folder stays.
 *
 * <p>Thread-safety: every method may be called from any thread; {@link #run} blocks. Listeners are
 * called from worker threads without the search's lock held.
 */
public final class Search implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Search.class);

    public static final String SEARCH_JSON = "search.json";
    public static final String TRIALS_JSONL = "trials.jsonl";
    public static final String RUNS = "runs";
    /** Margin of the unit range within which the best value counts as "at the edge". */
    public static final double EDGE_MARGIN = 0.1;
    /** The most trials a round may have (a random round's count, a grid's product of axes). */
    public static final int MAX_TRIALS = 1000;

    private final Path dir;
    private final Settings settings;
    private final List<Round> rounds = new ArrayList<>();
    private final TreeMap<Integer, Trial> trials = new TreeMap<>();
    private final Map<Integer, StoppingRule> rules = new HashMap<>();
    private final List<SearchListener> listeners = new CopyOnWriteArrayList<>();
    private final Set<Integer> inFlight = new HashSet<>();
    private final Set<Integer> cancelledTrials = new HashSet<>();
    private final TrialLog log;
    private final FolderLock lock;
    private final List<String> warnings = new ArrayList<>();
    private volatile boolean cancelled;
    private boolean closed;
    private boolean running;

    private Search(Path dir, Settings settings, TrialLog log, FolderLock lock) {
        this.dir = dir;
        this.settings = settings;
        this.log = log;
        this.lock = lock;
    }

    /**
     * Why a round of {@code trials} random trials, or a grid of {@code gridValuesPerAxis} values per
     * axis, cannot be made ({@link #MAX_TRIALS}); null when it can. Checked before anything is built.
     */
    public static String tooLarge(SearchSpace space, Method method, int trials, int gridValuesPerAxis) {
        if (method == Method.RANDOM) {
            return trials > MAX_TRIALS ? trials + " trials are too many: a round has at most " + MAX_TRIALS : null;
        }
        if (gridValuesPerAxis > MAX_TRIALS) {
            return gridValuesPerAxis + " values per axis are too many: a grid has at most " + MAX_TRIALS + " trials";
        }
        long n = space.gridSize(gridValuesPerAxis);
        if (n <= MAX_TRIALS) {
            return null;
        }
        int fits = 1;
        while (fits < gridValuesPerAxis && space.gridSize(fits + 1) <= MAX_TRIALS) {
            fits++;
        }
        return "a grid of " + gridValuesPerAxis + " values per axis on " + space.params().size() + " axes has "
                + (n == Long.MAX_VALUE ? "too many" : String.valueOf(n)) + " trials, more than the " + MAX_TRIALS
                + " a round may have; " + fits + " values per axis fit";
    }

    private static FolderLock lockFolder(Path dir) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new BadFileException(dir, "", dir + " is a file, not a folder: name a folder for the search");
        }
        babysitter.store.RunWriter.makeFolder(dir);
        return FolderLock.acquire(dir);
    }

    /** What was skipped when the search was opened (unreadable lines of the log…), each naming the file and line. */
    public synchronized List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** Starts a search in {@code dir} (which must not hold one) with its first round. */
    public static Search create(Path dir, SearchSpace space, Method method, int trials, int gridValuesPerAxis,
                                Settings s) throws IOException {
        String tooLarge = tooLarge(space, method, trials, gridValuesPerAxis);
        if (tooLarge != null) {
            throw new IllegalArgumentException(tooLarge);
        }
        FolderLock lock = lockFolder(dir);
        try {
            if (Files.exists(dir.resolve(SEARCH_JSON))) {
                throw new AlreadyASearchException(dir, dir + " already holds a search (" + SEARCH_JSON
                        + "); resume it instead");
            }
            Files.createDirectories(dir.resolve(RUNS));
            Search search = new Search(dir, s, new TrialLog(dir.resolve(TRIALS_JSONL)), lock);
            search.addRound(space, method, trials, gridValuesPerAxis, "initial");
            return search;
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** Reopens a search; trials that did not finish will start again (from scratch) at the next {@link #run}. */
    public static Search open(Path dir) throws IOException, ConfigException {
        Path file = dir.resolve(SEARCH_JSON);
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "no search here (no " + SEARCH_JSON + ")");
        }
        FolderLock lock = FolderLock.acquire(dir);
        try {
            return open(dir, file, lock);
        } catch (IOException | ConfigException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private static Search open(Path dir, Path file, FolderLock lock) throws IOException, ConfigException {
        JsonNode root;
        try {
            root = Json.readObject(file);
        } catch (BadFileException e) {
            throw new ConfigException(e.jsonPath(), e.getMessage());
        }
        Settings settings = settingsFrom(root.path("settings"), file.toString());
        List<String> warnings = new ArrayList<>();
        List<TrialLog.Line> lines = TrialLog.read(dir.resolve(TRIALS_JSONL), warnings);
        Search search = new Search(dir, settings, new TrialLog(dir.resolve(TRIALS_JSONL)), lock);
        search.warnings.addAll(warnings);
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
            search.rounds.add(new Round(i, space, method, r.path("trials").asInt(), r.path("gridValuesPerAxis").asInt(),
                    r.path("origin").asText("")));
            search.rules.put(i, StoppingRule.of(settings.stopping()));
        }
        search.replay(lines);
        search.warnings.forEach(w -> LOG.warn("{}", w));
        return search;
    }

    private static Settings settingsFrom(JsonNode s, String source) throws ConfigException {
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

    /** The seed of round {@code index}'s draws. */
    static long roundSeed(long seed, int index) {
        return seed * 0x9E3779B97F4A7C15L + 1_000_003L * index + 17;
    }

    /** The trial values of a round: seeded random draws, or the grid. */
    static List<Map<String, Object>> draw(SearchSpace space, Method method, int trials, int gridValuesPerAxis,
                                          long seed, int index) {
        if (method == Method.GRID) {
            return space.grid(gridValuesPerAxis);
        }
        Random r = new Random(roundSeed(seed, index));
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < trials; i++) {
            out.add(space.sample(r));
        }
        return out;
    }

    // ---------------------------------------------------------------- snapshots

    public Path dir() {
        return dir;
    }

    public Settings settings() {
        return settings;
    }

    public synchronized List<Round> rounds() {
        return List.copyOf(rounds);
    }

    public synchronized List<Trial> trials() {
        return List.copyOf(trials.values());
    }

    /** The trial of that id, or null. */
    public synchronized Trial trial(int id) {
        return trials.get(id);
    }

    /** The trials of one round. */
    public synchronized List<Trial> trials(int round) {
        return trials.values().stream().filter(t -> t.round() == round).toList();
    }

    public void addListener(SearchListener l) {
        listeners.add(l);
    }

    public void removeListener(SearchListener l) {
        listeners.remove(l);
    }

    // ---------------------------------------------------------------- rounds

    /**
     * Adds a round and its trials (pending); a running {@link #run} picks them up. A grid round has
     * as many trials as its grid has points ({@code trials} is then ignored).
     */
    public Round addRound(SearchSpace space, Method method, int trials, int gridValuesPerAxis, String origin)
            throws IOException {
        if (method == Method.RANDOM && trials < 1) {
            throw new IllegalArgumentException("a random round needs at least 1 trial, got " + trials);
        }
        if (method == Method.GRID && gridValuesPerAxis < 1) {
            throw new IllegalArgumentException("a grid needs at least 1 value per axis, got " + gridValuesPerAxis);
        }
        String tooLarge = tooLarge(space, method, trials, gridValuesPerAxis);
        if (tooLarge != null) {
            throw new IllegalArgumentException(tooLarge);
        }
        Round round;
        List<Trial> created = new ArrayList<>();
        synchronized (this) {
            requireOpen();
            int index = rounds.size();
            List<Map<String, Object>> values = draw(space, method, trials, gridValuesPerAxis, settings.seed(), index);
            round = new Round(index, space, method, values.size(), method == Method.GRID ? gridValuesPerAxis : 0, origin);
            rounds.add(round);
            rules.put(index, StoppingRule.of(settings.stopping()));
            writeSearchJson();
            created.addAll(createMissing(round, values));
            notifyAll();
        }
        emit(l -> l.onRound(round));
        created.forEach(t -> emit(l -> l.onTrial(t)));
        return round;
    }

    /** Creates (and logs) the trials of a round that are not there yet. */
    private List<Trial> createMissing(Round round, List<Map<String, Object>> values) {
        int offset = 0;
        for (int i = 0; i < round.index(); i++) {
            offset += rounds.get(i).trials();
        }
        List<Trial> created = new ArrayList<>();
        for (int k = 0; k < values.size(); k++) {
            int id = offset + k + 1;
            if (trials.containsKey(id)) {
                continue;
            }
            Trial t = new Trial(id, round.index(), values.get(k), TrialState.PENDING, List.of(), Double.NaN, -1, null,
                    null, "");
            trials.put(id, t);
            ObjectNode line = line("created", id);
            line.put("round", round.index());
            ObjectNode v = line.putObject("values");
            values.get(k).forEach((name, value) -> putValue(v, name, value));
            log.append(line);
            created.add(t);
        }
        return created;
    }

    private static void putValue(ObjectNode o, String name, Object value) {
        if (value instanceof Integer i) {
            o.put(name, i);
        } else if (value instanceof Number n) {
            o.put(name, n.doubleValue());
        } else {
            o.put(name, String.valueOf(value));
        }
    }

    private void writeSearchJson() {
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
        Path file = dir.resolve(SEARCH_JSON);
        try {
            AtomicFiles.write(file, Json.pretty().writeValueAsBytes(root));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- replay

    private void replay(List<TrialLog.Line> lines) {
        Path file = dir.resolve(TRIALS_JSONL);
        for (TrialLog.Line line : lines) {
            try {
                replay(line.node());
            } catch (RuntimeException e) {
                // a line that does not make sense (a value of the wrong kind included) is skipped, not fatal
                warnings.add(file + " line " + line.number() + ": skipped: "
                        + (e.getMessage() == null ? "not a line this program wrote" : e.getMessage()));
            }
        }
        // Rounds whose trials were not all created (killed between search.json and the log).
        for (Round r : rounds) {
            createMissing(r, draw(r.space(), r.method(), r.trials(), r.gridValuesPerAxis(), settings.seed(), r.index()));
        }
        restartUnfinished();
    }

    private static TrialState state(JsonNode n) {
        String name = n.path("state").asText("DONE");
        for (TrialState s : TrialState.values()) {
            if (s.name().equalsIgnoreCase(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown trial state '" + name + "'; known: "
                + java.util.Arrays.toString(TrialState.values()).toLowerCase(Locale.ROOT));
    }

    private void replay(JsonNode n) {
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
            trials.put(id, new Trial(id, round, values, TrialState.PENDING, List.of(), Double.NaN, -1, null, null, ""));
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
                        rd == null ? null : dir.resolve(rd), ""));
            }
            case "epoch" -> trials.put(id, withEpoch(t, new EpochPoint(n.path("epoch").asInt(),
                    TrialLog.number(n.get("trainCost")), TrialLog.number(n.get("devCost")),
                    TrialLog.number(n.get("devAccuracy")), TrialLog.number(n.get("seconds"))),
                    n.path("checkpoint").asText(null)));
            case "finished" -> {
                TrialState state = state(n);
                trials.put(id, with(t, state, n.path("note").asText("")));
            }
            case "cancelled" -> trials.put(id, with(t, TrialState.PENDING, n.path("note").asText("")));
            default -> throw new IllegalArgumentException("unknown line type '" + type + "'");
        }
    }

    private void restartUnfinished() {
        // Trials that did not finish start again from scratch; the stopping rules learn the curves so far.
        for (Trial t : List.copyOf(trials.values())) {
            if (!t.state().finished()) {
                trials.put(t.id(), new Trial(t.id(), t.round(), t.values(), TrialState.PENDING, List.of(), Double.NaN, -1,
                        null, null, t.runDir() == null && t.note().isEmpty() ? "" : "restarts from scratch (interrupted)"));
            } else {
                StoppingRule rule = rules.get(t.round());
                double best = Double.NaN;
                for (EpochPoint p : t.curve()) {
                    if (!Double.isNaN(p.devAccuracy()) && (Double.isNaN(best) || p.devAccuracy() > best)) {
                        best = p.devAccuracy();
                    }
                    if (rule != null) {
                        rule.check(t.id(), p.epoch(), best);
                    }
                }
            }
        }
    }

    private static Trial with(Trial t, TrialState state, String note) {
        return new Trial(t.id(), t.round(), t.values(), state, t.curve(), t.bestDevAccuracy(), t.bestEpoch(),
                t.bestCheckpoint(), t.runDir(), note);
    }

    private static Trial withEpoch(Trial t, EpochPoint p, String checkpoint) {
        List<EpochPoint> curve = new ArrayList<>(t.curve());
        curve.add(p);
        double best = t.bestDevAccuracy();
        int bestEpoch = t.bestEpoch();
        String bestCp = t.bestCheckpoint();
        if (!Double.isNaN(p.devAccuracy()) && (Double.isNaN(best) || p.devAccuracy() > best)) {
            best = p.devAccuracy();
            bestEpoch = p.epoch();
            bestCp = checkpoint;
        }
        return new Trial(t.id(), t.round(), t.values(), t.state(), curve, best, bestEpoch, bestCp, t.runDir(), t.note());
    }

    private static ObjectNode line(String type, int id) {
        ObjectNode o = Json.object();
        o.put("type", type);
        o.put("trial", id);
        o.put("time", System.currentTimeMillis());
        return o;
    }

    // ---------------------------------------------------------------- running

    /**
     * Trains every unfinished trial of every round (rounds added meanwhile included), at most
     * {@code executor.workers()} at once, lowest id first; blocks until all are finished or
     * {@link #cancel()} was called and the running ones have stopped.
     */
    public void run(TrialExecutor executor) throws InterruptedException {
        synchronized (this) {
            requireOpen();
            if (running) {
                throw new IllegalStateException("the search in " + dir + " is already running");
            }
            running = true;
        }
        cancelled = false;
        try {
            while (true) {
                Trial next;
                RunConfig config = null;
                String invalid = null;
                synchronized (this) {
                    requireOpen();
                    while (true) {
                        if (cancelled) {
                            next = null;
                            break;
                        }
                        next = nextPending();
                        if (next == null && inFlight.isEmpty()) {
                            break;
                        }
                        if (next != null && inFlight.size() < executor.workers()) {
                            break;
                        }
                        wait();
                    }
                    if (next == null) {
                        break;
                    }
                    try {
                        config = rounds.get(next.round()).space().apply(next.values()).withName(next.name())
                                .withEpochs(settings.epochs());
                    } catch (IllegalArgumentException e) {
                        invalid = e.getMessage();
                    }
                    if (invalid == null) {
                        inFlight.add(next.id());
                        cancelledTrials.remove(next.id());
                    }
                }
                if (invalid != null) {
                    fail(next.id(), "invalid combination: " + invalid);
                    continue;
                }
                try {
                    executor.execute(new TrialTask(next.id(), config, dir.resolve(RUNS), settings.epochs()),
                            new Callback());
                } catch (RuntimeException e) {
                    fail(next.id(), "could not be started: " + e);
                }
            }
            synchronized (this) {
                while (!inFlight.isEmpty()) {
                    wait();
                }
            }
        } catch (InterruptedException e) {
            cancel();
            throw e;
        } finally {
            synchronized (this) {
                running = false;
            }
            emit(SearchListener::onFinished);
        }
    }

    /** Whether {@link #run} is going on. */
    public synchronized boolean isRunning() {
        return running;
    }

    private Trial nextPending() {
        for (Trial t : trials.values()) {
            if (t.state() == TrialState.PENDING && !inFlight.contains(t.id())) {
                return t;
            }
        }
        return null;
    }

    /** Running trials stop at their next step and stay unfinished (a later run or resume restarts them). */
    public void cancel() {
        cancelled = true;
        synchronized (this) {
            notifyAll();
        }
    }

    /** Whether {@link #cancel()} was called since the last {@link #run} began. */
    public boolean isCancelled() {
        return cancelled;
    }

    private void fail(int id, String message) {
        Trial t;
        synchronized (this) {
            t = trials.get(id);
            if (t == null || t.state().finished()) {
                inFlight.remove(id);
                notifyAll();
                return;
            }
            t = with(t, TrialState.FAILED, message);
            trials.put(id, t);
            ObjectNode line = line("finished", id);
            line.put("state", "FAILED");
            line.put("note", message);
            log.append(line);
            inFlight.remove(id);
            notifyAll();
        }
        Trial snapshot = t;
        emit(l -> l.onTrial(snapshot));
    }

    /** Reports of one executor task. */
    private final class Callback implements TrialTask.Callback {
        @Override
        public void onStarted(int trialId, Path runDir) {
            Trial t;
            synchronized (Search.this) {
                Trial old = trials.get(trialId);
                t = new Trial(trialId, old.round(), old.values(), TrialState.RUNNING, List.of(), Double.NaN, -1, null,
                        runDir, "");
                trials.put(trialId, t);
                ObjectNode line = line("started", trialId);
                line.put("runDir", relative(runDir));
                log.append(line);
            }
            Trial snapshot = t;
            emit(l -> l.onTrial(snapshot));
        }

        @Override
        public boolean onEpoch(int trialId, EpochPoint p, String checkpointId) {
            Trial t;
            boolean goOn;
            synchronized (Search.this) {
                Trial old = trials.get(trialId);
                t = withEpoch(old, p, checkpointId);
                ObjectNode line = line("epoch", trialId);
                line.put("epoch", p.epoch());
                TrialLog.put(line, "trainCost", p.trainCost());
                TrialLog.put(line, "devCost", p.devCost());
                TrialLog.put(line, "devAccuracy", p.devAccuracy());
                TrialLog.put(line, "seconds", p.seconds());
                line.put("checkpoint", checkpointId);
                log.append(line);
                String stop = null;
                if (p.epoch() < settings.epochs()) {
                    StoppingRule rule = rules.get(t.round());
                    stop = rule == null ? null : rule.check(trialId, p.epoch(), t.bestDevAccuracy());
                }
                if (stop != null) {
                    t = with(t, TrialState.STOPPED, stop);
                    ObjectNode fin = line("finished", trialId);
                    fin.put("state", "STOPPED");
                    fin.put("note", stop);
                    log.append(fin);
                    goOn = false;
                } else if (cancelled) {
                    cancelledTrials.add(trialId);
                    goOn = false;
                } else {
                    goOn = true;
                }
                trials.put(trialId, t);
            }
            Trial snapshot = t;
            emit(l -> l.onTrial(snapshot));
            return goOn;
        }

        @Override
        public boolean cancelled(int trialId) {
            if (cancelled) {
                synchronized (Search.this) {
                    cancelledTrials.add(trialId);
                }
                return true;
            }
            return false;
        }

        @Override
        public void onFinished(int trialId) {
            Trial t;
            synchronized (Search.this) {
                Trial old = trials.get(trialId);
                if (old.state() == TrialState.RUNNING) {
                    if (cancelledTrials.remove(trialId)) {
                        t = with(old, TrialState.PENDING, "cancelled after epoch " + old.curve().size()
                                + "; restarts from scratch");
                        ObjectNode line = line("cancelled", trialId);
                        line.put("note", t.note());
                        log.append(line);
                    } else {
                        t = with(old, TrialState.DONE, "");
                        ObjectNode line = line("finished", trialId);
                        line.put("state", "DONE");
                        line.put("note", "");
                        log.append(line);
                    }
                    trials.put(trialId, t);
                } else {
                    t = old;
                }
                inFlight.remove(trialId);
                Search.this.notifyAll();
            }
            Trial snapshot = t;
            emit(l -> l.onTrial(snapshot));
        }

        @Override
        public void onFailed(int trialId, String message) {
            fail(trialId, message);
        }
    }

    private String relative(Path runDir) {
        if (runDir == null) {
            return null;
        }
        try {
            return dir.toAbsolutePath().relativize(runDir.toAbsolutePath()).toString();
        } catch (IllegalArgumentException e) {
            return runDir.toAbsolutePath().toString();
        }
    }

    private void emit(Consumer<SearchListener> call) {
        for (SearchListener l : listeners) {
            try {
                call.accept(l);
            } catch (RuntimeException e) {
                LOG.warn("a search listener failed", e);
            }
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the search in " + dir + " is closed");
        }
    }

    // ---------------------------------------------------------------- results

    /** The best trials of all rounds (FAILED trials and trials without a dev accuracy left out). */
    public synchronized List<Trial> best(int k) {
        return rank(trials.values().stream().toList(), k);
    }

    /** The best trials of one round. */
    public synchronized List<Trial> best(int round, int k) {
        return rank(trials.values().stream().filter(t -> t.round() == round).toList(), k);
    }

    /** Best dev accuracy first, ties by lower dev cost at that epoch, then by id. */
    public static final Comparator<Trial> BEST_FIRST = Comparator
            .comparingDouble((Trial t) -> -t.bestDevAccuracy())
            .thenComparingDouble(t -> Double.isNaN(t.bestDevCost()) ? Double.POSITIVE_INFINITY : t.bestDevCost())
            .thenComparingInt(Trial::id);

    private static List<Trial> rank(List<Trial> all, int k) {
        return all.stream().filter(t -> t.state() != TrialState.FAILED && !Double.isNaN(t.bestDevAccuracy()))
                .sorted(BEST_FIRST).limit(Math.max(0, k)).toList();
    }

    /** Parameters on whose range edge the best trial of {@code round} sits. */
    public synchronized List<EdgeWarning> edgeWarnings(int round) {
        List<Trial> best = best(round, 1);
        if (best.isEmpty()) {
            return List.of();
        }
        Trial b = best.get(0);
        List<EdgeWarning> out = new ArrayList<>();
        for (Param p : rounds.get(round).space().params()) {
            Object v = b.values().get(p.name());
            if (v == null) {
                continue;
            }
            Param.Edge side = p.edge(v, EDGE_MARGIN);
            if (side != Param.Edge.NONE) {
                out.add(new EdgeWarning(p.name(), side, v, p.name() + ": the best trial (#" + b.id() + ", " + p.name() + " = "
                        + p.format(v) + ") sits at the " + (side == Param.Edge.HIGH ? "top" : "bottom")
                        + " of its range " + p.rangeText()
                        + ": grow the range, don't shrink it"));
            }
        }
        return out;
    }

    /** The space of {@code round} narrowed to the bounding box of its best {@code k} trials. */
    public synchronized SearchSpace topSpace(int round, int k) {
        List<Trial> top = best(round, k);
        if (top.isEmpty()) {
            throw new IllegalStateException("round " + (round + 1) + " has no trial with a dev accuracy yet");
        }
        return rounds.get(round).space().aroundTop(top.stream().map(Trial::values).toList());
    }

    /** Closes the trial log; the search stays on disk. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        log.close();
        lock.close();
    }

    /** A folder that already holds a search where a new one was to be made. */
    public static final class AlreadyASearchException extends BadFileException {
        private static final long serialVersionUID = 1L;

        AlreadyASearchException(Path dir, String message) {
            super(dir, "", message);
        }
    }
}
