package babysitter.ui.main;

import babysitter.engine.Hyperparameters;
import babysitter.i18n.Texts;
import babysitter.session.live.Command;
import babysitter.session.reports.Report;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The session buttons and what they send to the live session: pause or resume, step, one epoch,
 * stop, a checkpoint, more epochs, the learning-rate range test and taking its suggestion.
 * Toolkit free; with no session the commands go nowhere.
 */
public final class SessionCommands {
    private final Consumer<Command> submit;
    private final Supplier<Report.State> state;
    private final Supplier<Hyperparameters> current;
    private final Supplier<Report.LrRangeReport> rangeTest;

    /**
     * @param current   the hyperparameters the live controls show
     * @param rangeTest the last range test's report, or null
     */
    SessionCommands(Consumer<Command> submit, Supplier<Report.State> state, Supplier<Hyperparameters> current,
                    Supplier<Report.LrRangeReport> rangeTest) {
        this.submit = Objects.requireNonNull(submit);
        this.state = Objects.requireNonNull(state);
        this.current = Objects.requireNonNull(current);
        this.rangeTest = Objects.requireNonNull(rangeTest);
    }

    /** Space bar: pause when running, resume otherwise. */
    public void togglePause() {
        Report.State s = state.get();
        if (s == Report.State.RUNNING) {
            submit.accept(new Command.Pause());
        } else if (s == Report.State.IDLE) {
            submit.accept(new Command.Start());
        } else if (s == Report.State.PAUSED || s == Report.State.GUARD_TRIPPED) {
            submit.accept(new Command.Resume());
        }
    }

    public void step() {
        submit.accept(new Command.Step());
    }

    public void runEpoch() {
        submit.accept(new Command.RunEpoch());
    }

    public void stop() {
        submit.accept(new Command.Stop());
    }

    public void checkpoint() {
        submit.accept(new Command.TakeCheckpoint());
    }

    /**
     * Gives the live run more epochs, as typed ("10"); a finished run then waits, paused, for Resume.
     *
     * @return null, or what is wrong with the text
     */
    public String moreEpochs(String text) {
        int n;
        try {
            n = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return Texts.get("main.moreEpochs.notWhole", text);
        }
        if (n < 1 || n > 1_000_000) {
            return Texts.get("main.moreEpochs.outOfRange", String.valueOf(n));
        }
        submit.accept(new Command.MoreEpochs(n));
        return null;
    }

    public void lrRangeTest(double min, double max, int steps) {
        submit.accept(new Command.LrRangeTest(min, max, steps));
    }

    /** Uses the range test's suggestion as α. */
    public void takeSuggestedAlpha() {
        Report.LrRangeReport r = rangeTest.get();
        if (r != null && Double.isFinite(r.suggested())) {
            Hyperparameters hp = current.get().withLearningRate(r.suggested());
            submit.accept(new Command.SetHyperparameters(hp));
        }
    }
}
