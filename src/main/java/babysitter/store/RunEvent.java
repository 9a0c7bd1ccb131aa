package babysitter.store;

import java.util.Objects;

/**
 * Something that happened to the run, where and when: a line of {@code events.jsonl} with
 * {@code "type":"event"}. What happened is one of the {@link Event} records.
 *
 * @param step       global step number when it happened, &gt;= 0
 * @param epoch      epoch when it happened, &gt;= 0
 * @param branch     branch of the run, &gt;= 0
 * @param event      what happened
 * @param timeMillis wall-clock time in milliseconds since the epoch, &gt;= 0
 */
public record RunEvent(long step, int epoch, int branch, Event event, long timeMillis) {

    public RunEvent {
        Checks.nonNegative("step", step);
        Checks.nonNegative("epoch", epoch);
        Checks.nonNegative("branch", branch);
        Objects.requireNonNull(event, "event");
        Checks.nonNegative("timeMillis", timeMillis);
    }

    /** The name of the kind in {@code events.jsonl} ("checkpoint", "rewind", …). */
    public String kind() {
        return event.kind();
    }
}
