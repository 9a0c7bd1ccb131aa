package babysitter.search.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import java.util.List;

/**
 * Looks at a cluster before a search joins it (the New search form's "cluster lab (3 members,
 * 4 slots)"): joins for a moment as a lite member that holds no data and trains nothing, counts the
 * others and their slots, and leaves.
 */
public final class ClusterProbe {
    private ClusterProbe() {
    }

    /**
     * What a look found.
     *
     * @param members members other than the look itself (0: nobody answered)
     * @param slots   their slots together
     * @param refusal why a search of this version could not use them (another version), or null
     */
    public record Found(int members, int slots, VersionRefusal refusal) {
    }

    /** Joins, counts and leaves; takes a few seconds (longer when nobody answers). */
    public static Found look(ClusterSpec spec) {
        HazelcastInstance hz = Members.start(spec, "probe", 0, true);
        try {
            List<Member> others = hz.getCluster().getMembers().stream().filter(m -> !m.localMember()).toList();
            return new Found(others.size(), Members.slots(others), Members.refusal(Members.version(), others));
        } finally {
            hz.shutdown();
        }
    }
}
