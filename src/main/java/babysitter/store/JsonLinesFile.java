package babysitter.store;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A file of JSON lines: one compact JSON value per line, each line handed to the operating system
 * in one write. A process killed while writing leaves at most a torn last line without '\n':
 * readers skip it with a warning, and {@link #open} cuts it off before appending again.
 */
public final class JsonLinesFile implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(JsonLinesFile.class);

    private final Path file;
    private final OutputStream out;

    private JsonLinesFile(Path file, OutputStream out) {
        this.file = file;
        this.out = out;
    }

    /** Opens {@code file} for appending (created if missing), first cutting off a torn last line. */
    public static JsonLinesFile open(Path file) throws IOException {
        repairTornLine(file);
        try {
            return new JsonLinesFile(file, Files.newOutputStream(file, StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, StandardOpenOption.APPEND));
        } catch (IOException e) {
            throw new IOException("cannot open " + file + " for appending: " + AtomicFiles.describe(e), e);
        }
    }

    /** The file. */
    public Path file() {
        return file;
    }

    /** Appends one line; it is in the file (the operating system's cache) when this returns. */
    public void append(JsonNode value) throws IOException {
        appendLine(Json.line(value));
    }

    /** Appends a line's bytes (ending in '\n') in one write. */
    public void appendLine(byte[] line) throws IOException {
        try {
            out.write(line);
            out.flush();
        } catch (IOException e) {
            throw new IOException("cannot append to " + file + ": " + AtomicFiles.describe(e), e);
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    /**
     * Cuts a last line without '\n' off {@code file}. Returns the number of bytes removed (0 if the
     * file is missing, empty or ends with '\n').
     */
    public static long repairTornLine(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = ch.size();
            long keep = size;
            ByteBuffer buf = ByteBuffer.allocate(8192);
            // scan backwards for the last '\n'
            search:
            while (keep > 0) {
                long start = Math.max(0, keep - buf.capacity());
                buf.clear().limit((int) (keep - start));
                while (buf.hasRemaining()) {
                    if (ch.read(buf, start + buf.position()) < 0) {
                        throw new IOException(file + " shrank while it was being repaired");
                    }
                }
                for (int i = buf.limit() - 1; i >= 0; i--) {
                    if (buf.get(i) == '\n') {
                        keep = start + i + 1;
                        break search;
                    }
                }
                keep = start;
            }
            long removed = size - keep;
            if (removed > 0) {
                LOG.warn("{}: cutting off a torn last line of {} bytes (no '\\n'; the writer was interrupted)",
                        file, removed);
                ch.truncate(keep);
                ch.force(true);
            }
            return removed;
        }
    }

    /** Receives the lines of a file as they are read. */
    public interface Visitor {
        /** A well-formed line (numbered from 1). */
        void line(long lineNo, JsonNode value);

        /** A line that was skipped, and why ("FILE line N: skipped: …"). */
        void skipped(String warning);
    }

    /**
     * Reads {@code file} line by line without holding more than one line: each '\n'-terminated
     * line that is valid JSON goes to {@link Visitor#line}; blank lines, lines that are not valid
     * JSON (bad bytes included) and a torn last line go to {@link Visitor#skipped}. A missing file
     * reads as empty.
     */
    public static void read(Path file, Visitor visitor) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        try (InputStream in = Files.newInputStream(file)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream(256);
            byte[] buf = new byte[1 << 16];
            long lineNo = 0;
            int n;
            while ((n = in.read(buf)) > 0) {
                int from = 0;
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        line.write(buf, from, i - from);
                        from = i + 1;
                        lineNo++;
                        parse(file, lineNo, line.toByteArray(), visitor);
                        line.reset();
                    }
                }
                line.write(buf, from, n - from);
            }
            if (line.size() > 0) {
                visitor.skipped(file + " line " + (lineNo + 1) + ": skipped: torn last line of " + line.size()
                        + " bytes without '\\n' (the writer was interrupted)");
            }
        } catch (IOException e) {
            throw new IOException("cannot read " + file + ": " + AtomicFiles.describe(e), e);
        }
    }

    private static void parse(Path file, long lineNo, byte[] bytes, Visitor visitor) {
        if (isBlank(bytes)) {
            visitor.skipped(file + " line " + lineNo + ": skipped: blank line");
            return;
        }
        try {
            visitor.line(lineNo, Json.MAPPER.readTree(bytes));
        } catch (JacksonException e) {
            String m = Json.problem(e).message("");
            visitor.skipped(file + " line " + lineNo + ": skipped:" + m.substring(1));
        } catch (IOException e) {
            visitor.skipped(file + " line " + lineNo + ": skipped: " + e.getMessage());
        }
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
