package babysitter.store;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Replacing a file so that readers see the old or the new content, never a mix: the content is
 * written to a temporary file next to it ({@code NAME.tmp-NNN}), then moved over it atomically.
 * When anything fails the temporary file is removed and the error names the file.
 */
public final class AtomicFiles {
    /** The infix of temporary files: {@code run.json.tmp-123}. */
    public static final String TEMP_INFIX = ".tmp-";

    private AtomicFiles() {
    }

    /** What writes the content. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Replaces {@code file} by {@code bytes} atomically. */
    public static void write(Path file, byte[] bytes) throws IOException {
        write(file, out -> out.write(bytes));
    }

    /** Replaces {@code file} by what {@code content} writes, atomically. */
    public static void write(Path file, Content content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + TEMP_INFIX + System.nanoTime());
        try {
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                content.writeTo(out);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            deleteQuietly(tmp, e);
            throw named(file, e);
        } catch (RuntimeException e) {
            deleteQuietly(tmp, e);
            throw e;
        }
    }

    private static void deleteQuietly(Path tmp, Exception failure) {
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException cleanup) {
            failure.addSuppressed(cleanup);
        }
    }

    /** {@code e} with a message that names {@code file} (an I/O error of the system often names none). */
    static IOException named(Path file, IOException e) {
        if (e.getMessage() == null || !e.getMessage().contains(file.getFileName().toString())) {
            return new IOException("cannot write " + file + ": " + describe(e), e);
        }
        return e;
    }

    /** The system's reason of an I/O error, without Java's class names. */
    public static String describe(IOException e) {
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
