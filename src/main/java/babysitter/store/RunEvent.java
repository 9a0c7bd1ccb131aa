package babysitter.store;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * Something that happened to the run, stored as a line of {@code events.jsonl} with
 * {@code "type":"event"}. The kinds are free strings chosen by the session (for example
 * "start", "stop", "pause", "resume", "hyperparameters", "checkpoint", "rewind", "guard").
 *
 * @param kind       what happened, not blank
 * @param step       global step number when it happened, &gt;= 0
 * @param epoch      epoch when it happened, &gt;= 0
 * @param branch     branch of the run, &gt;= 0
 * @param details    any JSON object (null means empty); deep-copied in and out, so the record stays immutable
 * @param timeMillis wall-clock time in milliseconds since the epoch, &gt;= 0
 */
public record RunEvent(String kind, long step, int epoch, int branch, ObjectNode details, long timeMillis) {

    public RunEvent {
        Objects.requireNonNull(kind, "kind");
        if (kind.isBlank()) {
            throw new IllegalArgumentException("event kind must not be blank, got '" + kind + "'");
        }
        Checks.nonNegative("step", step);
        Checks.nonNegative("epoch", epoch);
        Checks.nonNegative("branch", branch);
        details = details == null ? JsonNodeFactory.instance.objectNode() : details.deepCopy();
        Checks.nonNegative("timeMillis", timeMillis);
    }

    /** A copy of the details: changing it does not change this event. */
    @Override
    public ObjectNode details() {
        return details.deepCopy();
    }
}
