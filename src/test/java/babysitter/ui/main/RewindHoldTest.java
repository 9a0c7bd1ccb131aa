package babysitter.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import babysitter.session.live.Command;
import babysitter.session.reports.Report;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RewindHoldTest {
    private final List<Object> sent = new ArrayList<>();
    private Report.State state = Report.State.RUNNING;
    private final RewindHold hold = new RewindHold(sent::add, () -> state);

    @Test
    void aRunningSessionPausesWhileTheConfirmationIsOpenAndRunsAgainAfterTheRewind() {
        hold.hold();
        state = Report.State.PAUSED;
        hold.release(() -> sent.add("rewind"));
        assertThat(sent).containsExactly(new Command.Pause(), "rewind", new Command.Resume());
    }

    @Test
    void aPausedSessionStaysPausedAndACancelRewindsNothing() {
        state = Report.State.PAUSED;
        hold.hold();
        hold.release(null);
        assertThat(sent).isEmpty();
        state = Report.State.RUNNING;
        hold.hold();
        hold.release(null);
        hold.release(null);
        assertThat(sent).as("resumed once").containsExactly(new Command.Pause(), new Command.Resume());
    }
}
