package babysitter.store;

import babysitter.engine.Hyperparameters;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The summaries of many run folders, read without keeping their metrics. A summary is made once
 * by one pass over {@code metrics.jsonl} (only the epoch lines and the first and last step line are
 * parsed) and kept twice: in memory, and in the run folder as {@code .summary.json}, so the next
 * program start reads a small file instead of the metrics. Both copies carry the size and the
 * modification time of the files they were made from and count only while those still match.
 * Safe for several threads.
 */
public final class RunLibrary {
    /** The cached summary's file name in a run folder. */
    public static final String CACHE = ".summary.json";
    /** Changes when the summary's fields change, so an older cache is made again. */
    static final int CACHE_VERSION = 1;
    private static final Logger LOG = LoggerFactory.getLogger(RunLibrary.class);
    private static final String[] SOURCES = {RunWriter.RUN_JSON, RunWriter.METRICS, RunWriter.EVENTS, RunNotes.FILE};

    private final Map<Path, Cached> memory = new ConcurrentHashMap<>();
    private final AtomicInteger made = new AtomicInteger();

    private record Cached(String key, RunSummary summary) {
    }

    /** A run of the library with its state at the time it was listed. */
    public record Entry(RunSummary summary, RunSummary.State state) {
        public Entry {
            Objects.requireNonNull(summary, "summary");
            Objects.requireNonNull(state, "state");
        }
    }

    /** The runs found, newest first, and one problem for each folder that could not be read. */
    public record Listing(List<Entry> runs, List<FileProblem> problems) {
        public Listing {
            runs = List.copyOf(runs);
            problems = List.copyOf(problems);
        }

        /** The problems in English, one line each. */
        public List<String> warnings() {
            return problems.stream().map(FileProblem::english).toList();
        }
    }

    /**
     * Every run directly inside each of {@code roots} (a missing root counts as empty). The runs are
     * summarised on a few threads at once: making a summary mostly waits for the file system, and
     * with 1,000 runs without caches one thread took seconds (docs/PERFORMANCE.md).
     */
    public Listing list(List<Path> roots) {
        List<Path> dirs = new ArrayList<>();
        List<FileProblem> problems = new ArrayList<>();
        for (Path root : roots) {
            try {
                dirs.addAll(RunReader.listRuns(root));
            } catch (IOException e) {
                problems.add(FileProblem.of(FileProblem.Kind.CANNOT_LIST, root, AtomicFiles.describe(e)));
            }
        }
        List<Object> results = summarise(dirs);
        List<Entry> runs = new ArrayList<>();
        for (Object r : results) {
            if (r instanceof Entry e) {
                runs.add(e);
            } else {
                problems.add((FileProblem) r);
            }
        }
        return new Listing(runs, problems);
    }

    /** Threads that make summaries at once: enough to keep the disk busy, few enough for a small machine. */
    private static final int THREADS = Math.max(2, Math.min(8, 2 * Runtime.getRuntime().availableProcessors()));

