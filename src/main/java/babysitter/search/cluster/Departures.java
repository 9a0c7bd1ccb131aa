package babysitter.search.cluster;

import com.hazelcast.collection.IQueue;
import com.hazelcast.map.IMap;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Which attempts a member that left takes with it: at once those it was training or had claimed;
 * after a grace those that are nowhere — not queued, not claimed, not started — as a worker takes a
 * task and then claims it, and a member that died in between leaves its task nowhere. The
 * coordinator's one thread alone uses it.
 */
final class Departures {
    /** How long after a member left a task that is nowhere is taken for lost with it. */
    static final long CLAIM_GRACE_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final IMap<String, String> claims;
    private final IQueue<byte[]> tasks;
    /** Attempts neither started nor claimed when a member left (token → when). */
    private final Map<String, Long> unclaimed = new HashMap<>();

    Departures(IMap<String, String> claims, IQueue<byte[]> tasks) {
        this.claims = claims;
        this.tasks = tasks;
    }

    /**
     * The attempts lost with {@code member} now; the unstarted and unclaimed ones are looked at
     * again by {@link #due}.
     *
     * @param owners every attempt out: token → the member training it, or null when not started
     */
    List<String> left(String member, Map<String, String> owners, long now) {
        List<String> lost = new ArrayList<>();
        Set<String> unstarted = new HashSet<>();
        owners.forEach((token, owner) -> {
            if (member.equals(owner)) {
                lost.add(token);
            } else if (owner == null) {
                unstarted.add(token);
            }
        });
        Map<String, String> holders = claims.getAll(unstarted);
        for (String token : unstarted) {
            String holder = holders.get(token);
            if (holder == null) {
                unclaimed.putIfAbsent(token, now);
            } else if (holder.equals(member)) {
                lost.add(token);
            }
        }
        return lost;
    }

    /**
     * The attempts whose task, a grace after a member left, is still nowhere: that member took it
     * in its last moments. (A live worker claims within milliseconds of taking; were one ever slower
     * than the grace, its attempt would be a duplicate, which the coordinator tells to stop.)
     *
     * @param unstartedTask an attempt's task bytes while it is out and not started, else null
     */
    List<String> due(long now, Function<String, byte[]> unstartedTask) {
        List<String> due = unclaimed.entrySet().stream().filter(e -> now - e.getValue() > CLAIM_GRACE_NANOS)
                .map(Map.Entry::getKey).toList();
        if (due.isEmpty()) {
            return List.of();
        }
        due.forEach(unclaimed::remove);
        Set<ByteBuffer> queued = new HashSet<>();
        tasks.forEach(b -> queued.add(ByteBuffer.wrap(b)));
        Map<String, String> holders = claims.getAll(new HashSet<>(due));
        List<String> lost = new ArrayList<>();
        for (String token : due) {
            byte[] task = unstartedTask.apply(token);
            if (task != null && !holders.containsKey(token) && !queued.contains(ByteBuffer.wrap(task))) {
                lost.add(token);
            }
        }
        return lost;
    }
}
