package babysitter.search.cluster;

import java.util.List;
import java.util.Map;

/**
 * What a coordinator sees of its cluster at one moment, for a window to show: the members, how
 * many of their slots are training, which member ran each trial, and the pace.
 *
 * @param members      the members now, this process included
 * @param busy         slots training a trial now
 * @param trialMembers for every trial started since the coordinator joined, the member of its latest attempt
 * @param ended        trials that ended (done, stopped or failed; not handed back) since it joined
 * @param hours        hours since it joined
 */
public record ClusterStatus(String name, List<MemberInfo> members, int busy, Map<Integer, String> trialMembers,
                            int ended, double hours) {
    /** What this process calls itself in {@link #trialMembers}. */
    public static final String HERE = "this computer";
    /** How a member that has left is named (its address is no longer known). */
    public static final String GONE = "a member that left";

    /**
     * One member.
     *
     * @param address host:port it listens on
     * @param role    "coordinator", "worker" or "probe"
     * @param slots   trials it trains at once
     * @param self    this process
     */
    public record MemberInfo(String address, String role, int slots, boolean self) {
    }

    public ClusterStatus {
        members = List.copyOf(members);
        trialMembers = Map.copyOf(trialMembers);
    }

    /** Slots of all members together. */
    public int slots() {
        return members.stream().mapToInt(MemberInfo::slots).sum();
    }

    /** Slots free now (never below 0: a member may have left with trials still counted). */
    public int free() {
        return Math.max(0, slots() - busy);
    }

    /** Trials ended per hour since the coordinator joined, NaN before anything has ended. */
    public double trialsPerHour() {
        return ended > 0 && hours > 0 ? ended / hours : Double.NaN;
    }
}
