package babysitter.search.cluster;

/**
 * Something that happened in the cluster during a search: a member joined or left, a trial went
 * back to the queue, or a rarer note (a refused report, what the coordinator's own slots did).
 * The window says it in its language from the fields; {@link #toString} is the command line's
 * English.
 *
 * @param member  the member's host:port (joined, left), else null
 * @param role    "worker" or "coordinator" (joined), else null
 * @param slots   the member's slots (joined), else 0
 * @param trialId the trial (back to the queue, started, ended), else 0
 * @param note    what a {@link Kind#NOTE} says, else null
 */
public record ClusterEvent(Kind kind, String member, String role, int slots, int trialId, ClusterNote note) {
    /** What happened. */
    public enum Kind {
        MEMBER_JOINED,
        MEMBER_LEFT,
        /** A trial claimed or running on a member that left goes back to the queue. */
        TRIAL_BACK,
        /** A trial taken by a member that left before claiming it goes back to the queue. */
        TRIAL_BACK_UNCLAIMED,
        /** A slot of this member began a trial (home has been told). */
        TRIAL_STARTED,
        /** A slot of this member is done with a trial. */
        TRIAL_ENDED,
        NOTE
    }

    static ClusterEvent joined(String member, String role, int slots) {
        return new ClusterEvent(Kind.MEMBER_JOINED, member, role, slots, 0, null);
    }

    static ClusterEvent left(String member) {
        return new ClusterEvent(Kind.MEMBER_LEFT, member, null, 0, 0, null);
    }

    static ClusterEvent back(int trialId) {
        return new ClusterEvent(Kind.TRIAL_BACK, null, null, 0, trialId, null);
    }

    static ClusterEvent backUnclaimed(int trialId) {
        return new ClusterEvent(Kind.TRIAL_BACK_UNCLAIMED, null, null, 0, trialId, null);
    }

    static ClusterEvent started(int trialId) {
        return new ClusterEvent(Kind.TRIAL_STARTED, null, null, 0, trialId, null);
    }

    static ClusterEvent ended(int trialId) {
        return new ClusterEvent(Kind.TRIAL_ENDED, null, null, 0, trialId, null);
    }

    /** Words with no structure of their own. */
    public static ClusterEvent note(String words) {
        return note(ClusterNote.of(ClusterNote.Kind.TEXT, words));
    }

    /** A rarer note of a kind, with its values. */
    public static ClusterEvent note(ClusterNote.Kind kind, Object... values) {
        return note(ClusterNote.of(kind, values));
    }

    static ClusterEvent note(ClusterNote note) {
        return new ClusterEvent(Kind.NOTE, null, null, 0, 0, note);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case MEMBER_JOINED -> "member joined: " + member + " (" + role + ", " + slots + (slots == 1 ? " slot)" : " slots)");
            case MEMBER_LEFT -> "member left: " + member;
            case TRIAL_BACK -> "trial " + trialId + " goes back to the queue: its member left";
            case TRIAL_BACK_UNCLAIMED -> "trial " + trialId + " goes back to the queue: the member that took it left before claiming it";
            case TRIAL_STARTED -> "trial " + trialId + " started";
            case TRIAL_ENDED -> "trial " + trialId + " ended";
            case NOTE -> note.english();
        };
    }
}
