package babysitter.search;

import babysitter.store.Json;
import babysitter.store.JsonLinesFile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code trials.jsonl}: one compact JSON object per line, appended and flushed line by line (a
 * {@link JsonLinesFile}). A torn last line (the process was killed while writing it) is skipped
 * when read and cut off before the file is appended to again; any other unreadable line is skipped
 * with a warning that names the file and the line.
 */
final class TrialLog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TrialLog.class);

    private final Path file;
    private JsonLinesFile out;

    TrialLog(Path file) throws IOException {
        this.file = file;
        this.out = JsonLinesFile.open(file);
    }

    synchronized void append(ObjectNode line) {
        if (out == null) {
            LOG.debug("{} is closed; not written: {}", file, line);
            return;
        }
        try {
            out.append(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    /** A line of the log and its number (from 1). */
    record Line(long number, JsonNode node) {
    }

    /** The JSON objects of a log, numbered; every line that is not one goes to {@code warnings}. */
    static List<Line> read(Path file, List<String> warnings) throws IOException {
        List<Line> lines = new ArrayList<>();
        JsonLinesFile.read(file, new JsonLinesFile.Visitor() {
            @Override
            public void line(long lineNo, JsonNode value) {
                if (value != null && value.isObject()) {
                    lines.add(new Line(lineNo, value));
                } else {
                    warnings.add(file + " line " + lineNo + ": skipped: not a JSON object");
                }
            }

            @Override
            public void skipped(String warning) {
                warnings.add(warning);
            }
        });
        return lines;
    }

    /** The JSON objects of a log; unreadable lines are skipped (and logged). */
    static List<JsonNode> read(Path file) throws IOException {
        List<String> warnings = new ArrayList<>();
        List<JsonNode> out = read(file, warnings).stream().map(Line::node).toList();
        warnings.forEach(w -> LOG.warn("{}", w));
        return out;
    }

    /** A double as JSON: a number, or the strings "NaN", "Infinity", "-Infinity". */
    static void put(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.put(key, String.valueOf(v));
        }
    }

    static double number(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return Double.NaN;
        }
        if (n.isTextual()) {
            try {
                return Double.parseDouble(n.asText());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return n.asDouble();
    }

    /** A new line object. */
    static ObjectNode object() {
        return Json.object();
    }

    @Override
    public synchronized void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                LOG.warn("closing {}: {}", file, e.toString());
            }
            out = null;
        }
    }

    /** A line of the log: its type, the trial and the time. */
    static ObjectNode line(String type, int id) {
        ObjectNode o = object();
        o.put("type", type);
        o.put("trial", id);
        o.put("time", System.currentTimeMillis());
        return o;
    }

    /** The line that creates a trial with its values. */
    static ObjectNode created(int id, int round, Map<String, Object> values) {
        ObjectNode line = line("created", id);
        line.put("round", round);
        ObjectNode v = line.putObject("values");
        values.forEach((name, value) -> putValue(v, name, value));
        return line;
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
}
