package babysitter.search;

import babysitter.session.configuration.ConfigException;
import babysitter.session.configuration.RunConfig;
import babysitter.store.FolderLock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
    final TreeMap<Integer, Trial> trials = new TreeMap<>();
    final Map<Integer, StoppingRule> rules = new HashMap<>();
    private final List<SearchListener> listeners = new CopyOnWriteArrayList<>();
    final Set<Integer> inFlight = new HashSet<>();
    final Set<Integer> cancelledTrials = new HashSet<>();
    final TrialLog log;
    private final FolderLock lock;
    private final List<String> warnings = new ArrayList<>();
    volatile boolean cancelled;
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
        return RoundDraws.tooLarge(space, method, trials, gridValuesPerAxis);
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
        FolderLock lock = SearchFolder.lock(dir);
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
        SearchFolder.Contents c = SearchFolder.read(dir);
        Search search = new Search(dir, c.settings(), new TrialLog(dir.resolve(TRIALS_JSONL)), lock);
        search.warnings.addAll(c.warnings());
        for (Round r : c.rounds()) {
            search.rounds.add(r);
            search.rules.put(r.index(), StoppingRule.of(c.settings().stopping()));
        }
        c.trials().forEach(t -> search.trials.put(t.id(), t));
        // Rounds whose trials were not all created (killed between search.json and the log).
        for (Round r : search.rounds) {
            search.createMissing(r, RoundDraws.draw(r.space(), r.method(), r.trials(), r.gridValuesPerAxis(), c.settings().seed(),
                    r.index()));
        }
        search.restartUnfinished();
        search.warnings.forEach(w -> LOG.warn("{}", w));
        return search;
    }

    /**
     * The search in {@code dir} as it is on disk, read without taking the folder's lock (a search
     * another process is running can be read): settings, rounds and the trials as their log left
     * them (unfinished ones as they were). Unreadable lines of the log are skipped and named in the
     * warnings.
     */
    public static SearchFolder.Contents read(Path dir) throws IOException, ConfigException {
        return SearchFolder.read(dir);
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
            List<Map<String, Object>> values = RoundDraws.draw(space, method, trials, gridValuesPerAxis, settings.seed(), index);
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
                    null, TrialNote.NONE);
            trials.put(id, t);
            log.append(TrialLog.created(id, round.index(), values.get(k)));
            created.add(t);
        }
        return created;
    }


    private void writeSearchJson() {
        SearchFolder.write(dir, settings, rounds);
    }

    // ---------------------------------------------------------------- resume

    private void restartUnfinished() {
        // Trials that did not finish start again from scratch; the stopping rules learn the curves so far.
        for (Trial t : List.copyOf(trials.values())) {
            if (!t.state().finished()) {
                trials.put(t.id(), new Trial(t.id(), t.round(), t.values(), TrialState.PENDING, List.of(), Double.NaN, -1,
                        null, null, t.runDir() == null && t.why().isEmpty() ? TrialNote.NONE : TrialNote.interrupted()));
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
                TrialNote invalid = null;
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
                    } catch (InvalidCombination e) {
                        invalid = TrialNote.invalidValue(e.combination(), e.problem());
                    } catch (IllegalArgumentException e) {
                        invalid = TrialNote.invalid(e.getMessage());
                    }
                    if (invalid == null) {
                        inFlight.add(next.id());
                        cancelledTrials.remove(next.id());
                    }
                }
                if (invalid != null) {
                    new TrialReports(this).onFailed(next.id(), invalid);
                    continue;
                }
                try {
                    executor.execute(new TrialTask(next.id(), config, dir.resolve(RUNS), settings.epochs()),
                            new TrialReports(this));
                } catch (RuntimeException e) {
                    new TrialReports(this).onFailed(next.id(), TrialNote.notStarted(e.toString()));
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


    String relative(Path runDir) {
        if (runDir == null) {
            return null;
        }
        try {
            return dir.toAbsolutePath().relativize(runDir.toAbsolutePath()).toString();
        } catch (IllegalArgumentException e) {
            return runDir.toAbsolutePath().toString();
        }
    }

    void emit(Consumer<SearchListener> call) {
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
        return Ranking.best(trials.values(), k);
    }

    /** The best trials of one round. */
    public synchronized List<Trial> best(int round, int k) {
        return Ranking.best(trials(round), k);
    }

    /** Best dev accuracy first, ties by lower dev cost at that epoch, then by id. */
    public static final Comparator<Trial> BEST_FIRST = Ranking.BEST_FIRST;

    /** Parameters on whose range edge the best trial of {@code round} sits. */
    public synchronized List<EdgeWarning> edgeWarnings(int round) {
        return Ranking.edgeWarnings(rounds.get(round), trials(round));
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
}
