package babysitter.ui.search;

import babysitter.search.Round;
import babysitter.search.Trial;
import babysitter.search.TrialState;
import babysitter.session.training.Durations;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Whether the search runs, and the status line under the Search window: the last round, trials
 * done and running, time elapsed and the estimate of what is left (at this run's speed), or once
 * stopped what is unfinished or which trial is best. Toolkit light.
 */
public final class SearchProgress {
    private final SearchTrials trials;
    private final Clock clock;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private int epochs;
    private long runStartMillis;
    private int epochsAtRunStart;
    private boolean cancelling;

    SearchProgress(SearchTrials trials, Clock clock) {
        this.trials = Objects.requireNonNull(trials);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Sets the epochs per trial (for the estimate of what is left). */
    void setEpochs(int epochs) {
        this.epochs = epochs;
    }

    /** A run starts now: the clock and the speed count from here. */
    void started() {
        running.set(true);
        cancelling = false;
        runStartMillis = clock.millis();
        epochsAtRunStart = trials.epochsDone();
        refresh();
    }

    /** A cancel was asked for; the run has not returned yet (the status says so from the next refresh). */
    void cancelling() {
        cancelling = true;
    }

    boolean isCancelling() {
        return cancelling;
    }

    /** The run has returned. */
    void stopped() {
        running.set(false);
    }

    /** Shows a message of its own in place of the status line (until the next refresh). */
    void show(String text) {
        status.set(text);
    }

    void refresh() {
        if (trials.isEmpty()) {
            return;
        }
        int total = trials.all().size();
        int done = trials.finishedCountProperty().get();
        long runningNow = trials.all().stream().filter(t -> t.state() == TrialState.RUNNING).count();
        Round last = trials.hasRounds() ? trials.lastRound() : null;
        StringBuilder b = new StringBuilder();
        if (last != null) {
            b.append("Round ").append(SearchTexts.displayRound(last.index())).append(" (").append(last.origin()).append(") · ");
        }
        b.append(done).append('/').append(total).append(" trials done");
        if (running.get()) {
            b.append(" · ").append(runningNow).append(" running");
            double elapsed = (clock.millis() - runStartMillis) / 1000.0;
            b.append(" · ").append(Durations.text(elapsed)).append(" elapsed");
            double eta = etaSeconds(elapsed);
            if (Double.isFinite(eta)) {
                b.append(" · ≈ ").append(Durations.text(eta)).append(" left");
            }
            if (cancelling) {
                b.append(" · cancelling …");
            }
        } else if (done < total) {
            b.append(" · ").append(total - done).append(" unfinished: Resume runs them again");
        } else {
            Trial best = trials.trial(trials.bestTrialProperty().get());
            if (best != null) {
                b.append(String.format(Locale.ROOT, " · best #%d: %.3f dev accuracy", best.id(),
                        best.bestDevAccuracy()));
            }
        }
        status.set(b.toString());
    }

    /** Seconds left at the speed of this run so far (epochs finished per second), NaN before the first epoch. */
    double etaSeconds(double elapsedSeconds) {
        int doneSinceStart = trials.epochsDone() - epochsAtRunStart;
        if (doneSinceStart <= 0 || !(elapsedSeconds > 0) || epochs <= 0) {
            return Double.NaN;
        }
        long left = trials.all().stream().filter(t -> !t.state().finished())
                .mapToLong(t -> Math.max(0, epochs - t.curve().size())).sum();
        return left * elapsedSeconds / doneSinceStart;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
