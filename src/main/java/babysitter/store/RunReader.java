package babysitter.store;

import babysitter.engine.Network;
import babysitter.engine.NetworkFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a run folder written by {@link RunWriter}, also while it is being written or after its
 * writer was killed. Only a missing or unreadable {@code run.json} is an error; every line or
 * checkpoint that is incomplete or malformed is skipped and described in {@link Run#warnings()}.
 */
public final class RunReader {

    private static final Logger LOG = LoggerFactory.getLogger(RunReader.class);
    /** A folder name made by {@link RunWriter#create}: timestamp, name, optional "-k" suffix. */
    private static final Pattern RUN_NAME = Pattern.compile("(\\d{8}-\\d{6})-(.*?)(?:-(\\d+))?");

    private RunReader() {
    }

    /**
     * Everything complete in {@code runDir}: {@code run.json}, every complete and well-formed line
     * of {@code metrics.jsonl}, {@code events.jsonl} and {@code insights.jsonl} (missing files count
     * as empty) and every
     * checkpoint folder with a readable {@code checkpoint.json} that matches its folder.
     *
     * @throws IOException naming the file if {@code run.json} is missing or is not a JSON object,
     *                     or if a file cannot be read at all
     */
    public static Run read(Path runDir) throws IOException {
        return read(runDir, true);
    }

    /**
     * As {@link #read(Path)}; without {@code withInsights}, {@code insights.jsonl} is not read at all
     * (the run's {@link Run#insights()} is empty), which keeps reading a long run cheap for those who
     * need only its metrics, events and checkpoints.
     */
    public static Run read(Path runDir, boolean withInsights) throws IOException {
        Objects.requireNonNull(runDir, "runDir");
        ObjectNode config = readRunJson(runDir.resolve(RunWriter.RUN_JSON));
        List<String> warnings = new ArrayList<>();
        List<StepMetric> steps = new ArrayList<>();
        List<EpochMetric> epochs = new ArrayList<>();
        List<RunEvent> events = new ArrayList<>();
        List<InsightRecord> insights = new ArrayList<>();
        readLines(runDir.resolve(RunWriter.METRICS), warnings, (file, lineNo, record) -> {
            if (record instanceof StepMetric s) {
                steps.add(s);
            } else if (record instanceof EpochMetric e) {
                epochs.add(e);
            } else {
                warnings.add(file + " line " + lineNo + ": skipped: " + (record instanceof InsightRecord
                        ? "an insight belongs in " + RunWriter.INSIGHTS : "an event belongs in " + RunWriter.EVENTS));
            }
        });
        readLines(runDir.resolve(RunWriter.EVENTS), RecordedBy.versionOf(config), warnings, (file, lineNo, record) -> {
            if (record instanceof RunEvent e) {
                if (e.event() instanceof Event.Other o && o.problem() != null) {
                    warnings.add(file + " line " + lineNo + ": the \"" + o.kind() + "\" event cannot be read ("
                            + o.problem() + "); kept as written");
                }
                events.add(e);
            } else {
                warnings.add(file + " line " + lineNo + ": skipped: " + (record instanceof InsightRecord
                        ? "an insight belongs in " + RunWriter.INSIGHTS : "a metric belongs in " + RunWriter.METRICS));
            }
        });
        if (withInsights) {
            visitInsights(runDir, warnings, insights::add);
        }
        List<CheckpointInfo> checkpoints = readCheckpoints(runDir.resolve(RunWriter.CHECKPOINTS), warnings);
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(runDir,
                RunWriter.RUN_JSON + RunWriter.TEMP_PREFIX + "*")) {
            for (Path p : leftovers) {
                warnings.add(p + ": ignored: an unfinished replacement of " + RunWriter.RUN_JSON);
            }
        }
        for (String w : warnings) {
            LOG.warn("{}", w);
        }
        return new Run(runDir, config, steps, epochs, events, insights, checkpoints, warnings);
    }

    /**
     * Hands each complete, well-formed record of the run's {@code insights.jsonl} to {@code sink} in
     * file order without keeping any, so a reader that keeps only what it shows reads a long run in
     * little memory. A missing file counts as empty; torn, malformed and misplaced lines are skipped
     * and described in {@code warnings}, each naming the file and line.
     */
    public static void readInsights(Path runDir, List<String> warnings, Consumer<InsightRecord> sink)
            throws IOException {
        Objects.requireNonNull(runDir, "runDir");
        visitInsights(runDir, warnings, sink);
    }

    private static void visitInsights(Path runDir, List<String> warnings, Consumer<InsightRecord> sink)
            throws IOException {
        readLines(runDir.resolve(RunWriter.INSIGHTS), warnings, (file, lineNo, record) -> {
            if (record instanceof InsightRecord r) {
                sink.accept(r);
            } else {
                warnings.add(file + " line " + lineNo + ": skipped: only insights belong in " + RunWriter.INSIGHTS);
            }
        });
    }

    /** A network built from the checkpoint's files ({@link NetworkFiles#load}). */
    public static Network loadCheckpoint(CheckpointInfo c) throws IOException {
        Objects.requireNonNull(c, "checkpoint");
        return NetworkFiles.load(c.dir());
    }

    /**
     * The run folders directly inside {@code runsRoot} (folders with a {@code run.json}), newest
     * first: by the timestamp that starts the folder name, then by the "-k" suffix a run created in
     * the same second gets (higher first), then by name. Folders whose names do not start with a
     * timestamp come last, by name. An empty list if {@code runsRoot} does not exist.
     */
    public static List<Path> listRuns(Path runsRoot) throws IOException {
        Objects.requireNonNull(runsRoot, "runsRoot");
        List<Path> runs = new ArrayList<>();
        if (!Files.isDirectory(runsRoot)) {
            return runs;
        }
        RunFolders.removeUnfinished(runsRoot);
        try (DirectoryStream<Path> children = Files.newDirectoryStream(runsRoot)) {
            for (Path p : children) {
                if (Files.isDirectory(p) && Files.isRegularFile(p.resolve(RunWriter.RUN_JSON))) {
                    runs.add(p);
                }
            }
        }
        runs.sort(NEWEST_FIRST);
        return runs;
    }

    private static final Comparator<Path> NEWEST_FIRST = (a, b) -> {
        Matcher ma = RUN_NAME.matcher(a.getFileName().toString());
        Matcher mb = RUN_NAME.matcher(b.getFileName().toString());
        boolean ta = ma.matches();
        boolean tb = mb.matches();
        if (ta != tb) {
            return ta ? -1 : 1;
        }
        if (ta) {
            int byTime = mb.group(1).compareTo(ma.group(1));
            if (byTime != 0) {
                return byTime;
            }
            int byBase = ma.group(2).compareTo(mb.group(2));
            if (byBase == 0) {
                int bySuffix = Long.compare(suffix(mb), suffix(ma));
                if (bySuffix != 0) {
                    return bySuffix;
                }
            }
        }
        return a.getFileName().toString().compareTo(b.getFileName().toString());
    };

    private static long suffix(Matcher m) {
        String k = m.group(3);
        if (k == null) {
            return 1;
        }
        try {
            return Long.parseLong(k);
        } catch (NumberFormatException tooLong) {
            return 1;
        }
    }

    // ------------------------------------------------------------------ run.json

    private static ObjectNode readRunJson(Path file) throws IOException {
        Path dir = file.getParent();
        if (!Files.exists(dir)) {
            throw new BadFileException(dir, FileProblem.of(FileProblem.Kind.NO_RUN_FOLDER, dir));
        }
        if (!Files.isDirectory(dir)) {
            throw new BadFileException(dir, FileProblem.of(FileProblem.Kind.FILE_NOT_RUN_FOLDER, dir));
        }
        if (!Files.isRegularFile(file)) {
            throw new BadFileException(file, FileProblem.of(FileProblem.Kind.RUN_JSON_MISSING, dir, file));
        }
        return Json.readObject(file);
    }

    // ------------------------------------------------------------------ JSON lines

    @FunctionalInterface
    private interface LineSink {
        void accept(Path file, long lineNo, Record record);
    }

    /**
     * Parses each '\n'-terminated line of {@code file}; a last line without '\n' is torn (its writer
     * was interrupted) and skipped, like blank and malformed lines, with a warning.
     */
    private static void readLines(Path file, List<String> warnings, LineSink sink) throws IOException {
        readLines(file, null, warnings, sink);
    }

    /** As {@link #readLines(Path, List, LineSink)}, for a run recorded by program version {@code recordedBy}. */
    private static void readLines(Path file, String recordedBy, List<String> warnings, LineSink sink)
            throws IOException {
        JsonLinesFile.read(file, new JsonLinesFile.Visitor() {
            @Override
            public void line(long lineNo, JsonNode value) {
                try {
                    sink.accept(file, lineNo, JsonLines.parse(value, recordedBy));
                } catch (JsonLines.BadLine e) {
                    warnings.add(file + " line " + lineNo + ": skipped: " + e.getMessage());
                }
            }

            @Override
            public void skipped(String warning) {
                warnings.add(warning);
            }
        });
    }

    // ------------------------------------------------------------------ checkpoints

    private static List<CheckpointInfo> readCheckpoints(Path checkpoints, List<String> warnings) throws IOException {
        List<CheckpointInfo> list = new ArrayList<>();
        if (!Files.isDirectory(checkpoints)) {
            return list;
        }
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(checkpoints)) {
            ds.forEach(children::add);
        }
        children.sort(Comparator.naturalOrder());
        for (Path dir : children) {
            String name = dir.getFileName().toString();
            if (name.startsWith(RunWriter.TEMP_PREFIX)) {
                warnings.add(dir + ": skipped: an unfinished checkpoint (temporary folder)");
                continue;
            }
            if (!Files.isDirectory(dir)) {
                warnings.add(dir + ": skipped: not a folder");
                continue;
            }
            Path json = dir.resolve(RunWriter.CHECKPOINT_JSON);
            if (!Files.isRegularFile(json)) {
                warnings.add(dir + ": skipped: incomplete checkpoint, " + RunWriter.CHECKPOINT_JSON + " is missing");
                continue;
            }
            try {
                list.add(parseCheckpoint(dir, json));
            } catch (JsonLines.BadLine e) {
                warnings.add(json + ": skipped: " + e.getMessage());
            }
        }
        return list;
    }

    private static CheckpointInfo parseCheckpoint(Path dir, Path json) throws JsonLines.BadLine {
        JsonNode o;
        try {
            o = Json.readObject(json);
        } catch (BadFileException e) {
            String m = e.getMessage();
            throw new JsonLines.BadLine(m.startsWith(json.toString()) ? m.substring(json.toString().length() + 2) : m);
        } catch (IOException e) {
            throw new JsonLines.BadLine("cannot be read: " + e.getMessage());
        }
        if (o == null || !o.isObject()) {
            throw new JsonLines.BadLine("expected a JSON object");
        }
        long version = JsonLines.longValue(o, "formatVersion");
        if (version != RunWriter.CHECKPOINT_FORMAT_VERSION) {
            throw new JsonLines.BadLine("\"formatVersion\" is " + version + " but this program reads version "
                    + RunWriter.CHECKPOINT_FORMAT_VERSION);
        }
        String id = JsonLines.text(o, "id");
        String folder = dir.getFileName().toString();
        if (!id.equals(folder)) {
            throw new JsonLines.BadLine("\"id\" is '" + id + "' but the folder is '" + folder + "'");
        }
        JsonNode extra = o.get("extra");
        if (extra != null && !extra.isNull() && !extra.isObject()) {
            throw new JsonLines.BadLine("\"extra\" must be an object, got " + extra);
        }
        try {
            return new CheckpointInfo(id, dir, JsonLines.longValue(o, "step"), JsonLines.intValue(o, "epoch"),
                    JsonLines.intValue(o, "branch"), JsonLines.longValue(o, "timeMillis"),
                    extra instanceof ObjectNode e ? e : null);
        } catch (IllegalArgumentException e) {
            throw new JsonLines.BadLine(e.getMessage());
        }
    }
}
