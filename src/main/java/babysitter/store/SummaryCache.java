package babysitter.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run's summary kept in its folder as {@code .summary.json}, with the key (sizes and modification
 * times of the files it was made from) it counts for; see {@link RunLibrary}.
 */
final class SummaryCache {
    private static final Logger LOG = LoggerFactory.getLogger(SummaryCache.class);

    /** Summaries of an older format are made again (2: Adam's and RMSprop's β from their β1, β2). */
    private static final int FORMAT = 2;

    private SummaryCache() {
    }

    /** The cached summary of {@code runDir} if it was made for {@code key}, else null. */
    static RunSummary read(Path runDir, String key) {
        Path file = runDir.resolve(RunLibrary.CACHE);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            ObjectNode o = Json.readObject(file);
            if (!key.equals(o.path("key").asText()) || o.path("format").asInt(1) != FORMAT) {
                return null;
            }
            List<String> tags = new ArrayList<>();
            o.path("tags").forEach(t -> tags.add(t.asText()));
            RunNotes notes = new RunNotes(o.path("title").asText(""), o.path("note").asText(""), tags);
            return new RunSummary(runDir, o.path("name").asText(), o.path("data").asText(),
                    o.path("network").asText(), o.path("optimizer").asText(), num(o, "alphaStart"),
                    num(o, "alphaLast"), num(o, "betaStart"), num(o, "betaLast"), o.path("epochs").asInt(),
                    o.path("plannedEpochs").asInt(), o.path("steps").asLong(), num(o, "bestDevAccuracy"),
                    num(o, "bestDevCost"), num(o, "wallSeconds"),
                    RunSummary.Ending.valueOf(o.path("ending").asText()), o.path("branches").asInt(1),
                    o.path("sizeBytes").asLong(), o.path("createdMillis").asLong(), notes);
        } catch (IOException | RuntimeException e) {
            LOG.debug("{}: not used, made again: {}", file, e.getMessage());
            return null;
        }
    }

    private static double num(ObjectNode o, String field) {
        try {
            return JsonLines.doubleValue(o, field);
        } catch (JsonLines.BadLine e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** Caches {@code s}, made for {@code key}; a folder that cannot be written is summarised again next time. */
    static void write(Path runDir, String key, RunSummary s) {
        ObjectNode o = Json.object();
        o.put("format", FORMAT);
        o.put("key", key);
        o.put("name", s.name());
        o.put("data", s.data());
        o.put("network", s.network());
        o.put("optimizer", s.optimizer());
        putNum(o, "alphaStart", s.alphaStart());
        putNum(o, "alphaLast", s.alphaLast());
        putNum(o, "betaStart", s.betaStart());
        putNum(o, "betaLast", s.betaLast());
        o.put("epochs", s.epochs());
        o.put("plannedEpochs", s.plannedEpochs());
        o.put("steps", s.steps());
        putNum(o, "bestDevAccuracy", s.bestDevAccuracy());
        putNum(o, "bestDevCost", s.bestDevCost());
        putNum(o, "wallSeconds", s.wallSeconds());
        o.put("ending", s.ending().name());
        o.put("branches", s.branches());
        o.put("sizeBytes", s.sizeBytes());
        o.put("createdMillis", s.createdMillis());
        o.put("title", s.notes().title());
        o.put("note", s.notes().note());
        s.notes().tags().forEach(o.putArray("tags")::add);
        try {
            AtomicFiles.write(runDir.resolve(RunLibrary.CACHE), Json.line(o));
        } catch (IOException e) {
            // a folder we may not write (a copy on read-only media) is summarised again next time
            LOG.debug("{}: cannot cache the summary: {}", runDir, e.getMessage());
        }
    }

    private static void putNum(ObjectNode o, String field, double v) {
        JsonLines.putDouble(o, field, v);
    }
}
