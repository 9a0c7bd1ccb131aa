package babysitter.ui.setup;

import babysitter.data.DataSpec;
import babysitter.engine.Precision;
import babysitter.engine.optim.OptimizerKind;
import babysitter.i18n.Texts;
import babysitter.report.ProblemWords;
import babysitter.session.configuration.NetworkSpec;
import babysitter.session.configuration.OptimizerSpec;
import babysitter.session.configuration.RunConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;

/**
 * State, validation and actions of the setup panel. Every field is held as the text the person
 * typed ({@link Fields}); each change re-validates all fields — the data part ({@link DataSection},
 * which asks {@code babysitter.data} for a kind's rules and preview), the network
 * ({@link NetworkSection}) and the optimiser and training ({@link TrainingSection}) — sets a
 * per-field error message ("" when fine), and recomputes {@link #validProperty() valid},
 * {@link #canStartProperty() canStart} and the preview. Only javafx.beans and javafx.collections
 * are used, so it works without the toolkit; it is meant to be used from one thread (the FX thread
 * in the application).
 *
 * <p>Field names used by {@link #text(String)}, {@link #error(String)} and
 * {@link #appliesProperty(String)}: {@link #TEXT_FIELDS}, plus "header" and "standardize".
 */
public final class SetupViewModel {

    /** One point of the data preview. */
    public record PreviewPoint(double x, double y, int label) {
    }

    /** The text fields, in the order of the panel. */
    public static final List<String> TEXT_FIELDS = List.of("n", "noise", "arms", "classes", "path", "labelColumn",
            "devFraction", "testFraction", "layers", "learningRate", "momentum", "batchSize", "l2", "epochs", "seed");

    /** At most this many points are generated for the preview. */
    public static final int PREVIEW_CAP = 1000;

    private final Fields fields = new Fields(this, TEXT_FIELDS, List.of("n", "noise", "arms", "classes", "path",
            "labelColumn", "header", "devFraction", "testFraction", "standardize", "momentum"));
    private final DataSection data = new DataSection(this, fields);
    private final NetworkSection network = new NetworkSection(this, fields);
    private final TrainingSection training = new TrainingSection(this, fields);
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy", false);
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid", false);
    private final ReadOnlyBooleanWrapper canStart = new ReadOnlyBooleanWrapper(this, "canStart", false);
    private final ReadOnlyObjectWrapper<RunConfig> shown = new ReadOnlyObjectWrapper<>(this, "config", null);
    private final ReadOnlyStringWrapper configError = new ReadOnlyStringWrapper(this, "configError", "");

    /** The configuration last loaded: the source of the settings this panel does not edit. */
    private RunConfig base;
    private RunConfig built;
    private boolean loading;
    private Runnable onNewRun;

    /** A model holding {@link #defaults()}. */
    public SetupViewModel() {
        canStart.bind(valid.and(busy.not()));
        data.kind().addListener((obs, old, now) -> kindChanged(now));
        List<Observable> all = new ArrayList<>();
        TEXT_FIELDS.forEach(f -> all.add(text(f)));
        all.addAll(List.of(data.kind(), data.header(), data.standardize(), network.precision(), training.optimizer()));
        for (Observable o : all) {
            o.addListener(x -> changed());
        }
        changed();
    }

    /**
     * A ready default: spiral n 600, arms 3, noise 0.2, dev 0.2; layers "32 relu bn, 32 relu bn";
     * Adam α 0.01, batch 32; 40 epochs, seed 1. Valid, so one click starts training.
     */
    public static SetupViewModel defaults() {
        return new SetupViewModel();
    }

    /** The data kinds to choose from. */
    public List<String> dataKinds() {
        return DataSpec.KINDS;
    }

    // ---- properties ------------------------------------------------------------------------

    public ObjectProperty<String> dataKindProperty() {
        return data.kind();
    }

    /** The text property of a field of {@link #TEXT_FIELDS}. */
    public StringProperty text(String field) {
        return fields.text(field);
    }

    /** The error message of a field of {@link #TEXT_FIELDS}: "" when the field is fine. */
    public ReadOnlyStringProperty error(String field) {
        return fields.error(field);
    }

    /**
     * Whether a field applies to the current data kind (data fields) or optimiser (momentum);
     * fields not listed here (layers, learningRate, …) always apply.
     */
    public ReadOnlyBooleanProperty appliesProperty(String field) {
        return fields.appliesProperty(field);
    }

    /** Whether a field applies now (see {@link #appliesProperty(String)}). */
    public boolean applies(String field) {
        return fields.applies(field);
    }

    /** The fields that apply now among those that depend on the kind or optimiser (observable). */
    public ObservableSet<String> applicableFields() {
        return fields.applicable();
    }

    public StringProperty nProperty() {
        return text("n");
    }

    public StringProperty noiseProperty() {
        return text("noise");
    }

    public StringProperty armsProperty() {
        return text("arms");
    }

    public StringProperty classesProperty() {
        return text("classes");
    }

    public StringProperty pathProperty() {
        return text("path");
    }

    public StringProperty labelColumnProperty() {
        return text("labelColumn");
    }

    public StringProperty devFractionProperty() {
        return text("devFraction");
    }

    public StringProperty testFractionProperty() {
        return text("testFraction");
    }

