package babysitter.store;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Objects;

/**
 * One insight report of an epoch (a confusion matrix, the sample browser's rows, the decision
 * regions…), stored as a line of {@code insights.jsonl} with {@code "type":"insight"}. The store
 * does not interpret the payload: the session chooses the kinds and what each payload holds.
 *
 * @param kind       what the payload is, e.g. "confusion", "samples", "regions"; not blank
 * @param epoch      the epoch it belongs to, &gt;= 0
 * @param branch     branch of the run, &gt;= 0
 * @param payload    any JSON object (null means empty); deep-copied in and out, so the record stays immutable
 * @param timeMillis wall-clock time in milliseconds since the epoch, &gt;= 0
 */
public record InsightRecord(String kind, int epoch, int branch, ObjectNode payload, long timeMillis) {

    public InsightRecord {
        Objects.requireNonNull(kind, "kind");
        if (kind.isBlank()) {
            throw new IllegalArgumentException("insight kind must not be blank, got '" + kind + "'");
        }
        Checks.nonNegative("epoch", epoch);
        Checks.nonNegative("branch", branch);
        payload = payload == null ? JsonNodeFactory.instance.objectNode() : payload.deepCopy();
        Checks.nonNegative("timeMillis", timeMillis);
    }

    /** A record whose payload is {@code payload} (a record) as the run files' mapper writes it. */
    public static InsightRecord of(String kind, int epoch, int branch, Object payload, long timeMillis) {
        return new InsightRecord(kind, epoch, branch, Json.MAPPER.valueToTree(payload), timeMillis);
    }

    /**
     * The payload read as a {@code type} with the mapper every run file is read with.
     *
     * @throws IOException when the payload does not fit {@code type} (its path names the field)
     */
    public <T> T payloadAs(Class<T> type) throws IOException {
        return Json.MAPPER.treeToValue(payload, type);
    }

    /** A copy of the payload: changing it does not change this record. */
    @Override
    public ObjectNode payload() {
        return payload.deepCopy();
    }
}
