package babysitter.data;

import java.nio.file.Path;

/**
 * A data file that cannot be read as the data set it should be: missing, unreadable or malformed.
 * The message is one line that starts with the file (and the line number or byte offset where the
 * problem was found, when there is one) and says what was expected.
 */
public final class DataFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public DataFileException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    public DataFileException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    /** The offending file (or folder). */
    public Path file() {
        return file;
    }
}
