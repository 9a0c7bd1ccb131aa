package babysitter.ui.main;

import babysitter.session.live.Command;
import babysitter.session.reports.Report;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * While the rewind confirmation is open a running session holds still, so the checkpoint the
 * person chose is still there when they say yes; afterwards it runs again if it ran before.
 */
final class RewindHold {
    private final Consumer<Command> submit;
    private final Supplier<Report.State> state;
    /** Whether the session was running when the confirmation put it on hold. */
    private boolean resume;

    RewindHold(Consumer<Command> submit, Supplier<Report.State> state) {
        this.submit = Objects.requireNonNull(submit);
        this.state = Objects.requireNonNull(state);
    }

    /** The confirmation opens. */
    void hold() {
        resume = state.get() == Report.State.RUNNING;
        if (resume) {
            submit.accept(new Command.Pause());
        }
    }

    /** The confirmation closes, after {@code rewind} if the person said yes. */
    void release(Runnable rewind) {
        if (rewind != null) {
            rewind.run();
        }
        if (resume) {
            submit.accept(new Command.Resume());
        }
        resume = false;
    }
}
