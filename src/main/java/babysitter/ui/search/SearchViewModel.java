package babysitter.ui.search;

import babysitter.i18n.Texts;
import babysitter.search.EdgeWarning;
import babysitter.search.Round;
import babysitter.search.Search;
import babysitter.search.SearchListener;
import babysitter.search.Trial;
import babysitter.search.TrialExecutor;
import babysitter.search.TrialState;
import babysitter.ui.fx.HandOver;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The Search window's state and actions around one {@link Search}, composed of parts with one job
 * each: {@link SearchTrials} (the table), {@link TrialCharts} (curves, scatters, parallel
 * coordinates, brushing), {@link NextRoundForm}, {@link SearchProgress} (the status line) and the
 * importance panel. This class runs the search, takes its listener's calls, tells the parts to
 * refresh, and hands a finished trial to the main window ("Babysit this one"). Toolkit light
 * (properties and lists only, no nodes): the search runs on the {@code runner} executor, its
 * listener calls (worker threads) are coalesced onto the {@code fx} executor.
 */
public final class SearchViewModel {
    private static final Object FINISHED = new Object();

    private final Executor fx;
    private final Executor runner;
    private final IntFunction<TrialExecutor> executors;
    private final HandOver<Object> updates;
    private final SearchTrials trials = new SearchTrials();
    private final TrialCharts charts = new TrialCharts(trials);
    private final SearchProgress progress;
    private final ImportanceViewModel importance;
    private final NextRoundForm nextRound;
    private final ClusterLine cluster;
    private final ReadOnlyStringWrapper edgeWarnings = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notification = new ReadOnlyStringWrapper("");
    private Search search;
    private int parallel = 1;
    private Consumer<Trial> babysitter = t -> { };
    /** Read by the runner thread: a cancel that came before {@link Search#run} started. */
    private volatile boolean cancelRequested;
    private boolean closeWhenStopped;

    /**
     * @param fx        runs on the JavaFX thread ({@code Platform::runLater} in the application)
     * @param runner    runs the blocking {@link Search#run} (a thread of its own)
     * @param executors makes the executor of trials for a number of parallel workers
     */
    public SearchViewModel(Executor fx, Executor runner, Clock clock, IntFunction<TrialExecutor> executors) {
        this(fx, runner, clock, executors, runner);
    }

    /** @param importanceWorker computes the importance of the hyperparameters (a thread of its own) */
    public SearchViewModel(Executor fx, Executor runner, Clock clock, IntFunction<TrialExecutor> executors,
                           Executor importanceWorker) {
        this.importance = new ImportanceViewModel(fx, importanceWorker, 1);
        this.fx = Objects.requireNonNull(fx);
        this.runner = Objects.requireNonNull(runner);
        this.executors = Objects.requireNonNull(executors);
        this.progress = new SearchProgress(trials, clock);
        this.cluster = new ClusterLine(fx, clock);
        this.updates = new HandOver<>(fx, this::accept);
        this.nextRound = new NextRoundForm(() -> search, trials, charts, importance, progress.runningProperty(),
                notification::set, () -> {
                    refreshAll();
                    start();
                });
        trials.selectedTrialProperty().addListener((o, a, b) -> charts.refresh());
        nextRound.topKProperty().addListener((o, a, b) -> progress.refresh());
    }

    // ------------------------------------------------------------------ the search

    /**
     * Shows {@code s} (its rounds and trials so far) and listens to it; does not start it.
     *
     * @param parallel trials run at once when it runs
     */
    public void attach(Search s, int parallel) {
        this.search = Objects.requireNonNull(s);
        this.parallel = Math.max(1, parallel);
        progress.setEpochs(s.settings().epochs());
        s.addListener(new SearchListener() {
            @Override
            public void onTrial(Trial t) {
                updates.accept(t);
            }

            @Override
            public void onRound(Round r) {
                updates.accept(r);
            }

            @Override
            public void onFinished() {
                updates.accept(FINISHED);
            }
        });
        trials.clear();
        s.rounds().forEach(trials::put);
        s.trials().forEach(trials::put);
        refreshAll();
        refreshEdgeWarnings();
        int unfinished = trials.unfinishedCountProperty().get();
        if (unfinished > 0 && trials.finishedCountProperty().get() > 0) {
            progress.show(Texts.get("search.status.resumeHint", unfinished));
        }
    }

    /** The search shown, or null. */
    public Search search() {
        return search;
    }

