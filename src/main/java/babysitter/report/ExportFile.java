package babysitter.report;

import babysitter.store.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * How an export (report, chart, CSV) reaches the disk: written to a temporary file beside the
 * target, made readable by everyone (rw-r--r--, like any file a person saves), then moved into
 * place, so a reader never sees half a file and a failed write leaves the old one.
 */
public final class ExportFile {
    private ExportFile() {
    }

    /** Writes {@code text} as UTF-8 to {@code file}. */
    public static void write(Path file, String text) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new IOException("cannot write " + file + ": its folder does not exist");
        }
        AtomicFiles.write(file, text.getBytes(StandardCharsets.UTF_8));
        makeReadable(file);
    }

    /**
     * Gives a file the permissions of a saved document, rw-r--r-- (a temporary file is created
     * owner-only); nothing on a file system without POSIX permissions.
     */
    public static void makeReadable(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): the file has the folder's permissions
        }
    }
}
