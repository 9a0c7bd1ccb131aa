package babysitter.store;

import babysitter.engine.Network;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Objects;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one run folder:
 *
 * <pre>
 * runsRoot/yyyyMMdd-HHmmss-name/
 *   run.json          the caller's configuration, replaced atomically (temp file + atomic rename)
 *   metrics.jsonl     one JSON object per line: "type":"step" and "type":"epoch" records
 *   events.jsonl      one JSON object per line: "type":"event" records
 *   insights.jsonl    one JSON object per line: "type":"insight" records (confusion matrices, samples,
 *                     decision regions of each epoch), created with the first one
 *   checkpoints/ID/   NetworkFiles.save(...) plus checkpoint.json, renamed into place atomically
 * </pre>
 *
 * <p><b>Guarantees.</b> {@link #step}, {@link #epoch}, {@link #event} and {@link #insight} hand the whole line
 * (JSON plus '\n') to the operating system in one write before they return; a record whose call
 * has returned is in the file even if the JVM is then killed with SIGKILL. There is no fsync, so a
 * power cut or kernel crash may still lose the most recent records. If the JVM dies during a
 * write, the file can end in a partial line without '\n': {@link RunReader} skips it with a warning
 * and {@link #reopen} cuts it off before appending. A checkpoint folder is written under
 * {@code checkpoints/.tmp-ID-NANOTIME/}, its {@code checkpoint.json} last, then renamed to
 * {@code checkpoints/ID/} with an atomic move: {@code checkpoints/ID/} is either absent or
 * complete. {@code run.json} is likewise either the old or the new version.
 *
 * <p>Errors of the file system are thrown as {@link UncheckedIOException} (the cause names the
 * file). One writer per run folder; its methods are synchronized, so several threads may share it.
 */
public final class RunWriter implements Closeable {

    public static final String RUN_JSON = "run.json";
    public static final String METRICS = "metrics.jsonl";
    public static final String EVENTS = "events.jsonl";
    public static final String INSIGHTS = "insights.jsonl";
    public static final String CHECKPOINTS = "checkpoints";
    public static final String CHECKPOINT_JSON = "checkpoint.json";
    /** Prefix of the folders a checkpoint is written into before it is renamed into place. */
    public static final String TEMP_PREFIX = ".tmp-";
    /** Version of checkpoint.json written by this class. */
    public static final int CHECKPOINT_FORMAT_VERSION = 1;
    /** Longest sanitised run name used in a folder name. */
    public static final int MAX_NAME_LENGTH = 64;

    private static final Logger LOG = LoggerFactory.getLogger(RunWriter.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path dir;
    private final Clock clock;
    private final FolderLock lock;
    private final JsonLinesFile metrics;
    private final JsonLinesFile events;
    /** Opened with the first insight, so runs without insights get no empty file. */
    private JsonLinesFile insights;
    private boolean closed;

    private RunWriter(Path dir, Clock clock, FolderLock lock) throws IOException {
        this.dir = dir;
        this.clock = clock;
        this.lock = lock;
        JsonLinesFile m = null;
        try {
            m = JsonLinesFile.open(dir.resolve(METRICS));
            this.events = JsonLinesFile.open(dir.resolve(EVENTS));
        } catch (IOException | RuntimeException e) {
            if (m != null) {
                m.close();
            }
            lock.close();
            throw e;
        }
        this.metrics = m;
    }

    // ------------------------------------------------------------------ opening

    /** {@link #create(Path, String, ObjectNode, Clock)} with the system clock in the default time zone. */
    public static RunWriter create(Path runsRoot, String name, ObjectNode runJson) {
        return create(runsRoot, name, runJson, Clock.systemDefaultZone());
    }

    /**
     * Creates the folder {@code runsRoot/<yyyyMMdd-HHmmss>-<sanitised name>} (time from
     * {@code clock} in its zone; {@code -2}, {@code -3}, … appended if the name is taken), writes
     * {@code run.json} and opens the two line files.
     *
     * @see #sanitise(String)
     */
    public static RunWriter create(Path runsRoot, String name, ObjectNode runJson, Clock clock) {
        return createOf(runsRoot, name, runJson, clock);
    }

    /**
     * As {@link #create(Path, String, ObjectNode, Clock)} with run.json given as a value (a record)
     * that the run files' mapper writes.
     */
    public static RunWriter createOf(Path runsRoot, String name, Object runJson, Clock clock) {
        Objects.requireNonNull(runsRoot, "runsRoot");
        Objects.requireNonNull(runJson, "runJson");
        Objects.requireNonNull(clock, "clock");
        ObjectNode root = runJson instanceof ObjectNode o ? o : Json.MAPPER.valueToTree(runJson);
        String base = STAMP.format(LocalDateTime.ofInstant(clock.instant(), clock.getZone())) + "-" + sanitise(name);
        try {
            if (Files.exists(runsRoot) && !Files.isDirectory(runsRoot)) {
                throw new BadFileException(runsRoot, "", runsRoot + " is a file, not a folder: name a folder for the runs");
            }
            makeFolder(runsRoot);
            RunFolders.removeUnfinished(runsRoot);
            Path dir = null;
            FolderLock lock = null;
            for (int k = 1; dir == null; k++) {
                Path candidate = runsRoot.resolve(k == 1 ? base : base + "-" + k);
                try {
                    // createDirectory fails if the folder exists: two writers never share a folder
                    dir = Files.createDirectory(candidate);
                    lock = FolderLock.tryAcquire(dir);
                    if (lock == null) {
                        // a cleaner of unfinished folders took it first
                        dir = null;
                    }
                } catch (FileAlreadyExistsException taken) {
                    LOG.debug("run folder {} exists, trying the next suffix", candidate);
                }
            }
            try {
                AtomicFiles.write(dir.resolve(RUN_JSON), Json.pretty().writeValueAsBytes(root));
                Files.createDirectories(dir.resolve(CHECKPOINTS));
                LOG.debug("created run {}", dir);
                return new RunWriter(dir, clock, lock);
            } catch (IOException | RuntimeException e) {
                // nothing half-made stays behind
                lock.close();
                try {
                    deleteTree(dir);
                } catch (IOException cleanup) {
                    e.addSuppressed(cleanup);
                }
                throw e;
            }
        } catch (BadFileException e) {
            throw new UncheckedIOException(e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a run named '" + name + "' in " + runsRoot + ": "
                    + AtomicFiles.describe(e), e);
        }
    }

    /** {@link #reopen(Path, Clock)} with the system clock. */
    public static RunWriter reopen(Path runDir) {
        return reopen(runDir, Clock.systemDefaultZone());
    }

    /**
     * Opens an existing run to continue it. First repairs what an abrupt end of the previous
     * writer can leave: a last line of {@code metrics.jsonl}, {@code events.jsonl} or
     * {@code insights.jsonl} without '\n'
     * is cut off (with a logged warning), and leftover temporary checkpoint folders
     * ({@code checkpoints/.tmp-*}) and temporary {@code run.json} files are deleted. Complete
     * lines and checkpoints are never touched.
     *
     * @throws UncheckedIOException if {@code runDir} has no {@code run.json} or cannot be repaired
     */
    public static RunWriter reopen(Path runDir, Clock clock) {
        Objects.requireNonNull(runDir, "runDir");
        Objects.requireNonNull(clock, "clock");
        try {
            Path runJson = runDir.resolve(RUN_JSON);
            if (!Files.isRegularFile(runJson)) {
                throw new NoSuchFileException(runJson.toString(), null,
                        "not a run folder: " + RUN_JSON + " is missing");
            }
            FolderLock lock = FolderLock.acquire(runDir);
            try {
                return reopenLocked(runDir, clock, lock);
            } catch (IOException | RuntimeException e) {
                lock.close();
                throw e;
            }
        } catch (FolderLock.FolderInUseException e) {
            throw new UncheckedIOException(e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reopen run " + runDir + ": " + e.getMessage(), e);
        }
    }

    private static RunWriter reopenLocked(Path runDir, Clock clock, FolderLock lock) throws IOException {
        repairTornLine(runDir.resolve(METRICS));
        repairTornLine(runDir.resolve(EVENTS));
        repairTornLine(runDir.resolve(INSIGHTS));
        CheckpointFolders.removeUnfinished(runDir);
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(runDir, RUN_JSON + TEMP_PREFIX + "*")) {
            for (Path p : leftovers) {
                LOG.warn("deleting {}: an unfinished run.json of an earlier writer", p);
                Files.deleteIfExists(p);
            }
        }
        LOG.debug("reopened run {}", runDir);
        return new RunWriter(runDir, clock, lock);
    }

    /**
     * Cuts a last line without '\n' off {@code file}. Returns the number of bytes removed (0 if the
     * file is missing, empty or ends with '\n').
     */
    static long repairTornLine(Path file) throws IOException {
        return JsonLinesFile.repairTornLine(file);
    }

    /**
     * The part of a run folder's name made from the run name: accents removed, every run of
     * characters other than A–Z a–z 0–9 '.' '_' '-' replaced by one '-', no '-' or '.' at either
     * end, at most {@value #MAX_NAME_LENGTH} characters; "run" if nothing is left.
     */
    public static String sanitise(String name) {
        if (name == null) {
            return "run";
        }
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String s = plain.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("-{2,}", "-");
        s = trimEnds(s);
        if (s.length() > MAX_NAME_LENGTH) {
            s = trimEnds(s.substring(0, MAX_NAME_LENGTH));
        }
        return s.isEmpty() ? "run" : s;
    }

    private static String trimEnds(String s) {
        return s.replaceAll("^[-.]+", "").replaceAll("[-.]+$", "");
    }

    // ------------------------------------------------------------------ writing

    /** The run folder. */
    public Path dir() {
        return dir;
    }

    /** Appends a step metric to {@code metrics.jsonl}; it is in the file when this returns. */
    public synchronized void step(StepMetric m) {
        Objects.requireNonNull(m, "step metric");
        writeLine(metrics, JsonLines.line(JsonLines.toJson(m)));
    }

    /** Appends an epoch metric to {@code metrics.jsonl}; it is in the file when this returns. */
    public synchronized void epoch(EpochMetric m) {
        Objects.requireNonNull(m, "epoch metric");
        writeLine(metrics, JsonLines.line(JsonLines.toJson(m)));
    }

    /** Appends an event to {@code events.jsonl}; it is in the file when this returns. */
    public synchronized void event(RunEvent e) {
        Objects.requireNonNull(e, "event");
        writeLine(events, JsonLines.line(JsonLines.toJson(e)));
    }

    /** Appends an insight to {@code insights.jsonl} (created if need be); it is in the file when this returns. */
    public synchronized void insight(InsightRecord r) {
        Objects.requireNonNull(r, "insight");
        ensureOpen();
        if (insights == null) {
            try {
                insights = JsonLinesFile.open(dir.resolve(INSIGHTS));
            } catch (IOException e) {
                throw new UncheckedIOException(e.getMessage() + " (run " + dir + ")", e);
            }
        }
        writeLine(insights, JsonLines.line(JsonLines.toJson(r)));
    }

    private void writeLine(JsonLinesFile out, byte[] line) {
        ensureOpen();
        try {
            // one write of the whole line (the stream is unbuffered: nothing is held back in the JVM)
            out.appendLine(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage() + " (run " + dir + ")", e);
        }
    }

    /**
     * Records in {@code run.json} that the run's configuration now has {@code epochs} epochs (a run
     * given more), replacing the file atomically.
     */
    public synchronized void updateConfigEpochs(int epochs) {
        ensureOpen();
        Path file = dir.resolve(RUN_JSON);
        ObjectNode root;
        try {
            root = (ObjectNode) Json.MAPPER.readTree(file.toFile());
            ((ObjectNode) root.path("config")).put("epochs", epochs);
        } catch (IOException | ClassCastException e) {
            throw new UncheckedIOException(new IOException(file + ": cannot record the new number of epochs: "
                    + e.getMessage(), e));
        }
        updateRunJson(root);
    }

    /** Replaces {@code run.json} atomically: readers see the old or the new version, never a mix. */
    public synchronized void updateRunJson(ObjectNode runJson) {
        Objects.requireNonNull(runJson, "runJson");
        ensureOpen();
        Path file = dir.resolve(RUN_JSON);
        try {
            AtomicFiles.write(file, Json.pretty().writeValueAsBytes(runJson));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replace " + file + ": " + AtomicFiles.describe(e), e);
        }
    }

    /**
     * As {@link #checkpoint(String, Network, long, int, int, ObjectNode)} with the caller's state
     * given as a value (a record) that the run files' mapper writes as the {@code extra} object.
     */
    public CheckpointInfo checkpointOf(String id, Network net, long step, int epoch, int branch, Object extra) {
        return checkpoint(id, net, step, epoch, branch, extra == null ? null : (ObjectNode) Json.MAPPER.valueToTree(extra));
    }

    /**
     * Saves {@code net} as the checkpoint {@code checkpoints/<id>/} with a {@code checkpoint.json}
     * of {@code {formatVersion, id, step, epoch, branch, timeMillis, extra}} (time from the
     * writer's clock). The folder appears atomically, complete. Checkpoints are never replaced: an
     * existing checkpoint with the same id is an error and is left as it was.
     *
     * @param id    the folder name, see {@link CheckpointInfo#checkId}
     * @param extra the caller's state to keep with the network (random generator, data iterator…);
     *              null means empty
     * @throws IllegalArgumentException if the id is not valid
     * @throws UncheckedIOException     wrapping a {@link FileAlreadyExistsException} if the id is taken,
     *                                  or the error that stopped the save; no temporary folder is left behind
     */
    public synchronized CheckpointInfo checkpoint(String id, Network net, long step, int epoch, int branch,
                                                  ObjectNode extra) {
        CheckpointInfo.checkId(id);
        Objects.requireNonNull(net, "net");
        ensureOpen();
        return CheckpointFolders.write(dir, id, net, step, epoch, branch, clock.millis(), extra);
    }

    /**
     * Deletes checkpoint folder {@code id} (a retention rule no longer needs it): first renamed to a
     * temporary name, so that a crash half-way leaves a folder every reader skips, never half a
     * checkpoint.
     *
     * @throws UncheckedIOException naming the folder when it cannot be deleted
     */
    public synchronized void deleteCheckpoint(String id) {
        CheckpointFolders.delete(dir, id);
    }

    /** Closes the line files. Further writes throw {@link IllegalStateException}. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        IOException failure = null;
        for (JsonLinesFile out : new JsonLinesFile[] {metrics, events, insights}) {
            if (out == null) {
                continue;
            }
            try {
                out.close();
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        lock.close();
        if (failure != null) {
            throw new UncheckedIOException("cannot close the files of run " + dir + ": " + failure.getMessage(),
                    failure);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the writer of run " + dir + " is closed");
        }
    }

    // ------------------------------------------------------------------ files

    /**
     * Creates {@code folder} and its parents; a file in the way is bad input that names it.
     */
    public static void makeFolder(Path folder) throws IOException {
        try {
            Files.createDirectories(folder);
        } catch (FileAlreadyExistsException | NotDirectoryException e) {
            Path inTheWay = e.getFile() == null ? folder : Path.of(e.getFile());
            throw new BadFileException(folder, "", folder + " cannot be made: " + inTheWay + " is a file, not a folder", e);
        } catch (FileSystemException e) {
            if (e.getReason() != null && e.getReason().contains("Not a directory")) {
                throw new BadFileException(folder, "", folder + " cannot be made: a part of it is a file, not a folder", e);
            }
            throw e;
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
