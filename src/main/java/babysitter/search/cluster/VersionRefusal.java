package babysitter.search.cluster;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Why a member must not work with the others: it runs another Babysitter version than some of them
 * (a task means the same thing to both ends only with the same version). Kept as the versions, so
 * that the Search window can say it in its language; {@link #english()} is the command line's.
 *
 * @param mine   this member's version
 * @param others the other versions, by member address ("10.0.0.5:5701")
 */
public record VersionRefusal(String mine, Map<String, String> others) {
    public VersionRefusal {
        others = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(others));
    }

    /** "this member runs Babysitter 0.2.0 but 10.0.0.5:5701 runs Babysitter 0.3.0: every member … same version". */
    public String english() {
        return "this member runs Babysitter " + mine + " but "
                + others.entrySet().stream().map(e -> e.getKey() + " runs Babysitter " + e.getValue())
                        .collect(Collectors.joining(", "))
                + ": every member of a cluster must run the same version";
    }

    @Override
    public String toString() {
        return english();
    }

    /** A member refused to work with the others; the message is the refusal's English. */
    public static final class Refused extends IllegalStateException {
        private static final long serialVersionUID = 1L;
        private final transient VersionRefusal refusal;

        Refused(VersionRefusal refusal) {
            super(refusal.english());
            this.refusal = refusal;
        }

        public VersionRefusal refusal() {
            return refusal;
        }
    }
}
