package babysitter.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code trials.jsonl}: one compact JSON object per line, appended and flushed line by line. A torn
 * last line (the process was killed while writing it) is skipped when read and cut off before the
 * file is appended to again.
 */
final class TrialLog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TrialLog.class);
    static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private OutputStream out;

    TrialLog(Path file) throws IOException {
        this.file = file;
        cutTornTail(file);
        this.out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE);
    }

    private static void cutTornTail(Path file) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        byte[] all = Files.readAllBytes(file);
        int end = all.length;
        while (end > 0 && all[end - 1] != '\n') {
            end--;
        }
        if (end < all.length) {
            LOG.warn("{}: cutting a torn last line of {} bytes", file, all.length - end);
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.truncate(end);
            }
        }
    }

    synchronized void append(ObjectNode line) {
        if (out == null) {
            LOG.debug("{} is closed; not written: {}", file, line);
            return;
        }
        try {
            byte[] bytes = JSON.writeValueAsBytes(line);
            byte[] withNl = new byte[bytes.length + 1];
            System.arraycopy(bytes, 0, withNl, 0, bytes.length);
            withNl[bytes.length] = '\n';
            out.write(withNl);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file + ": " + e.getMessage(), e);
        }
    }

    /** The lines of a log; unreadable lines (a torn tail) are skipped. */
    static List<JsonNode> read(Path file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String s = lines.get(i);
            if (s.isBlank()) {
                continue;
            }
            try {
                JsonNode n = JSON.readTree(s);
                if (n != null && n.isObject()) {
                    out.add(n);
                    continue;
                }
            } catch (IOException e) {
                // reported below
            }
            LOG.warn("{}: line {} is not a JSON object; skipped", file, i + 1);
        }
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

    @Override
    public synchronized void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                LOG.warn("closing {}", file, e);
            }
            out = null;
        }
    }
}