    /** For each folder, in order, its entry or the warning that says why it could not be read. */
    private List<Object> summarise(List<Path> dirs) {
        if (dirs.size() < 2 * THREADS) {
            return dirs.stream().map(this::entryOrWarning).toList();
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "run-library");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (Path dir : dirs) {
                futures.add(pool.submit(() -> entryOrWarning(dir)));
            }
            List<Object> results = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                try {
                    results.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    results.add(FileProblem.text(dirs.get(i) + ": " + e.getCause()));
                }
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("listing the runs was interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private Object entryOrWarning(Path dir) {
        try {
            RunSummary s = summary(dir);
            return new Entry(s, state(s));
        } catch (BadFileException e) {
            return e.problem().kind() != FileProblem.Kind.TEXT || e.getMessage().contains(dir.toString()) ? e.problem()
                    : FileProblem.text(dir + ": " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            return FileProblem.text(e.getMessage() != null && e.getMessage().contains(dir.toString()) ? e.getMessage()
                    : dir + ": " + e.getMessage());
        }
    }

    /** How many summaries were made from the metrics (not taken from a cache) so far. */
    public int summariesMade() {
        return made.get();
    }

    /** Forgets the run's summary kept in memory (it was moved or deleted). */
    public void forget(Path runDir) {
        memory.remove(runDir);
    }

    /**
     * The summary of {@code runDir}: from memory or {@code .summary.json} when its files are unchanged,
     * else made from them (and cached).
     *
     * @throws BadFileException naming the file if {@code run.json} is missing or not a JSON object
     */
    public RunSummary summary(Path runDir) throws IOException {
        String key = key(runDir);
        Cached c = memory.get(runDir);
        if (c != null && c.key().equals(key)) {
            return c.summary();
        }
        RunSummary s = SummaryCache.read(runDir, key);
        if (s == null) {
            s = make(runDir);
            made.incrementAndGet();
            SummaryCache.write(runDir, key, s);
        }
        memory.put(runDir, new Cached(key, s));
        return s;
    }

    /** Whether the run ended, and if not, whether a process (this one or another) still writes it. */
    public static RunSummary.State state(RunSummary s) {
        if (s.ending() == RunSummary.Ending.FINISHED) {
            return RunSummary.State.FINISHED;
        }
        if (s.ending() == RunSummary.Ending.STOPPED) {
            return RunSummary.State.STOPPED;
        }
        Path dir = s.dir();
        if (!Files.exists(dir.resolve(FolderLock.FILE))) {
            return RunSummary.State.KILLED;
        }
        long pid = FolderLock.holder(dir);
        long me = ProcessHandle.current().pid();
        // the lock file keeps the pid of its last holder; only a live process can still hold it
        boolean alive = pid == me || pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        if (!alive) {
            return RunSummary.State.KILLED;
        }
        try (FolderLock probe = FolderLock.tryAcquire(dir)) {
            if (probe != null) {
                return RunSummary.State.KILLED;
            }
        } catch (IOException e) {
            return RunSummary.State.KILLED;
        }
        return pid == me ? RunSummary.State.RUNNING_HERE : RunSummary.State.RUNNING_ELSEWHERE;
    }

    // ------------------------------------------------------------------ the key of a summary

    /** Size and modification time of each file a summary is made from ("-" for a missing one). */
    static String key(Path runDir) throws IOException {
        StringBuilder b = new StringBuilder().append(CACHE_VERSION);
        for (String name : SOURCES) {
            b.append('|');
            try {
                BasicFileAttributes a = Files.readAttributes(runDir.resolve(name), BasicFileAttributes.class);
                b.append(a.size()).append(':').append(a.lastModifiedTime().toMillis());
            } catch (NoSuchFileException e) {
                if (name.equals(RunWriter.RUN_JSON)) {
                    throw new BadFileException(runDir,
                            FileProblem.of(FileProblem.Kind.RUN_JSON_MISSING, runDir, runDir.resolve(name)));
                }
                b.append('-');
            }
        }
        return b.toString();
    }

    // ------------------------------------------------------------------ making a summary

    static RunSummary make(Path runDir) throws IOException {
        ObjectNode root = Json.readObject(runDir.resolve(RunWriter.RUN_JSON));
        JsonNode config = root.path("config");
        String configName = config.path("name").asText("");
        String data = config.path("data").path("kind").asText("");
        List<String> sizes = new ArrayList<>();
        root.path("network").path("layerSizes").forEach(n -> sizes.add(n.asText()));
        String optimizer = config.path("optimizer").path("kind").asText("").toLowerCase(Locale.ROOT);
        int planned = config.path("epochs").asInt(0);
        long created = 0;
        try {
            created = root.hasNonNull("created") ? Instant.parse(root.get("created").asText()).toEpochMilli() : 0;
        } catch (DateTimeParseException e) {
            LOG.debug("{}: \"created\" is not a time: {}", runDir, e.getMessage());
        }
        Metrics m = scanMetrics(runDir.resolve(RunWriter.METRICS));
        Events ev = scanEvents(runDir.resolve(RunWriter.EVENTS));
        RunNotes notes;
        try {
            notes = RunNotes.read(runDir);
        } catch (IOException e) {
            LOG.warn("{}", e.getMessage());
            notes = RunNotes.NONE;
        }
        // The steps record the momentum hyperparameter; Adam's β is β1 and RMSprop's β2, from the
        // configuration and the last change of hyperparameters.
        String betaKey = optimizer.equals("adam") ? "beta1" : optimizer.equals("rmsprop") ? "beta2" : null;
        if (betaKey != null) {
            double configured = config.path("optimizer").path(betaKey).asDouble(betaKey.equals("beta1")
                    ? Hyperparameters.DEFAULTS.beta1() : Hyperparameters.DEFAULTS.beta2());
            m.betaStart = configured;
            m.betaLast = ev.lastChange == null ? configured
                    : betaKey.equals("beta1") ? ev.lastChange.beta1() : ev.lastChange.beta2();
        }
        RunSummary s = new RunSummary(runDir, "", data, String.join("-", sizes), optimizer, m.alphaStart, m.alphaLast,
                m.betaStart, m.betaLast, m.epochs, planned, m.steps, m.bestDevAccuracy, m.bestDevCost, m.wallSeconds(),
                ev.ending, Math.max(ev.branches, m.branches), sizeOf(runDir), created, RunNotes.NONE);
        return s.withNotes(notes, configName);
    }

    private static final class Metrics {
        double alphaStart = Double.NaN;
        double alphaLast = Double.NaN;
        double betaStart = Double.NaN;
        double betaLast = Double.NaN;
        int epochs;
        long steps;
        int branches;
        double bestDevAccuracy = Double.NaN;
        double bestDevCost = Double.NaN;
        double elapsed = Double.NaN;
        long firstMillis = -1;
        long lastMillis = -1;

        double wallSeconds() {
            if (!Double.isNaN(elapsed)) {
                return elapsed;
            }
            return firstMillis < 0 ? Double.NaN : (lastMillis - firstMillis) / 1000.0;
        }

        void time(long millis, double elapsedSeconds) {
            if (firstMillis < 0) {
                firstMillis = millis;
            }
            lastMillis = Math.max(lastMillis, millis);
            if (!Double.isNaN(elapsedSeconds)) {
                elapsed = Double.isNaN(elapsed) ? elapsedSeconds : Math.max(elapsed, elapsedSeconds);
            }
        }
    }

    /** One pass over the metrics: every epoch line, and the first and last step line, are parsed. */
    private static Metrics scanMetrics(Path file) throws IOException {
        Metrics m = new Metrics();
        if (!Files.isRegularFile(file)) {
            return m;
        }
        String firstStep = null;
        String lastStep = null;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("{\"type\":\"step\"")) {
                    if (firstStep == null) {
                        firstStep = line;
                    }
                    lastStep = line;
                } else if (line.contains("\"type\":\"epoch\"")) {
                    if (parse(file, line) instanceof EpochMetric e) {
                        m.epochs = Math.max(m.epochs, e.epoch() + 1);
                        m.steps = Math.max(m.steps, e.step());
                        m.branches = Math.max(m.branches, e.branch() + 1);
                        m.bestDevAccuracy = best(m.bestDevAccuracy, e.devAccuracy(), true);
                        m.bestDevCost = best(m.bestDevCost, e.devCost(), false);
                        m.time(e.timeMillis(), e.elapsedSeconds());
                    }
                }
            }
        }
        if (parse(file, firstStep) instanceof StepMetric s) {
            m.alphaStart = s.learningRate();
            m.betaStart = s.momentum();
            m.time(s.timeMillis(), s.elapsedSeconds());
        }
        if (parse(file, lastStep) instanceof StepMetric s) {
            m.alphaLast = s.learningRate();
            m.betaLast = s.momentum();
            m.steps = Math.max(m.steps, s.step() + 1);
            m.branches = Math.max(m.branches, s.branch() + 1);
            m.time(s.timeMillis(), s.elapsedSeconds());
        }
        return m;
    }

    private static double best(double sofar, double v, boolean higher) {
        if (Double.isNaN(v)) {
            return sofar;
        }
        return Double.isNaN(sofar) ? v : higher ? Math.max(sofar, v) : Math.min(sofar, v);
    }

    /** The record of a line, or null for none or a line that is torn or malformed (the full reader warns of those). */
    private static Record parse(Path file, String line) {
        if (line == null) {
            return null;
        }
        try {
            return JsonLines.parse(Json.MAPPER.readTree(line));
        } catch (IOException | JsonLines.BadLine | RuntimeException e) {
            LOG.debug("{}: a line skipped in the summary: {}", file, e.getMessage());
            return null;
        }
    }

    /** How the run ended, its branches, and the hyperparameters after its last change (null if none). */
    private record Events(RunSummary.Ending ending, int branches, Hyperparameters lastChange) {
    }

    private static Events scanEvents(Path file) throws IOException {
        RunSummary.Ending ending = RunSummary.Ending.NONE;
        int branches = 1;
        Hyperparameters lastChange = null;
        if (!Files.isRegularFile(file)) {
            return new Events(ending, branches, null);
        }
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (parse(file, line) instanceof RunEvent e) {
                    branches = Math.max(branches, e.branch() + 1);
                    if (e.event() instanceof Event.HyperparametersChanged change) {
                        lastChange = change.to();
                    }
                    ending = !(e.event() instanceof Event.Stop stop) ? RunSummary.Ending.NONE
                            : stop.finished() ? RunSummary.Ending.FINISHED
                            : RunSummary.Ending.STOPPED;
                }
            }
        }
        return new Events(ending, branches, lastChange);
    }

    /** Bytes of every file in {@code dir}, its sub-folders included; one look at each file (the walk's own). */
    private static long sizeOf(Path dir) throws IOException {
        long[] total = {0};
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes a) {
                if (a.isRegularFile()) {
                    total[0] += a.size();
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE; // removed while we looked (an old checkpoint)
                }
                throw e;
            }
        });
        return total[0];
    }
}
