package babysitter.ui.search;

import babysitter.i18n.Texts;
import babysitter.report.ProblemWords;
import babysitter.search.Method;
import babysitter.search.Round;
import babysitter.search.Search;
import babysitter.search.SearchSpace;
import babysitter.search.Trial;
import babysitter.search.importance.Importance;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Search window's "next round" form and its three actions: a round over the brushed ranges,
 * around the top k trials, or on the important hyperparameters only; random (trials) or a grid
 * (values per axis). Adds the round to the search and hands it over to run. Toolkit light.
 */
public final class NextRoundForm {
    /** The most trials one round may ask for. */
    public static final int MAX_TRIALS = 1000;
    /** Trials per new round unless changed. */
    public static final int DEFAULT_TRIALS = 8;
    /** k of "Next round from top k" unless changed. */
    public static final int DEFAULT_TOP_K = 3;

    private final Supplier<Search> search;
    private final SearchTrials trials;
    private final TrialCharts charts;
    private final ImportanceViewModel importance;
    private final ReadOnlyBooleanProperty running;
    private final Consumer<String> notify;
    private final Runnable roundAdded;
    private final StringProperty trialsText = new SimpleStringProperty(Integer.toString(DEFAULT_TRIALS));
    private final ReadOnlyStringWrapper trialsError = new ReadOnlyStringWrapper("");
    private final ObjectProperty<Method> nextMethod = new SimpleObjectProperty<>(Method.RANDOM);
    private final StringProperty gridValuesText = new SimpleStringProperty("3");
    private final IntegerProperty topK = new SimpleIntegerProperty(DEFAULT_TOP_K);

    /**
     * @param search     the search shown (null before one is attached)
     * @param running    true while the search runs (no next round meanwhile)
     * @param notify     shows why a round could not be added
     * @param roundAdded runs the round just added (its trials are in {@code trials} already)
     */
    NextRoundForm(Supplier<Search> search, SearchTrials trials, TrialCharts charts, ImportanceViewModel importance,
                  ReadOnlyBooleanProperty running, Consumer<String> notify, Runnable roundAdded) {
        this.search = Objects.requireNonNull(search);
        this.trials = Objects.requireNonNull(trials);
        this.charts = Objects.requireNonNull(charts);
        this.importance = Objects.requireNonNull(importance);
        this.running = Objects.requireNonNull(running);
        this.notify = Objects.requireNonNull(notify);
        this.roundAdded = Objects.requireNonNull(roundAdded);
        trialsText.addListener((o, a, b) -> refreshTrialsError());
        gridValuesText.addListener((o, a, b) -> refreshTrialsError());
        nextMethod.addListener((o, a, b) -> refreshTrialsError());
    }

    private void refreshTrialsError() {
        trialsError.set(nextMethod.get() == Method.GRID ? NewSearchViewModel.gridRule(gridValuesText.get(), null)
                : SearchTexts.trialsRule(trialsText.get(), MAX_TRIALS));
    }

    /** Adds a round over the brushed ranges and runs it. */
    public void fromSelection() {
        if (!canNextRound().get() || charts.unbrushed()) {
            return;
        }
        int last = trials.lastRound().index();
        if (addRoundAndRun(charts.brushedSpace(), RoundOrigins.brushed(SearchTexts.displayRound(last)))) {
            charts.clearBrushes(); // kept when the round could not be added, to try again
        }
    }

    /** Adds a round around the best k trials of the last round and runs it. */
    public void fromTopK() {
        if (!canNextRound().get()) {
            return;
        }
        int last = trials.lastRound().index();
        int k = Math.max(1, topK.get());
        SearchSpace space;
        try {
            space = search.get().topSpace(last, k);
        } catch (RuntimeException e) {
            notify.accept(Texts.get("search.error.cannotZoom", k, ProblemWords.say(e)));
            return;
        }
        addRoundAndRun(space, RoundOrigins.top(k, SearchTexts.displayRound(last)));
    }

    /**
     * Adds a round that holds the parameters that did not matter ({@link Importance#unimportant()})
     * at the best trial's values and searches the others over the last round's ranges, and runs it.
     */
    public void onImportant() {
        if (!canNextRound().get()) {
            return;
        }
        Importance imp = importance.latest();
        Trial best = trials.trial(trials.bestTrialProperty().get());
        if (imp == null || !imp.available() || best == null) {
            notify.accept(Texts.get("search.error.notYet", importance.readingProperty().get()));
            return;
        }
        SearchSpace lastSpace = trials.lastRound().space();
        Map<String, Object> fixed = new LinkedHashMap<>();
        for (String name : imp.unimportant()) {
            Object v = best.values().get(name);
            if (v != null && lastSpace.param(name) != null) {
                fixed.put(name, v);
            }
        }
        if (fixed.isEmpty()) {
            notify.accept(Texts.get("search.error.allMattered", Math.round(Importance.IMPORTANT * 100)));
            return;
        }
        List<String> held = new ArrayList<>();
        fixed.forEach((name, v) -> held.add(name + "=" + lastSpace.param(name).format(v)));
        addRoundAndRun(lastSpace.fixing(fixed), RoundOrigins.important(SearchTexts.displayRound(trials.lastRound().index()),
                held));
    }

    /** False (with the reason in the notification) when the round could not be added. */
    private boolean addRoundAndRun(SearchSpace space, String origin) {
        boolean grid = nextMethod.get() == Method.GRID;
        int n = grid ? 0 : Integer.parseInt(trialsText.get().trim());
        int k = grid ? Integer.parseInt(gridValuesText.get().trim()) : 0;
        if (grid) {
            String tooBig = NewSearchViewModel.gridRule(Integer.toString(k), space);
            if (!tooBig.isEmpty()) {
                notify.accept(tooBig);
                return false;
            }
        }
        Search s = search.get();
        try {
            Round r = s.addRound(space, grid ? Method.GRID : Method.RANDOM, n, k, origin);
            trials.put(r);
            s.trials().forEach(trials::put);
        } catch (IOException | RuntimeException e) {
            notify.accept(Texts.get("search.error.cannotAddRound", ProblemWords.say(e)));
            return false;
        }
        roundAdded.run();
        return true;
    }

    public StringProperty trialsTextProperty() {
        return trialsText;
    }

    /** Why the trials field (or, for a grid, the values per axis) is not valid ("" when it is). */
    public ReadOnlyStringProperty trialsErrorProperty() {
        return trialsError.getReadOnlyProperty();
    }

    /** How the next round picks its trials: random (the default) or a grid. */
    public ObjectProperty<Method> nextMethodProperty() {
        return nextMethod;
    }

    /** Values per axis of a next round that is a grid. */
    public StringProperty gridValuesTextProperty() {
        return gridValuesText;
    }

    public IntegerProperty topKProperty() {
        return topK;
    }

    /** A next round can start: not running, a finished trial to learn from, a valid trials count. */
    public BooleanBinding canNextRound() {
        return Bindings.createBooleanBinding(() -> search.get() != null && !running.get()
                && trials.finishedCountProperty().get() > 0 && trialsError.get().isEmpty(),
                running, trials.finishedCountProperty(), trialsError);
    }

    public BooleanBinding canNextFromSelection() {
        return Bindings.createBooleanBinding(() -> canNextRound().get() && charts.brushedProperty().get(), running,
                trials.finishedCountProperty(), trialsError, charts.brushedProperty());
    }
}
