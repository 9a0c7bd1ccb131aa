package babysitter.store;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A checkpoint folder of a run, as described by its {@code checkpoint.json}.
 *
 * @param id         the folder's name inside {@code checkpoints/}; see {@link #checkId}
 * @param dir        the checkpoint folder
 * @param step       global step number of the saved network, &gt;= 0
 * @param epoch      epoch of the saved network, &gt;= 0
 * @param branch     branch of the run, &gt;= 0
 * @param timeMillis when the checkpoint was written, milliseconds since the epoch, &gt;= 0
 * @param extra      the caller's state (random generator, data iterator, …); null means empty;
 *                   deep-copied in and out
 */
public record CheckpointInfo(String id, Path dir, long step, int epoch, int branch, long timeMillis,
                             ObjectNode extra) {

    /** Longest checkpoint id accepted. */
    public static final int MAX_ID_LENGTH = 100;

    public CheckpointInfo {
        checkId(id);
        Objects.requireNonNull(dir, "dir");
        Checks.nonNegative("step", step);
        Checks.nonNegative("epoch", epoch);
        Checks.nonNegative("branch", branch);
        Checks.nonNegative("timeMillis", timeMillis);
        extra = extra == null ? JsonNodeFactory.instance.objectNode() : extra.deepCopy();
    }

    /** A copy of the extra state: changing it does not change this record. */
    @Override
    public ObjectNode extra() {
        return extra.deepCopy();
    }

    /**
     * The extra state read as a {@code type} (a record the caller stores with {@link
     * RunWriter#checkpointOf}), with the mapper every run file is read with.
     *
     * @throws IOException when the object does not fit {@code type}
     */
    public <T> T extraAs(Class<T> type) throws IOException {
        return Json.MAPPER.treeToValue(extra, type);
    }

    /**
     * Checks that {@code id} can name a checkpoint folder on any file system: 1 to
     * {@value #MAX_ID_LENGTH} characters out of letters A–Z a–z, digits, '.', '_' and '-', not
     * starting with '.' (names starting with '.' are reserved for temporary folders).
     *
     * @throws IllegalArgumentException naming the id and the rule it breaks
     */
    public static void checkId(String id) {
        Objects.requireNonNull(id, "checkpoint id");
        if (id.isEmpty() || id.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException("checkpoint id must have 1 to " + MAX_ID_LENGTH
                    + " characters, got '" + id + "' (" + id.length() + ")");
        }
        if (id.startsWith(".")) {
            throw new IllegalArgumentException("checkpoint id must not start with '.', got '" + id + "'");
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '-';
            if (!ok) {
                throw new IllegalArgumentException("checkpoint id may only contain letters A-Z a-z, digits, '.', '_'"
                        + " and '-', got '" + id + "' (character '" + c + "' at " + i + ")");
            }
        }
    }
}
