package babysitter.ui.siblings;

import babysitter.engine.Hyperparameters;
import babysitter.i18n.Texts;
import babysitter.session.configuration.OptimizerBeta;
import babysitter.session.live.Command;
import babysitter.session.live.Siblings;
import babysitter.session.reports.Report.SiblingsReport;
import babysitter.session.reports.Report;
import babysitter.ui.monitor.MonitorViewModel;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The state behind "Try siblings": the dialog's four fields with their validation, and the panel's
 * rows (α, the optimiser's β, dev accuracy, state), the winner and the progress while siblings train. Adopting or
 * discarding sends a command; the session's last report removes the rows and the chart overlays.
 * Toolkit free.
 */
public final class SiblingsViewModel {
    /** The dialog's defaults. */
    public static final String DEFAULT_COUNT = "4";
    public static final String DEFAULT_EPOCHS = "2";
    public static final String DEFAULT_ALPHA_WINDOW = "0.5";
    public static final String DEFAULT_BETA_WINDOW = "0.5";

    /** One sibling as the panel shows it. */
    public record Row(int index, String name, String alpha, String beta, String devAccuracy, String devCost,
                      String epochs, String state, boolean winner, boolean adoptable) {
    }

    private final Consumer<Command> submit;
    private final MonitorViewModel monitor;
    private final Supplier<Hyperparameters> current;
    private final LongSupplier seeds;

    private final StringProperty count = new SimpleStringProperty(DEFAULT_COUNT);
    private final StringProperty epochs = new SimpleStringProperty(DEFAULT_EPOCHS);
    private final StringProperty alphaWindow = new SimpleStringProperty(DEFAULT_ALPHA_WINDOW);
    private final StringProperty betaWindow = new SimpleStringProperty(DEFAULT_BETA_WINDOW);
    private final ReadOnlyStringWrapper countError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper epochsError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper alphaError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper betaError = new ReadOnlyStringWrapper("");
    private final BooleanBinding valid;

    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyIntegerWrapper winner = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper betaHeading = new ReadOnlyStringWrapper("β");
    private SiblingsReport last;

    /**
     * @param submit  sends a command to the session
     * @param current the main run's hyperparameters now (for the dialog's explanation)
     * @param seeds   the seed of each try (recorded in the run's events)
     */
    public SiblingsViewModel(Consumer<Command> submit, MonitorViewModel monitor, Supplier<Hyperparameters> current,
                             LongSupplier seeds) {
        this.submit = Objects.requireNonNull(submit);
        this.monitor = Objects.requireNonNull(monitor);
        this.current = Objects.requireNonNull(current);
        this.seeds = Objects.requireNonNull(seeds);
        count.addListener((o, a, b) -> validate());
        epochs.addListener((o, a, b) -> validate());
        alphaWindow.addListener((o, a, b) -> validate());
        betaWindow.addListener((o, a, b) -> validate());
        valid = Bindings.createBooleanBinding(() -> countError.get().isEmpty() && epochsError.get().isEmpty()
                && alphaError.get().isEmpty() && betaError.get().isEmpty(), countError, epochsError, alphaError,
                betaError);
        validate();
    }

    // ------------------------------------------------------------------ the dialog

    public StringProperty countProperty() {
        return count;
    }

    public StringProperty epochsProperty() {
        return epochs;
    }

    /** The α window, in decades either side of the current α. */
    public StringProperty alphaWindowProperty() {
        return alphaWindow;
    }

    /** The β window, in decades of 1−β either side. */
    public StringProperty betaWindowProperty() {
        return betaWindow;
    }

    public ReadOnlyStringProperty countErrorProperty() {
        return countError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty epochsErrorProperty() {
        return epochsError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty alphaErrorProperty() {
        return alphaError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty betaErrorProperty() {
        return betaError.getReadOnlyProperty();
    }

    /** Whether every field holds an allowed value (drives OK). */
    public BooleanBinding validProperty() {
        return valid;
    }

    /** Puts the defaults back into the fields. */
    public void resetFields() {
        count.set(DEFAULT_COUNT);
        epochs.set(DEFAULT_EPOCHS);
        alphaWindow.set(DEFAULT_ALPHA_WINDOW);
        betaWindow.set(DEFAULT_BETA_WINDOW);
    }

    private void validate() {
        countError.set(integerError("N", count.get(), 2, Command.TrySiblings.MAX_COUNT));
        epochsError.set(integerError("K", epochs.get(), 1, Command.TrySiblings.MAX_EPOCHS));
        alphaError.set(decadesError(Texts.get("siblings.alphaWindowName"), alphaWindow.get()));
        betaError.set(decadesError(Texts.get("siblings.betaWindowName"), betaWindow.get()));
    }

    private static String integerError(String name, String text, int min, int max) {
        String t = text == null ? "" : text.trim();
        try {
            int v = Integer.parseInt(t);
            if (v >= min && v <= max) {
                return "";
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        return Texts.get("siblings.wholeError", name, min, max, t);
    }

    private static String decadesError(String name, String text) {
        String t = text == null ? "" : text.trim();
        try {
            double v = Double.parseDouble(t);
            if (v >= 0 && v <= Command.TrySiblings.MAX_DECADES) {
                return "";
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        return Texts.get("siblings.decadesError", name, (int) Command.TrySiblings.MAX_DECADES, t);
    }

    /** The β that siblings of the current run vary (from its optimiser); NONE with SGD or no run. */
    public OptimizerBeta varied() {
        Hyperparameters hp = current.get();
        return hp == null ? OptimizerBeta.NONE : OptimizerBeta.of(hp.optimizer());
    }

    /**
     * What the windows mean for the current α and β, e.g. "α from 3.2e-4 to 3.2e-3 (log scale) ·
     * β1 from 0.68 to 0.97 (log of 1−β1).", naming the β the optimiser uses (none with SGD).
     */
    public String ranges() {
        Hyperparameters hp = current.get();
        if (hp == null || !valid.get()) {
            return "";
        }
        double a = Double.parseDouble(alphaWindow.get().trim());
        double b = Double.parseDouble(betaWindow.get().trim());
        double lo = hp.learningRate() * Math.pow(10, -a);
        double hi = hp.learningRate() * Math.pow(10, a);
        OptimizerBeta varied = OptimizerBeta.of(hp.optimizer());
        String s = Texts.get("siblings.rangeAlpha", MonitorViewModel.alpha(lo), MonitorViewModel.alpha(hi));
        if (varied == OptimizerBeta.NONE) {
            return Texts.get("siblings.rangeNoBeta", s);
        }
        double b0 = varied.get(hp);
        double bLo = Math.max(0, 1 - (1 - b0) * Math.pow(10, b));
        double bHi = Math.min(Siblings.MAX_BETA, 1 - (1 - b0) * Math.pow(10, -b));
        String sym = varied.symbol();
        s = Texts.get("siblings.rangeBeta", s, sym, MonitorViewModel.beta(bLo), MonitorViewModel.beta(bHi));
        s += switch (varied) {
            case BETA1 -> Texts.get("siblings.rangeAdam", MonitorViewModel.beta(hp.beta2()));
            case BETA2 -> Texts.get("siblings.rangeRmsprop");
            default -> "";
        };
        return Texts.get("siblings.rangeControl", s, sym);
    }

    /** The command for the fields (with a new seed), or empty while a field is wrong. */
    public Optional<Command.TrySiblings> command() {
        if (!valid.get()) {
            return Optional.empty();
        }
        return Optional.of(new Command.TrySiblings(Integer.parseInt(count.get().trim()),
                Integer.parseInt(epochs.get().trim()), Double.parseDouble(alphaWindow.get().trim()),
                Double.parseDouble(betaWindow.get().trim()), seeds.getAsLong()));
    }

    /** Sends the dialog's command; whether it was valid. */
    public boolean trySiblings() {
        Optional<Command.TrySiblings> c = command();
        c.ifPresent(submit);
        return c.isPresent();
    }

    // ------------------------------------------------------------------ the panel

    /** Takes one frame's reports (on the JavaFX thread). */
    public void accept(List<Report> batch) {
        SiblingsReport newest = null;
        for (Report r : batch) {
            if (r instanceof SiblingsReport s) {
                newest = s;
            }
        }
        if (newest != null) {
            show(newest);
        }
    }

    void show(SiblingsReport r) {
        monitor.showSiblings(r);
        boolean over = r.phase() == SiblingsReport.Phase.ADOPTED || r.phase() == SiblingsReport.Phase.DISCARDED;
        if (over) {
            reset();
            return;
        }
        last = r;
        int best = r.winner();
        winner.set(r.phase() == SiblingsReport.Phase.DONE ? best : -1);
        betaHeading.set(r.varied() == OptimizerBeta.NONE ? Texts.get("siblings.betaNone") : r.varied().symbol());
        rows.setAll(r.siblings().stream().map(s -> row(r, s, s.index() == winner.get())).toList());
        int done = r.epochsDone();
        int total = r.epochsTotal();
        progress.set(total == 0 ? 0 : done / (double) total);
        progressText.set(Texts.get("siblings.progress", done, total,
                r.phase() == SiblingsReport.Phase.DONE ? Texts.get("siblings.progressDone") : ""));
        title.set(Texts.get("siblings.panelTitle", r.checkpoint(), String.valueOf(r.fromEpoch()), String.valueOf(r.fromStep()),
                r.epochs(), r.threads()));
        active.set(true);
    }

    private static Row row(SiblingsReport r, SiblingsReport.Sibling s, boolean win) {
        String acc = Double.isFinite(s.lastDevAccuracy()) ? String.format(Locale.ROOT, "%.4f", s.lastDevAccuracy())
                : s.epochsDone() == 0 ? "—" : Texts.get("siblings.noDevSet");
        String cost = Double.isFinite(s.lastDevCost()) ? String.format(Locale.ROOT, "%.4f", s.lastDevCost())
                : Double.isFinite(s.lastTrainCost()) ? Texts.get("siblings.trainCost",
                        String.format(Locale.ROOT, "%.4f", s.lastTrainCost())) : "—";
        String state = Texts.get("siblings.state." + s.state().name());
        return new Row(s.index(), Texts.get(s.control() ? "siblings.nameControl" : "siblings.name", s.index() + 1),
                MonitorViewModel.alpha(s.alpha()),
                r.varied() == OptimizerBeta.NONE ? "—" : MonitorViewModel.beta(s.beta()), acc, cost,
                s.epochsDone() + "/" + r.epochs(), win ? Texts.get("siblings.stateBest", state) : state,
                win, s.state() == SiblingsReport.SiblingState.DONE);
    }

    /** Forgets the siblings (a new run, or the session's last report about them). */
    public void reset() {
        last = null;
        rows.clear();
        winner.set(-1);
        progress.set(0);
        progressText.set("");
        title.set("");
        active.set(false);
        monitor.showSiblings(null);
    }

    /** Adopts sibling {@code index} (from 0). */
    public void adopt(int index) {
        submit.accept(new Command.AdoptSibling(index));
    }

    /** Adopts the winner, if there is one. */
    public void adoptWinner() {
        if (winner.get() >= 0) {
            adopt(winner.get());
        }
    }

    /** Stops the siblings and forgets them; the main run stays where it was. */
    public void discard() {
        submit.accept(new Command.CancelSiblings());
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    /** Whether siblings are training or waiting to be adopted. */
    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    /** The best sibling once all are done (−1 before). */
    public ReadOnlyIntegerProperty winnerProperty() {
        return winner.getReadOnlyProperty();
    }

    /** Sibling epochs done over all to do, in [0, 1]. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** "5/8 sibling epochs". */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** The panel's β column heading: the symbol of the β the siblings vary ("β", "β1", "β2"). */
    public ReadOnlyStringProperty betaHeadingProperty() {
        return betaHeading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** The latest report shown, or null. */
    public SiblingsReport last() {
        return last;
    }
}
