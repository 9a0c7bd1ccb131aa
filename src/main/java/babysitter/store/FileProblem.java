package babysitter.store;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Why a run folder or one of its files cannot be read, as a kind and its values (paths, and an
 * error's own words) rather than a sentence, so that the Runs window can say it in its own language
 * ({@code store.problem.<key>} in the bundles). {@link #english()} is the sentence of the exception,
 * the command line's warnings and the log.
 *
 * @param kind   what is wrong
 * @param values its values, as {@link Kind} says
 */
public record FileProblem(Kind kind, List<String> values) {

    /** What is wrong, with its values. */
    public enum Kind {
        /** Said only in words: the words. */
        TEXT("text", 1),
        /** The run folder does not exist: the folder. */
        NO_RUN_FOLDER("noRunFolder", 1),
        /** A file stands where a run folder should: the path. */
        FILE_NOT_RUN_FOLDER("fileNotRunFolder", 1),
        /** A folder without its run.json: the folder, the missing file. */
        RUN_JSON_MISSING("runJsonMissing", 2),
        /** A folder stands where a JSON file should: the path. */
        FOLDER_NOT_JSON("folderNotJson", 1),
        /** A folder of runs cannot be listed: the folder, why (the system's words). */
        CANNOT_LIST("cannotList", 2),
        /** A folder another part of this program writes: the folder, this program's process. */
        IN_USE_HERE("inUseHere", 2),
        /** A folder another process writes: the folder, that process. */
        IN_USE_BY("inUseBy", 2),
        /** A folder another process writes, which one unknown: the folder. */
        IN_USE("inUse", 1),
        /**
         * A JSON file that cannot be read: the file, the JSON path ("" for none), the rule (the
         * parser's words), the line and column (-1 when unknown), and "true" for bad syntax.
         */
        BAD_JSON("badJson", 6);

        private final String key;
        private final int arity;

        Kind(String key, int arity) {
            this.key = key;
            this.arity = arity;
        }

        /** Its sentence's key in the bundles. */
        public String key() {
            return "store.problem." + key;
        }
    }

    public FileProblem {
        Objects.requireNonNull(kind, "kind");
        values = List.copyOf(values);
        if (values.size() != kind.arity) {
            throw new IllegalArgumentException(kind + " takes " + kind.arity + " values, got " + values);
        }
    }

    /** A problem of {@code kind} with its values. */
    public static FileProblem of(Kind kind, Object... values) {
        return new FileProblem(kind, java.util.Arrays.stream(values).map(String::valueOf).toList());
    }

    /** A problem said only in words. */
    public static FileProblem text(String words) {
        return of(Kind.TEXT, words);
    }

    /** The sentence in English. */
    public String english() {
        List<String> v = values;
        return switch (kind) {
            case TEXT -> v.get(0);
            case NO_RUN_FOLDER -> v.get(0) + ": no such run folder";
            case FILE_NOT_RUN_FOLDER -> v.get(0) + " is a file, not a run folder";
            case RUN_JSON_MISSING -> v.get(0) + " is not a run folder: " + v.get(1) + " is missing";
            case FOLDER_NOT_JSON -> v.get(0) + ": is a folder, not a JSON file";
            case CANNOT_LIST -> v.get(0) + ": cannot be listed: " + v.get(1);
            case IN_USE_HERE -> v.get(0) + " is in use by this program (process " + v.get(1) + "); close it there first";
            case IN_USE_BY -> v.get(0) + " is in use by process " + v.get(1) + "; close it there first";
            case IN_USE -> v.get(0) + " is in use by another process; close it there first";
            case BAD_JSON -> json().message(v.get(0));
        };
    }

    /** The JSON problem of a {@link Kind#BAD_JSON}. */
    public Json.Problem json() {
        if (kind != Kind.BAD_JSON) {
            throw new IllegalStateException(kind + " is not a JSON problem");
        }
        return new Json.Problem(values.get(1), values.get(2), Integer.parseInt(values.get(3)),
                Integer.parseInt(values.get(4)), Boolean.parseBoolean(values.get(5)));
    }

    /** A JSON file's problem. */
    public static FileProblem badJson(Path file, Json.Problem p) {
        return of(Kind.BAD_JSON, file, p.path(), p.rule(), p.line(), p.column(), p.syntax());
    }

    @Override
    public String toString() {
        return english();
    }
}
