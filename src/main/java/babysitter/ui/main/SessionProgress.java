package babysitter.ui.main;

import babysitter.i18n.Texts;
import babysitter.report.Names;
import babysitter.session.reports.Report;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Where the live session is, as the window shows it: its state, step, epoch and branch, the
 * progress through the epoch, the speed, and the status line made of them; and which session
 * buttons that state allows. Fed the session's reports on the JavaFX thread; toolkit free.
 */
public final class SessionProgress {

    /** The status line changes with every step; a few updates a second are plenty to read. */
    private static final long STATUS_INTERVAL_NANOS = 250_000_000L;

    private final ReadOnlyObjectWrapper<Report.State> state = new ReadOnlyObjectWrapper<>(null);
    private final ReadOnlyLongWrapper step = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper epoch = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper epochs = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper branch = new ReadOnlyLongWrapper();
    private final ReadOnlyDoubleWrapper epochProgress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyDoubleWrapper samplesPerSecond = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(Texts.get("main.status.start"));
    private int trainRows;
    private long stepsPerEpoch = 1;
    private long epochStartStep;
    private double progressValue;
    private long lastStatusNanos;

    /** A new run of {@code trainRows} training rows in mini-batches of {@code batchSize}, {@code epochs} epochs. */
    void newRun(int trainRows, int batchSize, long epochs) {
        this.trainRows = trainRows;
        batchSize(batchSize);
        this.epochs.set(epochs);
    }

    /** The mini-batch size changed: so did the steps of an epoch. */
    void batchSize(int batchSize) {
        stepsPerEpoch = Math.max(1, (trainRows + batchSize - 1) / batchSize);
    }

    long stepsPerEpoch() {
        return stepsPerEpoch;
    }

    /** No live session (a recorded run is shown, or none): the buttons go quiet. */
    void noSession() {
        state.set(null);
    }

    void setStatus(String text) {
        status.set(text);
    }

    /** Takes in one report (steps, epochs and states move it; the others do not). */
    void accept(Report r) {
        if (r instanceof Report.StepReport s) {
            step.set(s.step() + 1);
            if (s.samplesPerSecond() > 0) {
                samplesPerSecond.set(s.samplesPerSecond());
            }
            progressValue = Math.min(1, (s.step() + 1 - epochStartStep) / (double) stepsPerEpoch);
        } else if (r instanceof Report.EpochReport e) {
            epoch.set(e.epoch() + 1);
            epochStartStep = e.step();
            progressValue = 0;
        } else if (r instanceof Report.StateReport s) {
            state.set(s.state());
            step.set(s.step());
            epoch.set(s.epoch());
            epochs.set(s.epochs());
            branch.set(s.branch());
            batchSize(s.hyperparameters().batchSize());
        }
    }

    /** After a batch of reports: the status line, at once after anything but steps, else a few times a second. */
    void refresh(boolean onlySteps, long nowNanos) {
        if (!onlySteps || nowNanos - lastStatusNanos > STATUS_INTERVAL_NANOS) {
            lastStatusNanos = nowNanos;
            status.set(statusLine());
            epochProgress.set(progressValue);
        }
    }

    String statusLine() {
        Report.State s = state.get();
        if (s == null) {
            return status.get();
        }
        StringBuilder b = new StringBuilder();
        b.append(Texts.get("main.status.progress", Math.min(epoch.get() + (s == Report.State.FINISHED ? 0 : 1),
                epochs.get()), epochs.get(), step.get()));
        if (branch.get() > 0) {
            b.append(Texts.get("main.status.branch", branch.get()));
        }
        if (samplesPerSecond.get() > 0 && s == Report.State.RUNNING) {
            b.append(Texts.get("main.status.speed", samplesPerSecond.get()));
            double left = timeLeftSeconds();
            if (Double.isFinite(left)) {
                b.append(Texts.get("main.status.left", Names.duration(left)));
            }
        }
        b.append(" · ").append(stateText(s));
        return b.toString();
    }

    /** Seconds to the last epoch's end at the current speed. */
    double timeLeftSeconds() {
        double rate = samplesPerSecond.get();
        if (rate <= 0 || trainRows == 0) {
            return Double.NaN;
        }
        double epochsLeft = Math.max(0, epochs.get() - epoch.get() - progressValue);
        return epochsLeft * trainRows / rate;
    }

    static String stateText(Report.State s) {
        return switch (s) {
            case IDLE -> Texts.get("main.state.ready");
            case RUNNING -> Texts.get("main.state.running");
            case PAUSED -> Texts.get("main.state.paused");
            case GUARD_TRIPPED -> Texts.get("main.state.guardTripped");
            case FINISHED -> Texts.get("main.state.finished");
            case STOPPED -> Texts.get("main.state.stopped");
            case FAILED -> Texts.get("main.state.failed");
        };
    }

    // ------------------------------------------------------------------ what the buttons may do

    private BooleanBinding whenState(Predicate<Report.State> allowed) {
        return Bindings.createBooleanBinding(() -> allowed.test(state.get()), state);
    }

    /** Pause or resume: a session that is ready, running, paused or held by the guard. */
    public BooleanBinding canPauseOrResume() {
        return whenState(s -> s == Report.State.RUNNING || s == Report.State.PAUSED
                || s == Report.State.GUARD_TRIPPED || s == Report.State.IDLE);
    }

    /** Step or run an epoch: a session that is not running. */
    public BooleanBinding canStep() {
        return whenState(s -> s == Report.State.PAUSED || s == Report.State.GUARD_TRIPPED || s == Report.State.IDLE);
    }

    /** A session that has not ended. */
    public BooleanBinding hasSession() {
        return whenState(s -> s != null && s != Report.State.STOPPED && s != Report.State.FAILED);
    }

    /** A session that is still going (ready, running, paused or held by the guard): it can be stopped. */
    public BooleanBinding live() {
        return whenState(s -> s == Report.State.IDLE || s == Report.State.RUNNING || s == Report.State.PAUSED
                || s == Report.State.GUARD_TRIPPED);
    }

    // ------------------------------------------------------------------ observable state

    public ReadOnlyObjectProperty<Report.State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty stepProperty() {
        return step.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty epochProperty() {
        return epoch.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty epochsProperty() {
        return epochs.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty branchProperty() {
        return branch.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty epochProgressProperty() {
        return epochProgress.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty samplesPerSecondProperty() {
        return samplesPerSecond.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
