package babysitter.search.cluster;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The words of a cluster's rarer event (a refused report, a dropped task, a worker leaving) as a
 * kind and its values, so that the Search window can say it in its own language
 * ({@code search.cluster.note.<key>} in the bundles). {@link #english()} is the command line's line.
 * An error's own message is a value, kept as it came.
 *
 * @param kind   what happened
 * @param values its values, as many as {@link Kind}'s English has places
 */
public record ClusterNote(Kind kind, List<String> values) {

    /** What happened, with the English the command line prints ({0}, {1}… its values). */
    public enum Kind {
        /** Words with no structure of their own. */
        TEXT("text", "{0}"),
        REFUSED_REPORT("refusedReport", "refused a report: {0}"),
        IGNORED_REPORT("ignoredReport", "ignored a {0} report for trial {1}"),
        REFUSED_ANSWER("refusedAnswer", "refused an answer for trial {0}: {1}"),
        IGNORED_OTHER_VERSION("ignoredOtherVersion", "ignored a member: this member runs Babysitter {0} but {1} runs"
                + " Babysitter {2}: every member of a cluster must run the same version"),
        REFUSED_CANCEL("refusedCancel", "refused a cancel: {0}"),
        IDLE_LEAVING("idleLeaving", "no trial for {0} s: leaving"),
        TAKING_FAILED("takingFailed", "taking a trial failed: {0}"),
        DELIVERED_TWICE_HERE("deliveredTwiceHere", "dropped trial {0}: this worker took it already (delivered twice)"),
        DELIVERED_TWICE_ELSEWHERE("deliveredTwiceElsewhere",
                "dropped trial {0}: another member took it already (delivered twice)"),
        DROPPED_TASK("droppedTask", "dropped a task: {0}"),
        OTHER_VERSION("otherVersion", "this worker runs Babysitter {0} but the coordinator sends tasks of {1}:"
                + " every member of a cluster must run the same version"),
        COORDINATOR_LEFT("coordinatorLeft", "dropped trial {0}: its coordinator left"),
        NOT_SENT("notSent", "could not send {0} of trial {1}: {2}"),
        UNSENT_LEAVING("unsentLeaving", "reports still unsent after {0} s: leaving without them");

        private final String key;
        private final String english;
        private final int arity;

        Kind(String key, String english) {
            this.key = key;
            this.english = english;
            int n = 0;
            while (english.contains("{" + n + "}")) {
                n++;
            }
            this.arity = n;
        }

        /** Its sentence's key in the bundles. */
        public String key() {
            return "search.cluster.note." + key;
        }

        /** The command line's words, {0}, {1}… where its values go. */
        public String english() {
            return english;
        }
    }

    public ClusterNote {
        Objects.requireNonNull(kind, "kind");
        values = List.copyOf(values);
        if (values.size() != kind.arity) {
            throw new IllegalArgumentException(kind + " takes " + kind.arity + " values, got " + values);
        }
    }

    /** A note of {@code kind} with its values (each as its text). */
    public static ClusterNote of(Kind kind, Object... values) {
        return new ClusterNote(kind, Arrays.stream(values).map(String::valueOf).toList());
    }

    /** The command line's line. */
    public String english() {
        String s = kind.english;
        for (int i = 0; i < values.size(); i++) {
            s = s.replace("{" + i + "}", values.get(i));
        }
        return s;
    }

    @Override
    public String toString() {
        return english();
    }
}
