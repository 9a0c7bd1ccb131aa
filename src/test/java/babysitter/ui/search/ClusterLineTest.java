package babysitter.ui.search;

import static org.assertj.core.api.Assertions.assertThat;

import babysitter.search.cluster.ClusterStatus.MemberInfo;
import babysitter.search.cluster.ClusterStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Search window's cluster line, events and members of trials, without a toolkit or a cluster. */
class ClusterLineTest {
    private final ClusterLine line = new ClusterLine(Runnable::run,
            Clock.fixed(Instant.parse("2026-05-06T07:08:09Z"), ZoneId.of("UTC")));

    private static ClusterStatus status(int busy, Map<Integer, String> trials, int ended, double hours, MemberInfo... ms) {
        return new ClusterStatus("lab", List.of(ms), busy, trials, ended, hours);
    }

    @Test
    void theLineCountsMembersSlotsAndThePace() {
        assertThat(line.activeProperty().get()).isFalse();
        MemberInfo here = new MemberInfo("127.0.0.1:5701", "coordinator", 1, true);
        MemberInfo w1 = new MemberInfo("127.0.0.1:5702", "worker", 2, false);
        MemberInfo w2 = new MemberInfo("127.0.0.1:5703", "worker", 1, false);
        line.update(status(0, Map.of(), 0, 0.01, here, w1));
        assertThat(line.activeProperty().get()).isTrue();
        assertThat(line.textProperty().get())
                .isEqualTo("cluster lab · 2 members (this computer + 1 worker) · slots 0 busy, 3 free · no trial ended yet");
        line.update(status(3, Map.of(1, "this computer"), 10, 0.25, here, w1, w2));
        assertThat(line.textProperty().get())
                .isEqualTo("cluster lab · 3 members (this computer + 2 workers) · slots 3 busy, 1 free · 40 trials per hour");
        line.update(status(3, Map.of(), 10, 0.25, here));
        assertThat(line.textProperty().get()).as("a member left with trials: nothing free, never below 0")
                .contains("1 member (this computer) · slots 3 busy, 0 free");
    }

    @Test
    void eachTrialKnowsItsMemberAndTheTableRedrawsOnlyWhenThatChanges() {
        MemberInfo here = new MemberInfo("127.0.0.1:5701", "coordinator", 0, true);
        assertThat(line.memberOf(4)).isEmpty();
        int v0 = line.versionProperty().get();
        line.update(status(1, Map.of(4, "127.0.0.1:5702"), 0, 0.1, here));
        assertThat(line.memberOf(4)).isEqualTo("127.0.0.1:5702");
        assertThat(line.versionProperty().get()).isEqualTo(v0 + 1);
        line.update(status(1, Map.of(4, "127.0.0.1:5702"), 0, 0.2, here));
        assertThat(line.versionProperty().get()).isEqualTo(v0 + 1);
        line.update(status(1, Map.of(4, "127.0.0.1:5703"), 0, 0.3, here));
        assertThat(line.memberOf(4)).as("its member left; the next attempt ran elsewhere").isEqualTo("127.0.0.1:5703");
        assertThat(line.versionProperty().get()).isEqualTo(v0 + 2);
        line.update(status(1, Map.of(5, "this computer"), 0, 0.01, here));
        assertThat(line.memberOf(4)).as("the next round joins afresh; trial 4 ran in the first").isEqualTo("127.0.0.1:5703");
        assertThat(line.memberOf(5)).isEqualTo("this computer");
    }

    @Test
    void thisComputerAndAMemberThatLeftAreNamedInTheWindowsLanguage() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.KOREAN);
            MemberInfo here = new MemberInfo("127.0.0.1:5701", "coordinator", 1, true);
            line.update(status(2, Map.of(1, ClusterStatus.HERE, 2, ClusterStatus.GONE, 3, "127.0.0.1:5702"), 0, 0.1, here));
            assertThat(line.memberOf(1)).isEqualTo("이 컴퓨터");
            assertThat(line.memberOf(2)).isEqualTo("떠난 멤버");
            assertThat(line.memberOf(3)).isEqualTo("127.0.0.1:5702");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void membersJoiningAndLeavingAreEventsWithTheirTimeAndTheOldestGoFirst() {
        line.event("member joined: 127.0.0.1:5702 (worker, 1 slot)");
        line.event("member left: 127.0.0.1:5702");
        assertThat(line.events()).containsExactly("07:08:09  member joined: 127.0.0.1:5702 (worker, 1 slot)",
                "07:08:09  member left: 127.0.0.1:5702");
        assertThat(line.lastEventProperty().get()).isEqualTo("07:08:09  member left: 127.0.0.1:5702");
        for (int i = 0; i < ClusterLine.MAX_EVENTS; i++) {
            line.event("event " + i);
        }
        assertThat(line.events()).hasSize(ClusterLine.MAX_EVENTS).first().isEqualTo("07:08:09  event 0");
    }
}