    /** Runs every unfinished trial in the background (no-op while running). */
    public void start() {
        if (search == null || progress.runningProperty().get()) {
            return;
        }
        cancelRequested = false;
        notification.set("");
        progress.started();
        Search s = search;
        int workers = parallel;
        runner.execute(() -> {
            try (TrialExecutor ex = executors.apply(workers)) {
                if (!cancelRequested) {
                    s.run(ex);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                fx.execute(() -> notification.set(Texts.get("search.error.stopped", e.getMessage())));
            } finally {
                updates.accept(FINISHED);
            }
        });
    }

    /** Stops the running trials at their next step; they stay unfinished and start again on Resume. */
    public void cancel() {
        if (search != null && progress.runningProperty().get()) {
            progress.cancelling();
            cancelRequested = true;
            search.cancel();
            progress.refresh();
        }
    }

    /** Runs the unfinished trials again. */
    public void resume() {
        start();
    }

    /**
     * For closing the window: cancels a running search and closes it when its thread has returned
     * (nothing is lost: unfinished trials start again when the search is opened).
     */
    public void cancelAndClose() {
        if (search == null) {
            return;
        }
        if (progress.runningProperty().get()) {
            closeWhenStopped = true;
            cancel();
        } else {
            search.close();
        }
    }

    // ------------------------------------------------------------------ updates (fx thread)

    /** Trials, rounds and "finished" from the listener, in order. */
    void accept(List<Object> batch) {
        boolean finished = false;
        for (Object o : batch) {
            if (o instanceof Trial t) {
                trials.put(t);
            } else if (o instanceof Round r) {
                trials.put(r);
            } else if (o == FINISHED) {
                finished = true;
            }
        }
        boolean running = progress.runningProperty().get();
        if (progress.isCancelling() && running && !finished && search != null) {
            search.cancel(); // a cancel that came while run() was starting (it clears the flag) is repeated
        }
        if (finished && running) {
            progress.stopped();
            if (search != null) {
                search.trials().forEach(trials::put);
            }
            refreshEdgeWarnings();
            if (closeWhenStopped && search != null) {
                search.close();
            }
        }
        refreshAll();
    }

    /** Shows these trials and rounds (for tests and for a search read from disk). */
    public void show(List<Round> rs, List<Trial> ts) {
        rs.forEach(trials::put);
        ts.forEach(trials::put);
        refreshAll();
    }

    /** Sets the epochs per trial (for the ETA; normally from the search's settings). */
    void setEpochs(int epochs) {
        progress.setEpochs(epochs);
    }

    private void refreshAll() {
        trials.refresh();
        charts.refresh();
        progress.refresh();
        importance.update(List.copyOf(trials.rounds()), List.copyOf(trials.all()));
    }

    private void refreshEdgeWarnings() {
        if (search == null || !trials.hasRounds()) {
            edgeWarnings.set("");
            return;
        }
        try {
            Round last = trials.lastRound();
            List<EdgeWarning> w = search.edgeWarnings(last.index());
            int best = SearchTrials.best(trials.all().stream()
                    .filter(t -> t.round() == last.index() && t.state() != TrialState.FAILED).toList());
            edgeWarnings.set(String.join("\n", w.stream().map(e -> SearchTexts.edgeWarning(e, last, best)).toList()));
        } catch (RuntimeException e) {
            edgeWarnings.set("");
        }
    }

    // ------------------------------------------------------------------ babysit

    /** What "Babysit this one" does with a finished trial (the application opens it in the main window). */
    public void setBabysitter(Consumer<Trial> babysitter) {
        this.babysitter = Objects.requireNonNull(babysitter);
    }

    /** Hands the selected trial to the main window, if it is finished and has a checkpoint. */
    public void babysitSelected() {
        Trial t = trials.selected();
        if (t == null) {
            return;
        }
        if (!canBabysit(t)) {
            notification.set(Texts.get(t.state().finished() ? "search.error.noCheckpoint" : "search.error.noCheckpointYet",
                    t.id()));
            return;
        }
        babysitter.accept(t);
    }

    private static boolean canBabysit(Trial t) {
        return t != null && t.state().finished() && t.runDir() != null && t.bestCheckpoint() != null;
    }

    public BooleanBinding canBabysit() {
        return Bindings.createBooleanBinding(() -> canBabysit(trials.selected()), trials.selectedTrialProperty(),
                charts.versionProperty());
    }

    // ------------------------------------------------------------------ parts and properties

    /** The rounds and trials: the table's rows and columns, the best and the selected trial. */
    public SearchTrials trials() {
        return trials;
    }

    /** The curves, scatters and parallel coordinates, and the brushes on them. */
    public TrialCharts charts() {
        return charts;
    }

    /** The next-round form and its actions. */
    public NextRoundForm nextRound() {
        return nextRound;
    }

    /** Running or not, and the status line. */
    public SearchProgress progress() {
        return progress;
    }

    /** The cluster the trials run on (when they do): its line, events and the member of each trial. */
    public ClusterLine cluster() {
        return cluster;
    }

    /** The importance panel. */
    public ImportanceViewModel importance() {
        return importance;
    }

    public BooleanBinding canResume() {
        return Bindings.createBooleanBinding(() -> !progress.runningProperty().get()
                && trials.unfinishedCountProperty().get() > 0, progress.runningProperty(), trials.unfinishedCountProperty());
    }

    /** The last round's edge warnings, one a line ("" when none). */
    public ReadOnlyStringProperty edgeWarningsProperty() {
        return edgeWarnings.getReadOnlyProperty();
    }

    /** An error worth a banner ("" when none). */
    public ReadOnlyStringProperty notificationProperty() {
        return notification.getReadOnlyProperty();
    }

    public void dismissNotification() {
        notification.set("");
    }
}