    public BooleanProperty headerProperty() {
        return data.header();
    }

    public BooleanProperty standardizeProperty() {
        return data.standardize();
    }

    /** Hidden layers in the compact form of {@link LayerText}, e.g. "32 relu bn, 32 relu bn". */
    public StringProperty layersProperty() {
        return text("layers");
    }

    public ObjectProperty<Precision> precisionProperty() {
        return network.precision();
    }

    public ObjectProperty<OptimizerKind> optimizerProperty() {
        return training.optimizer();
    }

    public StringProperty learningRateProperty() {
        return text("learningRate");
    }

    public StringProperty momentumProperty() {
        return text("momentum");
    }

    public StringProperty batchSizeProperty() {
        return text("batchSize");
    }

    public StringProperty l2Property() {
        return text("l2");
    }

    public StringProperty epochsProperty() {
        return text("epochs");
    }

    public StringProperty seedProperty() {
        return text("seed");
    }

    /** A problem only the combination of fields shows (normally ""; the fields' own errors come first). */
    public ReadOnlyStringProperty configErrorProperty() {
        return configError.getReadOnlyProperty();
    }

    /** True when every applicable field is fine and a configuration can be built. */
    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    public boolean isValid() {
        return valid.get();
    }

    /** Set by the main window while a run is starting or running. */
    public BooleanProperty busyProperty() {
        return busy;
    }

    /** valid and not busy: drives the "New run" button. */
    public ReadOnlyBooleanProperty canStartProperty() {
        return canStart.getReadOnlyProperty();
    }

    /** Points of the current 2-D built-in set (at most {@link #PREVIEW_CAP}); empty for other kinds. */
    public ReadOnlyObjectProperty<List<PreviewPoint>> previewProperty() {
        return data.preview();
    }

    /** The CSV file's column names from its header line (empty when not known). */
    public ObservableList<String> csvColumns() {
        return data.csvColumns();
    }

    // ---- actions ---------------------------------------------------------------------------

    /** Sets the IDX folder or the CSV file. */
    public void choosePath(Path chosen) {
        Objects.requireNonNull(chosen, "chosen");
        text("path").set(chosen.toAbsolutePath().toString());
    }

    /** What {@link #newRun()} runs (the main window supplies it). */
    public void setOnNewRun(Runnable action) {
        this.onNewRun = action;
    }

    /** Starts a new run through the action of {@link #setOnNewRun}; does nothing unless {@code canStart}. */
    public void newRun() {
        if (canStart.get() && onNewRun != null) {
            onNewRun.run();
        }
    }

    /** The configuration the fields describe, or null while a field is invalid; changes with every edit. */
    public ReadOnlyObjectProperty<RunConfig> configProperty() {
        return shown.getReadOnlyProperty();
    }

    /** The configuration the fields describe (named after the data kind), or empty when a field is invalid. */
    public Optional<RunConfig> toConfig() {
        return valid.get() ? Optional.of(built) : Optional.empty();
    }

    /**
     * Fills the fields from a configuration (e.g. the last run's). Settings this panel does not show
     * (β1, β2, ε, decay, batch-norm constants, batch order, logEvery, the data seed) are kept and
     * carried into {@link #toConfig()}.
     */
    public void load(RunConfig config) {
        Objects.requireNonNull(config, "config");
        loading = true;
        try {
            base = config;
            data.load(config.data());
            network.load(config.network());
            training.load(config);
        } finally {
            loading = false;
        }
        changed();
    }

    // ---- reactions -------------------------------------------------------------------------

    private void kindChanged(String now) {
        if (loading) {
            return; // the invalidation listener re-validates
        }
        loading = true;
        try {
            data.fillKindDefaults(now);
        } finally {
            loading = false;
        }
        changed();
    }

    private void changed() {
        if (loading) {
            return;
        }
        List<String> on = new ArrayList<>(data.applicable());
        on.addAll(training.applicable());
        fields.setApplicable(on);
        data.refreshCsvColumns();
        validate();
        data.updatePreview(base != null ? base.data().seed() : null);
    }

    private void validate() {
        Fields.Check v = fields.check();
        Supplier<DataSpec> dataSpec = data.check(v, base != null ? base.data() : null);
        TrainingSection.Run run = training.checkRun(v);
        Supplier<NetworkSpec> networkSpec = network.check(v, base != null ? base.network() : null,
                run.seed() == null ? 0 : run.seed());
        Supplier<OptimizerSpec> optimizerSpec = training.check(v, base != null ? base.optimizer() : null);
        v.publish();

        RunConfig config = null;
        String problem = "";
        if (dataSpec == null) {
            problem = Texts.get("setup.check.chooseKind", String.join(", ", DataSpec.KINDS));
        } else if (!v.failed()) {
            try {
                DataSpec d = dataSpec.get();
                OptimizerSpec opt = optimizerSpec.get();
                NetworkSpec net = networkSpec.get();
                config = new RunConfig(d.kind(), net, opt, d, run.epochs(), run.seed(),
                        base != null ? base.batchOrder() : null, base != null ? base.logEvery() : null);
            } catch (IllegalArgumentException e) {
                problem = ProblemWords.say(e);
            }
        }
        built = config;
        configError.set(problem);
        valid.set(config != null);
        shown.set(config);
    }
}
