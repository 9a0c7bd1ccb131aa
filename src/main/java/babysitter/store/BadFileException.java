package babysitter.store;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An input file that cannot be used as it is: not valid JSON, not the expected shape, or a run
 * folder that is not one. The message is one line that starts with the file and names the line,
 * column or JSON path where the problem was found and the rule it breaks. The command line
 * answers it with exit status 2 (bad input), not 1 (a failure while running).
 */
public class BadFileException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String jsonPath;
    private final FileProblem problem;

    /**
     * @param file     the offending file (or folder)
     * @param jsonPath the JSON path of the offending value, "" for the whole file
     * @param message  the whole message, starting with the file
     */
    public BadFileException(Path file, String jsonPath, String message) {
        this(file, jsonPath, message, null);
    }

    public BadFileException(Path file, String jsonPath, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
        this.jsonPath = jsonPath == null ? "" : jsonPath;
        this.problem = FileProblem.text(message);
    }

    /** A problem known by its kind and values (its message is the problem's English sentence). */
    public BadFileException(Path file, FileProblem problem) {
        super(problem.english());
        this.file = file;
        this.jsonPath = problem.kind() == FileProblem.Kind.BAD_JSON ? problem.json().path() : "";
        this.problem = problem;
    }

    /** What is wrong, as a kind and its values ({@link FileProblem.Kind#TEXT} when it is known only in words). */
    public FileProblem problem() {
        return problem;
    }

    /** The offending file or folder. */
    public Path file() {
        return file;
    }

    /** The JSON path of the offending value, or "". */
    public String jsonPath() {
        return jsonPath;
    }
}
