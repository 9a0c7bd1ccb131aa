package babysitter.ui.search;

import babysitter.i18n.Texts;
import babysitter.search.cluster.ClusterEvent;
import babysitter.search.cluster.ClusterNote;
import babysitter.search.cluster.VersionRefusal;

/** A cluster event as the Search window says it, in the window's language. */
final class ClusterEventWords {
    private ClusterEventWords() {
    }

    static String say(ClusterEvent e) {
        return switch (e.kind()) {
            case MEMBER_JOINED -> Texts.get("search.cluster.event.joined", e.member(), role(e.role()), e.slots());
            case MEMBER_LEFT -> Texts.get("search.cluster.event.left", e.member());
            case TRIAL_BACK -> Texts.get("search.cluster.event.back", e.trialId());
            case TRIAL_BACK_UNCLAIMED -> Texts.get("search.cluster.event.backUnclaimed", e.trialId());
            case TRIAL_STARTED -> Texts.get("search.cluster.event.started", e.trialId());
            case TRIAL_ENDED -> Texts.get("search.cluster.event.ended", e.trialId());
            case NOTE -> note(e.note());
        };
    }

    /** A rarer note from the bundles around its values (an error's own message among them as it came); words alone as they are. */
    static String note(ClusterNote note) {
        return note.kind() == ClusterNote.Kind.TEXT ? note.english() : Texts.get(note.kind().key(), note.values().toArray());
    }

    /** Why a search of this version cannot use a cluster whose members run other versions. */
    static String refusal(VersionRefusal refusal) {
        String others = String.join(", ", refusal.others().entrySet().stream()
                .map(e -> Texts.get("search.cluster.runsVersion", e.getKey(), e.getValue())).toList());
        return Texts.get("search.cluster.versionRefusal", refusal.mine(), others);
    }

    /** A role of ours ("worker", "coordinator") in the window's language; another as it came. */
    private static String role(String role) {
        String key = "search.cluster.role." + role;
        return Texts.bundle().containsKey(key) ? Texts.get(key) : role;
    }
}
