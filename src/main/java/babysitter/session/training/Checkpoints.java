package babysitter.session.training;

import babysitter.store.CheckpointInfo;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * A trainer's checkpoints: the newest ones in memory (a bounded ring, plus any pinned ones), the
 * folders written to the run store, and the lineage of branches, which says whether a checkpoint
 * lies on the history that led to the current state.
 */
final class Checkpoints {
    /** How many checkpoints are kept in memory by default. */
    static final int DEFAULT_RING = 20;

    private final ArrayDeque<Snapshot> ring = new ArrayDeque<>();
    private int capacity = DEFAULT_RING;
    /** Checkpoints kept in memory whatever the ring's size (a replay's rewind targets). */
    private final Map<String, Snapshot> pinned = new HashMap<>();
    private final Set<String> toPin = new HashSet<>();
    /** The folders in the run store, by id, oldest first. */
    private final Map<String, CheckpointInfo> onDisk = new LinkedHashMap<>();
    /** For each branch made by a rewind: the branch and step it was started from. */
    private final Map<Integer, long[]> forks = new HashMap<>();
    /**
     * Checkpoints that left the ring in the last {@link #GRACE_NANOS}, with the time they left. The
     * window's strip shows the ring as it was a moment ago and a fast run turns the ring over in a
     * fraction of a second: a chip a person clicks must still be there when the pause arrives.
     */
    private final ArrayDeque<Map.Entry<Long, Snapshot>> leaving = new ArrayDeque<>();
    private final LongSupplier nanos;
    /** Ids in the order they were taken, while in the ring or kept on disk for good. */
    private final Set<String> taken = new LinkedHashSet<>();

    /** How long a checkpoint that left the ring can still be restored from memory. */
    static final long GRACE_NANOS = 3_000_000_000L;
    /** At most this many of them (a tiny network's run makes hundreds a second). */
    static final int GRACE_COUNT = 500;

    /** @param nanos the time, in nanoseconds (System::nanoTime; a test's clock) */
    Checkpoints(LongSupplier nanos) {
        this.nanos = nanos;
    }

    /** The checkpoint in memory with this id, or null. */
    Snapshot inMemory(String id) {
        for (Snapshot s : ring) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        forgetLeft();
        for (Map.Entry<Long, Snapshot> e : leaving) {
            if (e.getValue().id().equals(id)) {
                return e.getValue();
            }
        }
        return pinned.get(id);
    }

    /** The checkpoint folder with this id in the run store, or null. */
    CheckpointInfo onDisk(String id) {
        return onDisk.get(id);
    }

    void keep(Snapshot s) {
        ring.addLast(s);
        taken.add(s.id());
        if (toPin.contains(s.id())) {
            pinned.put(s.id(), s);
        }
        trim();
    }

    /** Keeps the checkpoints with these ids in memory when they are taken, however many follow. */
    void pin(Collection<String> ids) {
        toPin.addAll(ids);
    }

    void wrote(CheckpointInfo info) {
        onDisk.put(info.id(), info);
    }

    /** The folder was deleted (by the retention rule). */
    void deletedFromDisk(String id) {
        onDisk.remove(id);
    }

    /** The folders in the run store, oldest first. */
    List<CheckpointInfo> written() {
        return List.copyOf(onDisk.values());
    }

    int capacity() {
        return capacity;
    }

    void setCapacity(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("checkpoints kept in memory must be at least 1, got " + n);
        }
        capacity = n;
        trim();
    }

    private void trim() {
        while (ring.size() > capacity) {
            leaving.addLast(Map.entry(nanos.getAsLong(), ring.removeFirst()));
        }
        forgetLeft();
    }

    private void forgetLeft() {
        long now = nanos.getAsLong();
        while (!leaving.isEmpty() && (leaving.size() > GRACE_COUNT || now - leaving.peekFirst().getKey() > GRACE_NANOS)) {
            leaving.removeFirst();
        }
    }

    /** The checkpoints one may rewind to and the strip offers: the ring and those kept for good, oldest first. */
    List<Snapshot.CheckpointSummary> summaries() {
        Map<String, Snapshot> inRing = new HashMap<>();
        ring.forEach(s -> inRing.put(s.id(), s));
        List<Snapshot.CheckpointSummary> out = new ArrayList<>();
        // what a person or a rule took stays offered after it leaves the ring: it is kept on disk for good
        for (Iterator<String> ids = taken.iterator(); ids.hasNext(); ) {
            String id = ids.next();
            Snapshot s = inRing.get(id);
            CheckpointInfo d = onDisk.get(id);
            if (s != null) {
                out.add(s.summary());
            } else if (d != null && !id.startsWith("epoch-")) {
                out.add(new Snapshot.CheckpointSummary(id, d.step(), d.epoch(), d.branch(), d.timeMillis()));
            } else {
                ids.remove();
            }
        }
        return out;
    }

    /** The ring as it is, to put back with {@link #restoreRing} (a sandbox leaves no checkpoint behind). */
    List<Snapshot> ringCopy() {
        return new ArrayList<>(ring);
    }

    void restoreRing(List<Snapshot> saved) {
        ring.clear();
        ring.addAll(saved);
        saved.forEach(s -> taken.add(s.id())); // no-op unless the sandbox's own checkpoints pushed them out
    }

    /** Branch {@code branch} was started from step {@code fromStep} of branch {@code fromBranch}. */
    void branched(int branch, int fromBranch, long fromStep) {
        forks.put(branch, new long[] {fromBranch, fromStep});
    }

    /**
     * Whether a checkpoint lies on the history that led to step {@code step} of {@code branch}: taken on
     * that branch at or before the step, or on an ancestor branch at or before the step it was left at.
     */
    boolean inLineage(Snapshot.CheckpointSummary c, int branch, long step) {
        int b = branch;
        long limit = step;
        while (true) {
            if (c.branch() == b) {
                return c.step() <= limit;
            }
            long[] fork = forks.get(b);
            if (fork == null) {
                return false;
            }
            b = (int) fork[0];
            limit = Math.min(limit, fork[1]);
        }
    }

    /** The newest checkpoint in the ring on the lineage of step {@code step} of {@code branch}, or null. */
    Snapshot.CheckpointSummary newestInLineage(int branch, long step) {
        for (Iterator<Snapshot> it = ring.descendingIterator(); it.hasNext(); ) {
            Snapshot.CheckpointSummary s = it.next().summary();
            if (inLineage(s, branch, step)) {
                return s;
            }
        }
        return null;
    }

    /** The ids kept, for a message: those in memory, and how many more are on disk. */
    String describe() {
        StringBuilder ids = new StringBuilder();
        ring.forEach(s -> ids.append(ids.length() == 0 ? "" : ", ").append(s.id()));
        long diskOnly = onDisk.keySet().stream().filter(id -> inMemory(id) == null).count();
        return (ids.length() == 0 ? "none in memory" : "in memory: " + ids)
                + (diskOnly == 0 ? "" : "; " + diskOnly + " more on disk");
    }
}
