package babysitter.ui.search;

import static org.assertj.core.api.Assertions.assertThat;

import babysitter.search.cluster.ClusterEvent.Kind;
import babysitter.search.cluster.ClusterEvent;
import babysitter.search.cluster.ClusterNote;
import babysitter.search.cluster.VersionRefusal;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The cluster's events in the Search window: in English as the command line prints them, and in Korean. */
class ClusterEventWordsTest {
    private final Locale before = Locale.getDefault();

    private static final List<ClusterEvent> EVENTS = List.of(
            new ClusterEvent(Kind.MEMBER_JOINED, "127.0.0.1:5702", "worker", 1, 0, null),
            new ClusterEvent(Kind.MEMBER_JOINED, "127.0.0.1:5703", "coordinator", 0, 0, null),
            new ClusterEvent(Kind.MEMBER_JOINED, "127.0.0.1:5704", "worker", 4, 0, null),
            new ClusterEvent(Kind.MEMBER_LEFT, "127.0.0.1:5702", null, 0, 0, null),
            new ClusterEvent(Kind.TRIAL_BACK, null, null, 0, 7, null),
            new ClusterEvent(Kind.TRIAL_BACK_UNCLAIMED, null, null, 0, 12, null),
            new ClusterEvent(Kind.TRIAL_STARTED, null, null, 0, 3, null),
            new ClusterEvent(Kind.TRIAL_ENDED, null, null, 0, 3, null),
            ClusterEvent.note("words from elsewhere"),
            ClusterEvent.note(ClusterNote.Kind.REFUSED_REPORT, "bad signature"),
            ClusterEvent.note(ClusterNote.Kind.IDLE_LEAVING, 60),
            ClusterEvent.note(ClusterNote.Kind.NOT_SENT, "EPOCH", 4, "interrupted"));

    @AfterEach
    void restore() {
        Locale.setDefault(before);
    }

    @Test
    void inEnglishTheWindowSaysWhatTheCommandLinePrints() {
        Locale.setDefault(Locale.US);
        for (ClusterEvent e : EVENTS) {
            assertThat(ClusterEventWords.say(e)).isEqualTo(e.toString());
        }
        assertThat(EVENTS.get(0).toString()).isEqualTo("member joined: 127.0.0.1:5702 (worker, 1 slot)");
        assertThat(EVENTS.get(2).toString()).isEqualTo("member joined: 127.0.0.1:5704 (worker, 4 slots)");
    }

    @Test
    void inKoreanTheEventsAreSaidInKoreanWithTheirAddressesAndTrials() {
        Locale.setDefault(Locale.KOREAN);
        assertThat(ClusterEventWords.say(EVENTS.get(0))).isEqualTo("멤버 참여: 127.0.0.1:5702 (워커, 슬롯 1개)");
        assertThat(ClusterEventWords.say(EVENTS.get(1))).isEqualTo("멤버 참여: 127.0.0.1:5703 (코디네이터, 슬롯 0개)");
        assertThat(ClusterEventWords.say(EVENTS.get(3))).isEqualTo("멤버 떠남: 127.0.0.1:5702");
        assertThat(ClusterEventWords.say(EVENTS.get(4))).isEqualTo("시행 7을(를) 다시 대기열에 넣음: 그 멤버가 떠났음");
        assertThat(ClusterEventWords.say(EVENTS.get(5))).startsWith("시행 12을(를) 다시 대기열에 넣음");
        assertThat(ClusterEventWords.say(EVENTS.get(6))).isEqualTo("시행 3 시작");
        assertThat(ClusterEventWords.say(EVENTS.get(7))).isEqualTo("시행 3 끝남");
        assertThat(ClusterEventWords.say(EVENTS.get(8))).isEqualTo("words from elsewhere");
        assertThat(ClusterEventWords.say(EVENTS.get(9))).isEqualTo("보고를 거부함: bad signature");
        assertThat(ClusterEventWords.say(EVENTS.get(10))).isEqualTo("60초 동안 시행이 없어 떠남");
        assertThat(ClusterEventWords.say(EVENTS.get(11))).isEqualTo("시행 4의 EPOCH을(를) 보내지 못함: interrupted");
    }

    @Test
    void everyNoteKindIsSaidInEnglishAsTheCommandLinePrintsItAndHasKoreanWords() {
        for (ClusterNote.Kind kind : ClusterNote.Kind.values()) {
            Object[] values = new Object[kind.english().split("\\{[0-9]}", -1).length - 1];
            for (int i = 0; i < values.length; i++) {
                values[i] = "v" + i;
            }
            ClusterEvent e = ClusterEvent.note(kind, values);
            Locale.setDefault(Locale.US);
            assertThat(ClusterEventWords.say(e)).as(kind.name()).isEqualTo(e.toString());
            Locale.setDefault(Locale.KOREAN);
            if (kind != ClusterNote.Kind.TEXT) {
                assertThat(ClusterEventWords.say(e)).as(kind.name()).isNotEqualTo(e.toString()).doesNotContain("!search.");
            }
        }
    }

    /** Another version's members: in English as the command line prints it, in Korean with the same versions. */
    @Test
    void aRefusalOfAnotherVersionIsSaidInKorean() {
        VersionRefusal refusal = new VersionRefusal("0.2.0", new java.util.LinkedHashMap<>(
                java.util.Map.of("10.0.0.5:5701", "0.3.0")));
        Locale.setDefault(Locale.US);
        assertThat(ClusterEventWords.refusal(refusal)).isEqualTo(refusal.english()).isEqualTo(
                "this member runs Babysitter 0.2.0 but 10.0.0.5:5701 runs Babysitter 0.3.0: every member of a cluster"
                        + " must run the same version");
        Locale.setDefault(Locale.KOREAN);
        assertThat(ClusterEventWords.refusal(refusal)).isEqualTo("이 멤버는 Babysitter 0.2.0인데 10.0.0.5:5701은(는)"
                + " Babysitter 0.3.0입니다. 클러스터의 모든 멤버는 같은 버전이어야 합니다");
        ClusterEvent ignored = ClusterEvent.note(ClusterNote.Kind.IGNORED_OTHER_VERSION, "0.2.0", "10.0.0.5:5701", "0.3.0");
        assertThat(ClusterEventWords.say(ignored)).isEqualTo("멤버를 무시함: 이 멤버는 Babysitter 0.2.0인데 10.0.0.5:5701은(는)"
                + " Babysitter 0.3.0입니다. 클러스터의 모든 멤버는 같은 버전이어야 합니다");
        Locale.setDefault(Locale.US);
        assertThat(ClusterEventWords.say(ignored)).isEqualTo("ignored a member: " + refusal.english());
    }
}
