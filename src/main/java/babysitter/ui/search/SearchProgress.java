package babysitter.ui.search;

import babysitter.i18n.Texts;
import babysitter.report.Names;
import babysitter.search.Round;
import babysitter.search.Trial;
import babysitter.search.TrialState;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
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
        List<String> parts = new ArrayList<>();
        if (last != null) {
            parts.add(Texts.get("search.status.round", SearchTexts.displayRound(last.index()),
                    SearchTexts.origin(last.origin())));
        }
        parts.add(Texts.get("search.status.done", done, total));
        if (running.get()) {
            parts.add(Texts.get("search.status.running", runningNow));
            double elapsed = (clock.millis() - runStartMillis) / 1000.0;
            parts.add(Texts.get("search.status.elapsed", Names.duration(elapsed)));
            double eta = etaSeconds(elapsed);
            if (Double.isFinite(eta)) {
                parts.add(Texts.get("search.status.left", Names.duration(eta)));
            }
            if (cancelling) {
                parts.add(Texts.get("search.status.cancelling"));
            }
        } else if (done < total) {
            parts.add(Texts.get("search.status.unfinished", total - done));
        } else {
            Trial best = trials.trial(trials.bestTrialProperty().get());
            if (best != null) {
                parts.add(Texts.get("search.status.best", best.id(), best.bestDevAccuracy()));
            }
        }
        status.set(String.join(" · ", parts));
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
