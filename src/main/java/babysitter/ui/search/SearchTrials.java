package babysitter.ui.search;

import babysitter.i18n.Texts;
import babysitter.search.EpochPoint;
import babysitter.search.Param;
import babysitter.search.Round;
import babysitter.search.Trial;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The rounds and trials the Search window shows, and what the trials table reads from them: one
 * row per trial, a column per hyperparameter over every round, the best trial, the selected trial,
 * one line per round and the finished/unfinished counts. Toolkit light (properties and lists only).
 */
public final class SearchTrials {
    /** Round lines shown at most (the latest; the earlier ones are counted). */
    static final int SHOWN_ROUND_LINES = 4;

    private final TreeMap<Integer, Trial> trials = new TreeMap<>();
    private final TreeMap<Integer, Round> rounds = new TreeMap<>();
    private final ObservableList<TrialRow> rows = FXCollections.observableArrayList();
    private final ObservableList<String> paramNames = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper bestTrial = new ReadOnlyIntegerWrapper(-1);
    private final IntegerProperty selectedTrial = new SimpleIntegerProperty(-1);
    private final ReadOnlyIntegerWrapper finishedCount = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper unfinishedCount = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper roundsSummary = new ReadOnlyStringWrapper("");

    SearchTrials() {
    }

    /** Forgets every round and trial (nothing is shown until {@link #refresh()}). */
    void clear() {
        rounds.clear();
        trials.clear();
    }

    void put(Trial t) {
        trials.put(t.id(), t);
    }

    void put(Round r) {
        rounds.put(r.index(), r);
    }

    /** Rebuilds the columns, the best trial, the rows, the round lines and the counts. */
    void refresh() {
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
            lines.add(0, Texts.get("search.rounds.earlier", hidden));
        }
        roundsSummary.set(String.join("\n", lines));
        int done = (int) trials.values().stream().filter(t -> t.state().finished()).count();
        finishedCount.set(done);
        unfinishedCount.set(trials.size() - done);
    }

    /** Every trial, by id. */
    Collection<Trial> all() {
        return trials.values();
    }

    /** Every round, by index. */
    Collection<Round> rounds() {
        return rounds.values();
    }

    /** The round with this index, or null. */
    Round round(int index) {
        return rounds.get(index);
    }

    boolean isEmpty() {
        return trials.isEmpty() && rounds.isEmpty();
    }

    boolean hasRounds() {
        return !rounds.isEmpty();
    }

    /** The round added last; only when {@link #hasRounds()}. */
    Round lastRound() {
        return rounds.lastEntry().getValue();
    }

    /** The trial with this id, or null. */
    public Trial trial(int id) {
        return trials.get(id);
    }

    /** The selected trial, or null. */
    Trial selected() {
        return trials.get(selectedTrial.get());
    }

    /** Epochs finished over every trial. */
    int epochsDone() {
        return trials.values().stream().mapToInt(t -> t.curve().size()).sum();
    }

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

    private TrialRow row(Trial t) {
        List<String> values = new ArrayList<>();
        for (String name : paramNames) {
            Object v = t.values().get(name);
            Param p = axis(name);
            values.add(v == null ? "" : p == null ? String.valueOf(v) : p.format(v));
        }
        double[] curve = t.curve().stream().mapToDouble(EpochPoint::devAccuracy).toArray();
        return new TrialRow(t.id(), t.round(), t.state(), values, t.bestDevAccuracy(), t.bestEpoch(), curve,
                TrialNoteWords.say(t.why()), t.runDir(), t.bestCheckpoint());
    }

    /**
     * The best trial: highest best dev accuracy, ties by lower dev cost at that epoch, then lower
     * id; -1 when no trial has finished an epoch.
     */
    static int best(Collection<Trial> trials) {
        Comparator<Trial> order = Comparator.comparingDouble(Trial::bestDevAccuracy).reversed()
                .thenComparingDouble(SearchTrials::devCostAtBest)
                .thenComparingInt(Trial::id);
        return trials.stream().filter(t -> Double.isFinite(t.bestDevAccuracy())).min(order).map(Trial::id).orElse(-1);
    }

    private static double devCostAtBest(Trial t) {
        return t.curve().stream().filter(p -> p.epoch() == t.bestEpoch()).mapToDouble(EpochPoint::devCost)
                .findFirst().orElse(Double.POSITIVE_INFINITY);
    }

    public ObservableList<TrialRow> rows() {
        return rows;
    }

    /** The hyperparameters over every round, in the order they first appear (the table's columns). */
    public ObservableList<String> paramNames() {
        return paramNames;
    }

    public ReadOnlyIntegerProperty bestTrialProperty() {
        return bestTrial.getReadOnlyProperty();
    }

    public IntegerProperty selectedTrialProperty() {
        return selectedTrial;
    }

    public ReadOnlyIntegerProperty finishedCountProperty() {
        return finishedCount.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty unfinishedCountProperty() {
        return unfinishedCount.getReadOnlyProperty();
    }

    /** One line per round: how many trials and how many distinct values of each parameter it tries. */
    public ReadOnlyStringProperty roundsSummaryProperty() {
        return roundsSummary.getReadOnlyProperty();
    }
}
