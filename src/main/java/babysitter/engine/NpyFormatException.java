package babysitter.engine;

import java.io.IOException;
import java.nio.file.Path;

/** A file that is not a NumPy {@code .npy} file this program can read, or not the one expected. */
public final class NpyFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public NpyFormatException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    /** The offending file. */
    public Path file() {
        return file;
    }
}
