package babysitter.session.training;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A rule's state as it was at each checkpoint, so that a rewind gives the rule back the state it
 * had there. Bounded: the oldest entries go first (a checkpoint that old starts the rule afresh).
 */
public final class CheckpointMemory<S> {
    /** Entries kept: far more checkpoints than a session visits, a few hundred kilobytes at most. */
    static final int CAPACITY = 20_000;

    private final Map<String, S> states = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, S> eldest) {
            return size() > CAPACITY;
        }
    };

    public void put(String checkpointId, S state) {
        states.remove(checkpointId); // re-inserted as the newest
        states.put(checkpointId, state);
    }

    /** The state at a checkpoint, or {@code fresh} for one this memory has not seen. */
    public S at(String checkpointId, S fresh) {
        return states.getOrDefault(checkpointId, fresh);
    }
}
