package babysitter.ui.search;

import babysitter.search.EdgeWarning;
import babysitter.search.EpochPoint;
import babysitter.search.Method;
import babysitter.search.Param;
import babysitter.search.Round;
import babysitter.search.Search;
import babysitter.search.SearchListener;
import babysitter.search.SearchSpace;
import babysitter.search.Trial;
import babysitter.search.TrialExecutor;
import babysitter.search.TrialState;
import babysitter.search.importance.Importance;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Search window's state and actions around one {@link Search}: the trials table, the overlaid
 * dev curves, one scatter per hyperparameter, brushing, the next round, progress, and "Babysit this
 * one". Toolkit light (properties and lists only, no nodes): the search runs on the {@code runner}
 * executor, its listener calls (worker threads) are coalesced onto the {@code fx} executor.
 */
public final class SearchViewModel {
    /** The most trials one round may ask for. */
    public static final int MAX_TRIALS = 1000;
    /** Trials per new round unless changed. */
    public static final int DEFAULT_TRIALS = 8;
    /** k of "Next round from top k" unless changed. */
    public static final int DEFAULT_TOP_K = 3;

    /** Round lines shown at most (the latest; the earlier ones are counted). */
    static final int SHOWN_ROUND_LINES = 4;

    private static final Object FINISHED = new Object();

    private final Executor fx;
    private final Executor runner;
    private final Clock clock;
    private final IntFunction<TrialExecutor> executors;
    private final babysitter.ui.fx.HandOver<Object> updates;
    private Search search;
    private int epochs;
    private int parallel = 1;

    private final Map<Integer, Trial> trials = new TreeMap<>();
    private final Map<Integer, Round> rounds = new TreeMap<>();
    private final Selection selection = new Selection();
    private final ImportanceViewModel importance;
    private ParallelData parallelData = new ParallelData(List.of(), List.of());
    private final ObservableList<TrialRow> rows = FXCollections.observableArrayList();
    private final ObservableList<String> paramNames = FXCollections.observableArrayList();
    private final ObservableList<ScatterData> scatters = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper bestTrial = new ReadOnlyIntegerWrapper(-1);
    private final IntegerProperty selectedTrial = new SimpleIntegerProperty(-1);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper brushed = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyIntegerWrapper finishedCount = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper unfinishedCount = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper edgeWarnings = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notification = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper brushText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper roundsSummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyLongWrapper version = new ReadOnlyLongWrapper();
    private final StringProperty trialsText = new SimpleStringProperty(Integer.toString(DEFAULT_TRIALS));
    private final ReadOnlyStringWrapper trialsError = new ReadOnlyStringWrapper("");
    private final javafx.beans.property.ObjectProperty<Method> nextMethod =
            new javafx.beans.property.SimpleObjectProperty<>(Method.RANDOM);
    private final StringProperty gridValuesText = new SimpleStringProperty("3");
    private final IntegerProperty topK = new SimpleIntegerProperty(DEFAULT_TOP_K);
    private Consumer<Trial> babysitter = t -> { };

