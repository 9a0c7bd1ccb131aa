package babysitter.ui.search;

import babysitter.i18n.Texts;
import babysitter.search.Round;
import babysitter.search.Trial;
import babysitter.search.TrialState;
import babysitter.search.importance.CourseOrder;
import babysitter.search.importance.Importance;
import babysitter.search.importance.ImportanceEstimator;
import babysitter.search.importance.Objective;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Search window's importance panel: each hyperparameter's share of the variance of the best
 * dev accuracy (and the pairs that matter), beside the course's order, with a one-line reading.
 * Recomputed on the {@code worker} executor whenever the number of finished trials changes (one
 * computation at a time; finishes that come meanwhile are taken in by one more), shown on {@code fx}.
 */
public final class ImportanceViewModel {
    /** Pairs below this share get no bar. */
    static final double SHOWN_PAIR = 0.05;

    /**
     * One bar: a parameter (or a pair, "α × β") and its share.
     *
     * @param id         the parameter's name, or "a×b" for a pair
     * @param label      what a person reads ("α", "mini-batch size", "α × β")
     * @param share      fraction of the variance
     * @param spread     its standard deviation over the forest's trees
     * @param courseTier the course's tier (1 first), 0 for a pair or a parameter the course does not rank
     */
    public record Bar(String id, String label, double share, double spread, int courseTier) {
        /** "0.62 ± 0.08", in the reader's locale. */
        public String valueText() {
            return Texts.number(share, 2) + " ± " + Texts.number(spread, 2);
        }
    }

    private final Executor fx;
    private final Executor worker;
    private final long seed;
    private final ObservableList<Bar> bars = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper reading = new ReadOnlyStringWrapper(
            Texts.get("search.importance.needs", ImportanceEstimator.MIN_TRIALS));
    private final ReadOnlyStringWrapper basis = new ReadOnlyStringWrapper("");
    private final ReadOnlyLongWrapper computations = new ReadOnlyLongWrapper();
    private Importance latest;
    private boolean computing;
    private Input waiting;
    private String shownKey = "";

    private record Input(List<Round> rounds, List<Trial> trials, String key) {
    }

    public ImportanceViewModel(Executor fx, Executor worker, long seed) {
        this.fx = Objects.requireNonNull(fx);
        this.worker = Objects.requireNonNull(worker);
        this.seed = seed;
    }

    /**
     * The trials as they are now (call on the FX thread): recomputes when the finished trials or the
     * rounds changed since the last time.
     */
    public void update(List<Round> rounds, List<Trial> trials) {
        StringBuilder key = new StringBuilder().append(rounds.size()).append(':');
        trials.stream().filter(t -> t.state() == TrialState.DONE).forEach(t -> key.append(t.id()).append(','));
        Input in = new Input(List.copyOf(rounds), List.copyOf(trials), key.toString());
        if (in.key().equals(shownKey) || waiting != null && in.key().equals(waiting.key())) {
            return;
        }
        if (computing) {
            waiting = in;
            return;
        }
        start(in);
    }

    private void start(Input in) {
        computing = true;
        shownKey = in.key();
        worker.execute(() -> {
            Importance imp;
            try {
                imp = ImportanceEstimator.estimate(in.rounds(), in.trials(), Objective.DEV_ACCURACY, seed);
            } catch (RuntimeException e) {
                imp = null;
                String why = e.getMessage();
                fx.execute(() -> reading.set(Texts.get("search.importance.failed", why)));
            }
            Importance result = imp;
            fx.execute(() -> finished(result));
        });
    }

    private void finished(Importance imp) {
        computing = false;
        if (imp != null) {
            show(imp);
        }
        computations.set(computations.get() + 1);
        if (waiting != null) {
            Input next = waiting;
            waiting = null;
            start(next);
        }
    }

    private void show(Importance imp) {
        latest = imp;
        List<Bar> out = new ArrayList<>();
        for (Importance.Share s : imp.ranked()) {
            out.add(new Bar(s.param(), SearchTexts.spoken(s.param()), s.share(), s.spread(),
                    CourseOrder.tier(s.param())));
        }
        for (Importance.PairShare p : imp.pairs()) {
            if (p.share() >= SHOWN_PAIR) {
                out.add(new Bar(p.first() + "×" + p.second(), SearchTexts.spoken(p.first()) + " × "
                        + SearchTexts.spoken(p.second()), p.share(), p.spread(), 0));
            }
        }
        bars.setAll(out);
        reading.set(ImportanceReading.of(imp));
        basis.set(imp.available() ? Texts.get("search.importance.basis", imp.trials(), imp.rest()) : "");
    }

    /** The latest estimate, or null before the first. */
    public Importance latest() {
        return latest;
    }

    /** Parameters first (largest share first), then the pairs that matter. */
    public ObservableList<Bar> bars() {
        return bars;
    }

    /** The course's order in one line. */
    public String courseLine() {
        return Texts.get("search.importance.course");
    }

    /** "Here mini-batch size mattered more than β, against the course's order (24 trials: still uncertain)." */
    public ReadOnlyStringProperty readingProperty() {
        return reading.getReadOnlyProperty();
    }

    /** What the bars rest on: the objective and the number of trials. */
    public ReadOnlyStringProperty basisProperty() {
        return basis.getReadOnlyProperty();
    }

    /** Counts finished computations (for tests and for the view to know that new bars came). */
    public ReadOnlyLongProperty computationsProperty() {
        return computations.getReadOnlyProperty();
    }
}