    private long runStartMillis;
    private int epochsAtRunStart;
    private boolean cancelling;
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
        this.clock = Objects.requireNonNull(clock);
        this.executors = Objects.requireNonNull(executors);
        this.updates = new babysitter.ui.fx.HandOver<>(fx, this::accept);
        trialsText.addListener((o, a, b) -> refreshTrialsError());
        gridValuesText.addListener((o, a, b) -> refreshTrialsError());
        nextMethod.addListener((o, a, b) -> refreshTrialsError());
        selectedTrial.addListener((o, a, b) -> refreshViews());
        topK.addListener((o, a, b) -> refreshStatus());
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
        this.epochs = s.settings().epochs();
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
        rounds.clear();
        s.rounds().forEach(r -> rounds.put(r.index(), r));
        trials.clear();
        s.trials().forEach(t -> trials.put(t.id(), t));
        refreshAll();
        refreshEdgeWarnings();
        if (unfinishedCount.get() > 0 && finishedCount.get() > 0) {
            status.set(unfinishedCount.get() + " unfinished trials: press Resume to run them (again from the start).");
        }
    }

    /** The search shown, or null. */
    public Search search() {
        return search;
    }

    /** Runs every unfinished trial in the background (no-op while running). */
    public void start() {
        if (search == null || running.get()) {
            return;
        }
        running.set(true);
        cancelling = false;
        cancelRequested = false;
        runStartMillis = clock.millis();
        epochsAtRunStart = epochsDone();
        notification.set("");
        refreshStatus();
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
                fx.execute(() -> notification.set("The search stopped with an error: " + e.getMessage()));
            } finally {
                updates.accept(FINISHED);
            }
        });
    }

    /** Stops the running trials at their next step; they stay unfinished and start again on Resume. */
    public void cancel() {
        if (search != null && running.get()) {
            cancelling = true;
            cancelRequested = true;
            search.cancel();
            refreshStatus();
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
        if (running.get()) {
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
                trials.put(t.id(), t);
            } else if (o instanceof Round r) {
                rounds.put(r.index(), r);
            } else if (o == FINISHED) {
                finished = true;
            }
        }
        if (cancelling && running.get() && !finished && search != null) {
            search.cancel(); // a cancel that came while run() was starting (it clears the flag) is repeated
        }
        if (finished && running.get()) {
            running.set(false);
            if (search != null) {
                search.trials().forEach(t -> trials.put(t.id(), t));
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
        rs.forEach(r -> rounds.put(r.index(), r));
        ts.forEach(t -> trials.put(t.id(), t));
        refreshAll();
    }

    /** Sets the epochs per trial (for the ETA; normally from the search's settings). */
    void setEpochs(int epochs) {
        this.epochs = epochs;
    }

    private void refreshAll() {
        List<String> names = new ArrayList<>();
        for (Round r : rounds.values()) {
            for (Param p : r.space().params()) {
                if (!names.contains(p.name())) {
                    names.add(p.name());
                }
            }
        }
        if (!names.equals(paramNames)) {
            paramNames.setAll(names);
        }
        bestTrial.set(best(trials.values()));
        List<TrialRow> newRows = new ArrayList<>();
        for (Trial t : trials.values()) {
            newRows.add(row(t));
        }
        rows.setAll(newRows);
        List<String> lines = new ArrayList<>();
        for (Round r : rounds.values()) {
            lines.add(SearchTexts.roundLine(r, trials.values()));
        }
        if (lines.size() > SHOWN_ROUND_LINES) {
            int hidden = lines.size() - SHOWN_ROUND_LINES;
            lines = new ArrayList<>(lines.subList(hidden, lines.size()));
            lines.add(0, "… " + hidden + (hidden == 1 ? " earlier round" : " earlier rounds"));
        }
        roundsSummary.set(String.join("\n", lines));
        int done = (int) trials.values().stream().filter(t -> t.state().finished()).count();
        finishedCount.set(done);
        unfinishedCount.set(trials.size() - done);
        refreshViews();
        refreshStatus();
        importance.update(List.copyOf(rounds.values()), List.copyOf(trials.values()));
    }

    private void refreshViews() {
        List<ScatterData> s = new ArrayList<>();
        for (String name : paramNames) {
            s.add(scatter(name));
        }
        scatters.setAll(s);
        parallelData = ParallelCoordinates.of(paramNames, this::axis, trials.values(), selection, bestTrial.get(),
                selectedTrial.get());
        brushed.set(!selection.isEmpty());
        brushText.set(selection.text(this::axis));
        version.set(version.get() + 1);
    }

    private void refreshEdgeWarnings() {
        if (search == null || rounds.isEmpty()) {
            edgeWarnings.set("");
            return;
        }
        try {
            List<EdgeWarning> w = search.edgeWarnings(lastRound().index());
            edgeWarnings.set(String.join("\n", w.stream().map(EdgeWarning::message).toList()));
        } catch (RuntimeException e) {
            edgeWarnings.set("");
        }
    }

    private int epochsDone() {
        return trials.values().stream().mapToInt(t -> t.curve().size()).sum();
    }

    private void refreshStatus() {
        if (trials.isEmpty() && rounds.isEmpty()) {
            return;
        }
        int total = trials.size();
        int done = finishedCount.get();
        long runningNow = trials.values().stream().filter(t -> t.state() == TrialState.RUNNING).count();
        Round last = rounds.isEmpty() ? null : lastRound();
        StringBuilder b = new StringBuilder();
        if (last != null) {
            b.append("Round ").append(SearchTexts.displayRound(last.index())).append(" (").append(last.origin()).append(") · ");
        }
        b.append(done).append('/').append(total).append(" trials done");
        if (running.get()) {
            b.append(" · ").append(runningNow).append(" running");
            double elapsed = (clock.millis() - runStartMillis) / 1000.0;
            b.append(" · ").append(SearchTexts.duration(elapsed)).append(" elapsed");
            double eta = etaSeconds(elapsed);
            if (Double.isFinite(eta)) {
                b.append(" · ≈ ").append(SearchTexts.duration(eta)).append(" left");
            }
            if (cancelling) {
                b.append(" · cancelling …");
            }
        } else if (done < total) {
            b.append(" · ").append(total - done).append(" unfinished: Resume runs them again");
        } else {
            Trial best = trials.get(bestTrial.get());
            if (best != null) {
                b.append(String.format(Locale.ROOT, " · best #%d: %.3f dev accuracy", best.id(),
                        best.bestDevAccuracy()));
            }
        }
        status.set(b.toString());
    }

    /** Seconds left at the speed of this run so far (epochs finished per second), NaN before the first epoch. */
    double etaSeconds(double elapsedSeconds) {
        int doneSinceStart = epochsDone() - epochsAtRunStart;
        if (doneSinceStart <= 0 || !(elapsedSeconds > 0) || epochs <= 0) {
            return Double.NaN;
        }
        long left = trials.values().stream().filter(t -> !t.state().finished())
                .mapToLong(t -> Math.max(0, epochs - t.curve().size())).sum();
        return left * elapsedSeconds / doneSinceStart;
    }

    private Round lastRound() {
        return ((TreeMap<Integer, Round>) rounds).lastEntry().getValue();
    }

    private TrialRow row(Trial t) {
        List<String> values = new ArrayList<>();
        for (String name : paramNames) {
            Object v = t.values().get(name);
            Param p = axis(name);
            values.add(v == null ? "" : p == null ? String.valueOf(v) : p.format(v));
        }
        double[] curve = t.curve().stream().mapToDouble(EpochPoint::devAccuracy).toArray();
        return new TrialRow(t.id(), t.round(), t.state(), values, t.bestDevAccuracy(), t.bestEpoch(), curve,
                t.note(), t.runDir(), t.bestCheckpoint());
    }

    /**
     * The best trial: highest best dev accuracy, ties by lower dev cost at that epoch, then lower
     * id; -1 when no trial has finished an epoch.
     */
    static int best(Collection<Trial> trials) {
        Comparator<Trial> order = Comparator.comparingDouble(Trial::bestDevAccuracy).reversed()
                .thenComparingDouble(SearchViewModel::devCostAtBest)
                .thenComparingInt(Trial::id);
        return trials.stream().filter(t -> Double.isFinite(t.bestDevAccuracy())).min(order).map(Trial::id).orElse(-1);
    }

    private static double devCostAtBest(Trial t) {
        return t.curve().stream().filter(p -> p.epoch() == t.bestEpoch()).mapToDouble(EpochPoint::devCost)
                .findFirst().orElse(Double.POSITIVE_INFINITY);
    }

    // ------------------------------------------------------------------ scatters and brushing

    /** The axis of {@code name}: its range over every round, or null when no round has it. */
    public Param axis(String name) {
        List<Param> ps = new ArrayList<>();
        for (Round r : rounds.values()) {
            Param p = r.space().param(name);
            if (p != null) {
                ps.add(p);
            }
        }
        return ps.isEmpty() ? null : Param.union(ps);
    }

    /** The scatter of dev accuracy against {@code name}. */
    public ScatterData scatter(String name) {
        Param axis = axis(name);
        if (axis == null) {
            throw new IllegalArgumentException("no round searches a parameter named '" + name + "'");
        }
        double[] brush = selection.range(name);
        List<ScatterData.Point> points = new ArrayList<>();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Trial t : trials.values()) {
            Object v = t.values().get(name);
            if (v == null || !Double.isFinite(t.bestDevAccuracy())) {
                continue;
            }
            double x = axis.toUnit(v);
            boolean in = selection.selects(t, this::axis);
            Round r = rounds.get(t.round());
            points.add(new ScatterData.Point(t.id(), x, t.bestDevAccuracy(), t.id() == bestTrial.get(),
                    t.id() == selectedTrial.get(), in, r != null && r.method() == Method.GRID));
            lo = Math.min(lo, t.bestDevAccuracy());
            hi = Math.max(hi, t.bestDevAccuracy());
        }
        double yMin;
        double yMax;
        if (points.isEmpty()) {
            yMin = 0;
            yMax = 1;
        } else {
            double pad = Math.max(0.02, (hi - lo) * 0.08);
            yMin = Math.max(0, lo - pad);
            yMax = hi + pad; // above 1 when a trial reaches it, so its point is not cut by the frame
            if (!(yMax > yMin)) {
                yMin = Math.max(0, yMax - 0.1);
                yMax = yMin + 0.1;
            }
        }
        return new ScatterData(name, ParamAxis.label(axis), ParamAxis.ticks(axis), points, yMin, yMax, brush);
    }

    /** Brushes the unit range [lo, hi] (any order, clamped to [0, 1]) of {@code name}'s axis; brushes on several axes combine. */
    public void brush(String name, double lo, double hi) {
        if (axis(name) == null) {
            throw new IllegalArgumentException("no round searches a parameter named '" + name + "'");
        }
        selection.brush(name, lo, hi);
        refreshViews();
    }

    /** Brushes a parallel-coordinates axis: a parameter's (unit range) or the objective's (positions 0..1 of its axis). */
    public void brushAxis(String axisName, double lo, double hi) {
        if (ParallelData.OBJECTIVE.equals(axisName)) {
            double[] range = ParallelCoordinates.objectiveRange(trials.values());
            selection.brushObjective(range[0] + lo * (range[1] - range[0]), range[0] + hi * (range[1] - range[0]));
            refreshViews();
        } else {
            brush(axisName, lo, hi);
        }
    }

    /** Forgets the brush of one axis (a parameter's or {@link ParallelData#OBJECTIVE}). */
    public void clearBrush(String name) {
        if (ParallelData.OBJECTIVE.equals(name) ? selection.clearObjective() : selection.clear(name)) {
            refreshViews();
        }
    }

    public void clearBrushes() {
        selection.clearAll();
        refreshViews();
    }

    /** The brushed unit range of {@code name}'s axis, or null. */
    public double[] brushOf(String name) {
        return selection.range(name);
    }

    /** The trials inside every brushed range, by id. */
    public List<Integer> selectedTrials() {
        return trials.values().stream().filter(t -> selection.selects(t, this::axis)).map(Trial::id).toList();
    }

    /**
     * The space of the next round from the brushes: the last round's space with every brushed
     * parameter narrowed to its brushed range (on the axis over every round); with the best dev
     * accuracy brushed, first narrowed to the box of the selected trials.
     */
    public SearchSpace brushedSpace() {
        if (rounds.isEmpty()) {
            throw new IllegalStateException("there is no round to narrow yet");
        }
        List<Trial> chosen = trials.values().stream().filter(t -> selection.selects(t, this::axis)).toList();
        return selection.space(lastRound().space(), this::axis, chosen);
    }

    // ------------------------------------------------------------------ next round

    private void refreshTrialsError() {
        trialsError.set(nextMethod.get() == Method.GRID ? NewSearchViewModel.gridRule(gridValuesText.get(), null)
                : SearchTexts.trialsRule(trialsText.get(), MAX_TRIALS));
    }

    /** Adds a round over the brushed ranges and runs it. */
    public void nextRoundFromSelection() {
        if (!canNextRound().get() || selection.isEmpty()) {
            return;
        }
        int last = lastRound().index();
        if (addRoundAndRun(brushedSpace(), "brushed on round " + SearchTexts.displayRound(last))) {
            clearBrushes(); // kept when the round could not be added, to try again
        }
    }

    /** Adds a round around the best k trials of the last round and runs it. */
    public void nextRoundFromTopK() {
        if (!canNextRound().get()) {
            return;
        }
        int last = lastRound().index();
        int k = Math.max(1, topK.get());
        SearchSpace space;
        try {
            space = search.topSpace(last, k);
        } catch (RuntimeException e) {
            notification.set("Could not zoom into the top " + k + ": " + e.getMessage());
            return;
        }
        addRoundAndRun(space, "top " + k + " of round " + SearchTexts.displayRound(last));
    }

    /**
     * Adds a round that holds the parameters that did not matter ({@link Importance#unimportant()})
     * at the best trial's values and searches the others over the last round's ranges, and runs it.
     */
    public void nextRoundOnImportant() {
        if (!canNextRound().get()) {
            return;
        }
        Importance imp = importance.latest();
        Trial best = trials.get(bestTrial.get());
        if (imp == null || !imp.available() || best == null) {
            notification.set("Not yet: " + importance.readingProperty().get());
            return;
        }
        Map<String, Object> fixed = new LinkedHashMap<>();
        for (String name : imp.unimportant()) {
            Object v = best.values().get(name);
            if (v != null && lastRound().space().param(name) != null) {
                fixed.put(name, v);
            }
        }
        if (fixed.isEmpty()) {
            notification.set("Every searched hyperparameter mattered (at least " + Math.round(Importance.IMPORTANT * 100)
                    + "% of the variance, its pairs included): nothing to hold fixed.");
            return;
        }
        List<String> held = new ArrayList<>();
        fixed.forEach((name, v) -> held.add(name + "=" + lastRound().space().param(name).format(v)));
        addRoundAndRun(lastRound().space().fixing(fixed), "important ones of round "
                + SearchTexts.displayRound(lastRound().index()) + "; held " + String.join(", ", held));
    }

    /** False (with the reason in the notification) when the round could not be added. */
    private boolean addRoundAndRun(SearchSpace space, String origin) {
        boolean grid = nextMethod.get() == Method.GRID;
        int n = grid ? 0 : Integer.parseInt(trialsText.get().trim());
        int k = grid ? Integer.parseInt(gridValuesText.get().trim()) : 0;
        if (grid) {
            String tooBig = NewSearchViewModel.gridRule(Integer.toString(k), space);
            if (!tooBig.isEmpty()) {
                notification.set(tooBig);
                return false;
            }
        }
        try {
            Round r = search.addRound(space, grid ? Method.GRID : Method.RANDOM, n, k, origin);
            rounds.put(r.index(), r);
            search.trials().forEach(t -> trials.put(t.id(), t));
        } catch (IOException | RuntimeException e) {
            notification.set("Could not add the round: " + e.getMessage());
            return false;
        }
        refreshAll();
        start();
        return true;
    }

    // ------------------------------------------------------------------ babysit

    /** What "Babysit this one" does with a finished trial (the application opens it in the main window). */
    public void setBabysitter(Consumer<Trial> babysitter) {
        this.babysitter = Objects.requireNonNull(babysitter);
    }

    /** Hands the selected trial to the main window, if it is finished and has a checkpoint. */
    public void babysitSelected() {
        Trial t = trials.get(selectedTrial.get());
        if (t == null) {
            return;
        }
        if (!t.state().finished() || t.runDir() == null || t.bestCheckpoint() == null) {
            notification.set("Trial #" + t.id() + " has no checkpoint to continue from yet"
                    + (t.state().finished() ? "." : ": wait until it finishes."));
            return;
        }
        babysitter.accept(t);
    }

    /** The trial with this id, or null. */
    public Trial trial(int id) {
        return trials.get(id);
    }

    /** Every trial's dev curve, for the overlay; the best and the selected come last (drawn on top). */
    public List<Curve> curves() {
        List<Curve> plain = new ArrayList<>();
        List<Curve> top = new ArrayList<>();
        for (Trial t : trials.values()) {
            double[] x = t.curve().stream().mapToDouble(EpochPoint::epoch).toArray();
            double[] y = t.curve().stream().mapToDouble(EpochPoint::devAccuracy).toArray();
            Curve c = new Curve(t.id(), x, y, t.id() == bestTrial.get(), t.id() == selectedTrial.get());
            (c.best() || c.selected() ? top : plain).add(c);
        }
        top.sort(Comparator.comparing(Curve::best)); // best drawn last of all
        plain.addAll(top);
        return plain;
    }

    /** One trial's dev accuracy per epoch (x: epochs finished, from 1). */
    public record Curve(int trialId, double[] epochs, double[] devAccuracy, boolean best, boolean selected) {
    }

    // ------------------------------------------------------------------ properties

    public ObservableList<TrialRow> rows() {
        return rows;
    }

    /** The hyperparameters over every round, in the order they first appear (the table's columns). */
    public ObservableList<String> paramNames() {
        return paramNames;
    }

    public ObservableList<ScatterData> scatters() {
        return scatters;
    }

    /** The parallel coordinates as of the last change ({@link #versionProperty()}). */
    public ParallelData parallel() {
        return parallelData;
    }

    /** The importance panel. */
    public ImportanceViewModel importance() {
        return importance;
    }

    public ReadOnlyIntegerProperty bestTrialProperty() {
        return bestTrial.getReadOnlyProperty();
    }

    public IntegerProperty selectedTrialProperty() {
        return selectedTrial;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty unfinishedCountProperty() {
        return unfinishedCount.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
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

    /** What the brushes select, in values. */
    public ReadOnlyStringProperty brushTextProperty() {
        return brushText.getReadOnlyProperty();
    }

    /** One line per round: how many trials and how many distinct values of each parameter it tries. */
    public ReadOnlyStringProperty roundsSummaryProperty() {
        return roundsSummary.getReadOnlyProperty();
    }

    /** Increases with every change the charts should show. */
    public ReadOnlyLongProperty versionProperty() {
        return version.getReadOnlyProperty();
    }

    public StringProperty trialsTextProperty() {
        return trialsText;
    }

    /** Why the trials field (or, for a grid, the values per axis) is not valid ("" when it is). */
    public ReadOnlyStringProperty trialsErrorProperty() {
        return trialsError.getReadOnlyProperty();
    }

    /** How the next round picks its trials: random (the default) or a grid. */
    public javafx.beans.property.ObjectProperty<Method> nextMethodProperty() {
        return nextMethod;
    }

    /** Values per axis of a next round that is a grid. */
    public StringProperty gridValuesTextProperty() {
        return gridValuesText;
    }

    public IntegerProperty topKProperty() {
        return topK;
    }

    public BooleanBinding canResume() {
        return Bindings.createBooleanBinding(() -> !running.get() && unfinishedCount.get() > 0, running, unfinishedCount);
    }

    /** A next round can start: not running, a finished trial to learn from, a valid trials count. */
    public BooleanBinding canNextRound() {
        return Bindings.createBooleanBinding(() -> search != null && !running.get() && finishedCount.get() > 0
                && trialsError.get().isEmpty(), running, finishedCount, trialsError);
    }

    public BooleanBinding canNextFromSelection() {
        return Bindings.createBooleanBinding(() -> canNextRound().get() && brushed.get(), running, finishedCount,
                trialsError, brushed);
    }

    public BooleanBinding canBabysit() {
        return Bindings.createBooleanBinding(() -> {
            Trial t = trials.get(selectedTrial.get());
            return t != null && t.state().finished() && t.runDir() != null && t.bestCheckpoint() != null;
        }, selectedTrial, version);
    }
}
