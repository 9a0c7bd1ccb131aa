package babysitter.ui.setup;

import babysitter.data.BuiltInSet;
import babysitter.data.CsvFile;
import babysitter.data.CsvLoader;
import babysitter.data.DataSpec;
import babysitter.data.Dataset;
import babysitter.data.IdxFolder;
import babysitter.data.SplitSettings;
import babysitter.engine.Hyperparameters;
import babysitter.engine.LayerSpec;
import babysitter.engine.Precision;
import babysitter.engine.optim.OptimizerKind;
import babysitter.session.NetworkSpec;
import babysitter.session.OptimizerSpec;
import babysitter.session.LearningRateRange;
import babysitter.session.RunConfig;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
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
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;

/**
 * State, validation and actions of the setup panel. Every field is held as the text the person
 * typed; each change re-validates all fields with the engine's rules ({@link Hyperparameters},
 * {@link LayerSpec}, {@link DataSpec}), sets a per-field error message ("" when fine), and
 * recomputes {@link #validProperty() valid}, {@link #canStartProperty() canStart} and the preview.
 * Only javafx.beans and javafx.collections are used, so it works without the toolkit; it is meant
 * to be used from one thread (the FX thread in the application).
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

    private static final List<String> SYNTHETIC_PARAMS = List.of("n", "noise", "arms", "classes");
    private static final Set<String> DATA_FIELDS = Set.of("n", "noise", "arms", "classes", "path", "labelColumn",
            "header", "devFraction", "testFraction", "standardize");
    private static final Pattern WHOLE = Pattern.compile("[-+]?[0-9]+");
    private static final Pattern NUMBER = Pattern.compile("[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?");

    private final ObjectProperty<String> dataKind = new SimpleObjectProperty<>(this, "dataKind", "spiral");
    private final Map<String, StringProperty> texts = new LinkedHashMap<>();
    private final Map<String, ReadOnlyStringWrapper> errors = new LinkedHashMap<>();
    private final Map<String, ReadOnlyBooleanWrapper> applies = new LinkedHashMap<>();
    private final ObservableSet<String> applicable = FXCollections.observableSet();
    private final ObservableSet<String> applicableView = FXCollections.unmodifiableObservableSet(applicable);
    private final BooleanProperty header = new SimpleBooleanProperty(this, "header", true);
    private final BooleanProperty standardize = new SimpleBooleanProperty(this, "standardize", true);
    private final ObjectProperty<Precision> precision = new SimpleObjectProperty<>(this, "precision", Precision.FLOAT32);
    private final ObjectProperty<OptimizerKind> optimizer = new SimpleObjectProperty<>(this, "optimizer",
            OptimizerKind.ADAM);
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy", false);
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid", false);
    private final ReadOnlyBooleanWrapper canStart = new ReadOnlyBooleanWrapper(this, "canStart", false);
    private final ReadOnlyObjectWrapper<RunConfig> shown = new ReadOnlyObjectWrapper<>(this, "config", null);
    private final ReadOnlyStringWrapper configError = new ReadOnlyStringWrapper(this, "configError", "");
    private final ReadOnlyObjectWrapper<List<PreviewPoint>> preview = new ReadOnlyObjectWrapper<>(this, "preview",
            List.of());
    private final ObservableList<String> csvColumns = FXCollections.observableArrayList();
    private final ObservableList<String> csvColumnsView = FXCollections.unmodifiableObservableList(csvColumns);

    /** The values this model last filled in itself (defaults), per synthetic parameter. */
    private final Map<String, String> autoValues = new HashMap<>();
    /** The configuration last loaded: the source of the settings this panel does not edit. */
    private RunConfig base;
    private RunConfig built;
    private boolean loading;
    private List<Object> csvKey;
    private String csvProblem = "";
    private int csvFieldCount = -1;
    private List<Object> previewKey;
    private Runnable onNewRun;

    /** A model holding {@link #defaults()}. */
    public SetupViewModel() {
        for (String f : TEXT_FIELDS) {
            texts.put(f, new SimpleStringProperty(this, f, ""));
            errors.put(f, new ReadOnlyStringWrapper(this, f + "Error", ""));
        }
        for (String f : List.of("n", "noise", "arms", "classes", "path", "labelColumn", "header", "devFraction",
                "testFraction", "standardize", "momentum")) {
            applies.put(f, new ReadOnlyBooleanWrapper(this, f + "Applies", false));
        }
        canStart.bind(valid.and(busy.not()));
        loading = true;
        text("n").set("600");
        text("arms").set("3");
        text("noise").set("0.2");
        text("classes").set("3");
        text("labelColumn").set("last");
        text("devFraction").set(fmt(DataSpec.DEFAULT_DEV_FRACTION));
        text("testFraction").set(fmt(DataSpec.DEFAULT_TEST_FRACTION));
        text("layers").set(LayerText.EXAMPLE);
        text("learningRate").set("0.01");
        text("momentum").set(fmt(Hyperparameters.DEFAULTS.momentum()));
        text("batchSize").set("32");
        text("l2").set("0");
        text("epochs").set("40");
        text("seed").set("1");
        for (String f : SYNTHETIC_PARAMS) {
            autoValues.put(f, text(f).get());
        }
        loading = false;

        dataKind.addListener((obs, old, now) -> kindChanged(old, now));
        List<Observable> all = new ArrayList<>(texts.values());
        all.addAll(List.of(dataKind, header, standardize, precision, optimizer));
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
        return dataKind;
    }

    /** The text property of a field of {@link #TEXT_FIELDS}. */
    public StringProperty text(String field) {
        StringProperty p = texts.get(field);
        if (p == null) {
            throw new IllegalArgumentException("no text field '" + field + "'; fields: " + TEXT_FIELDS);
        }
        return p;
    }

    /** The error message of a field of {@link #TEXT_FIELDS}: "" when the field is fine. */
    public ReadOnlyStringProperty error(String field) {
        ReadOnlyStringWrapper p = errors.get(field);
        if (p == null) {
            throw new IllegalArgumentException("no text field '" + field + "'; fields: " + TEXT_FIELDS);
        }
        return p.getReadOnlyProperty();
    }

    /**
     * Whether a field applies to the current data kind (data fields) or optimiser (momentum);
     * fields not listed here (layers, learningRate, …) always apply.
     */
    public ReadOnlyBooleanProperty appliesProperty(String field) {
        ReadOnlyBooleanWrapper p = applies.get(field);
        if (p == null) {
            ReadOnlyBooleanWrapper always = new ReadOnlyBooleanWrapper(this, field + "Applies", true);
            return always.getReadOnlyProperty();
        }
        return p.getReadOnlyProperty();
    }

    /** Whether a field applies now (see {@link #appliesProperty(String)}). */
    public boolean applies(String field) {
        ReadOnlyBooleanWrapper p = applies.get(field);
        return p == null || p.get();
    }

    /** The fields that apply now among those that depend on the kind or optimiser (observable). */
    public ObservableSet<String> applicableFields() {
        return applicableView;
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
        return header;
    }

    public BooleanProperty standardizeProperty() {
        return standardize;
    }

    /** Hidden layers in the compact form of {@link LayerText}, e.g. "32 relu bn, 32 relu bn". */
    public StringProperty layersProperty() {
        return text("layers");
    }

    public ObjectProperty<Precision> precisionProperty() {
        return precision;
    }

    public ObjectProperty<OptimizerKind> optimizerProperty() {
        return optimizer;
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

    public ReadOnlyStringProperty nErrorProperty() {
        return error("n");
    }

    public ReadOnlyStringProperty noiseErrorProperty() {
        return error("noise");
    }

    public ReadOnlyStringProperty armsErrorProperty() {
        return error("arms");
    }

    public ReadOnlyStringProperty classesErrorProperty() {
        return error("classes");
    }

    public ReadOnlyStringProperty pathErrorProperty() {
        return error("path");
    }

    public ReadOnlyStringProperty labelColumnErrorProperty() {
        return error("labelColumn");
    }

    public ReadOnlyStringProperty devFractionErrorProperty() {
        return error("devFraction");
    }

    public ReadOnlyStringProperty testFractionErrorProperty() {
        return error("testFraction");
    }

    public ReadOnlyStringProperty layersErrorProperty() {
        return error("layers");
    }

    public ReadOnlyStringProperty learningRateErrorProperty() {
        return error("learningRate");
    }

    public ReadOnlyStringProperty momentumErrorProperty() {
        return error("momentum");
    }

    public ReadOnlyStringProperty batchSizeErrorProperty() {
        return error("batchSize");
    }

    public ReadOnlyStringProperty l2ErrorProperty() {
        return error("l2");
    }

    public ReadOnlyStringProperty epochsErrorProperty() {
        return error("epochs");
    }

    public ReadOnlyStringProperty seedErrorProperty() {
        return error("seed");
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
        return preview.getReadOnlyProperty();
    }

    /** The CSV file's column names from its header line (empty when not known). */
    public ObservableList<String> csvColumns() {
        return csvColumnsView;
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
            DataSpec d = config.data().withDefaults();
            dataKind.set(d.kind());
            if (d instanceof BuiltInSet b) {
                setIf("n", b.n() == null ? null : fmt(b.n()));
                setIf("arms", b.arms() == null ? null : fmt(b.arms()));
                setIf("classes", b.classes() == null ? null : fmt(b.classes()));
                setIf("noise", b.noise() == null ? null : fmt(b.noise()));
            }
            for (String f : SYNTHETIC_PARAMS) {
                autoValues.put(f, text(f).get());
            }
            String path = d instanceof IdxFolder f ? f.path() : d instanceof CsvFile c ? c.path() : null;
            text("path").set(path == null ? "" : path);
            CsvFile csv = d instanceof CsvFile c ? c : null;
            text("labelColumn").set(csv == null || csv.labelColumn() == null ? "last" : csv.labelColumn());
            header.set(csv == null || csv.header() == null || csv.header());
            text("devFraction").set(fmt(d.devFraction()));
            text("testFraction").set(fmt(d.testFraction()));
            standardize.set(d.standardize());
            text("layers").set(LayerText.format(config.network().hidden()));
            precision.set(config.network().precision() == null ? Precision.FLOAT32 : config.network().precision());
            Hyperparameters hp = config.optimizer().toHyperparameters();
            optimizer.set(hp.optimizer());
            text("learningRate").set(fmt(hp.learningRate()));
            text("momentum").set(fmt(hp.momentum()));
            text("batchSize").set(fmt(hp.batchSize()));
            text("l2").set(fmt(hp.l2()));
            text("epochs").set(fmt(config.epochs()));
            text("seed").set(Long.toString(config.seed()));
        } finally {
            loading = false;
        }
        changed();
    }

    private void setIf(String field, String value) {
        if (value != null) {
            text(field).set(value);
        }
    }

    // ---- reactions -------------------------------------------------------------------------

    /** Fills in the new kind's defaults in the synthetic parameters the person has not edited. */
    private void kindChanged(String old, String now) {
        if (loading || now == null || !DataSpec.isBuiltIn2D(now)) {
            return; // the invalidation listener re-validates
        }
        BuiltInSet d = (BuiltInSet) DataSpec.of(now).withDefaults();
        Map<String, Object> defaults = new HashMap<>();
        defaults.put("n", d.n());
        defaults.put("noise", d.noise());
        defaults.put("arms", d.arms());
        defaults.put("classes", d.classes());
        loading = true;
        try {
            for (String f : SYNTHETIC_PARAMS) {
                Object value = defaults.get(f);
                if (value != null && text(f).get().equals(autoValues.get(f))) {
                    String t = value instanceof Double v ? fmt(v) : fmt((Integer) value);
                    text(f).set(t);
                    autoValues.put(f, t);
                }
            }
        } finally {
            loading = false;
        }
        changed();
    }

    private void changed() {
        if (loading) {
            return;
        }
        String kind = dataKind.get();
        updateApplicable(kind);
        refreshCsvColumns(kind);
        validate(kind);
        updatePreview(kind);
    }

    private void updateApplicable(String kind) {
        List<String> on = new ArrayList<>();
        if (kind != null && DataSpec.KINDS.contains(kind)) {
            on.addAll(DataSpec.fieldsOf(kind));
            on.add("devFraction");
            if (!kind.equals("idx")) {
                on.add("testFraction");
            }
            on.add("standardize");
        }
        if (optimizer.get() == OptimizerKind.MOMENTUM) {
            on.add("momentum");
        }
        applies.forEach((f, p) -> p.set(on.contains(f)));
        applicable.retainAll(on);
        applicable.addAll(on);
    }

    // ---- validation ------------------------------------------------------------------------

    private void validate(String kind) {
        Map<String, String> problems = new LinkedHashMap<>();
        for (String f : TEXT_FIELDS) {
            problems.put(f, "");
        }
        Validation v = new Validation(problems);

        boolean kindOk = kind != null && DataSpec.KINDS.contains(kind);
        Integer n = null;
        Integer arms = null;
        Integer classes = null;
        Double noise = null;
        String path = null;
        String labelColumn = null;
        if (kindOk) {
            arms = applies("arms") ? v.whole("arms", "arms", 2, "a whole number ≥ 2") : null;
            classes = applies("classes") ? v.whole("classes", "classes", 2, "a whole number ≥ 2") : null;
            n = applies("n") ? v.whole("n", "n", 2, "a whole number ≥ 2") : null;
            if (n != null && arms != null && n < arms) {
                v.fail("n", "n must be at least the number of arms (" + arms + "), got " + n);
            }
            if (n != null && classes != null && n < classes) {
                v.fail("n", "n must be at least the number of classes (" + classes + "), got " + n);
            }
            noise = applies("noise") ? v.number("noise", "noise", x -> x >= 0, "a finite number ≥ 0") : null;
            if (applies("path")) {
                path = checkPath(kind, v);
            }
            if (applies("labelColumn")) {
                labelColumn = checkLabelColumn(v);
            }
        }
        Double dev = v.number("devFraction", "dev fraction", x -> x >= 0 && x < 1, "a number in [0, 1)");
        Double test = applies("testFraction")
                ? v.number("testFraction", "test fraction", x -> x >= 0 && x < 1, "a number in [0, 1)")
                : Double.valueOf(quiet(text("testFraction").get(), x -> x >= 0 && x < 1, DataSpec.DEFAULT_TEST_FRACTION));
        if (dev != null && test != null && applies("testFraction") && !(dev + test < 1)) {
            v.fail("testFraction", "dev fraction + test fraction must be < 1, got " + clean("devFraction") + " + "
                    + clean("testFraction"));
        }
        List<LayerSpec> layers = null;
        try {
            layers = LayerText.parse(text("layers").get());
        } catch (IllegalArgumentException e) {
            v.fail("layers", e.getMessage());
        }
        Double lr = v.number("learningRate", "learning rate α", x -> LearningRateRange.problem(x).isEmpty(),
                "a number from " + LearningRateRange.describe());
        OptimizerSpec baseOpt = base != null ? base.optimizer() : OptimizerSpec.of(Hyperparameters.DEFAULTS);
        double baseMomentum = baseOpt.toHyperparameters().momentum();
        Double momentum = applies("momentum")
                ? v.number("momentum", "momentum β", x -> x >= 0 && x < 1, "a number in [0, 1)")
                : Double.valueOf(quiet(text("momentum").get(), x -> x >= 0 && x < 1, baseMomentum));
        Integer batch = v.whole("batchSize", "mini-batch size", 1, "a whole number ≥ 1");
        Double l2 = v.number("l2", "L2 strength λ", x -> x >= 0, "a finite number ≥ 0");
        Integer epochs = v.whole("epochs", "epochs", 1, "a whole number ≥ 1");
        Long seed = v.anyWhole("seed", "seed", "a whole number");

        problems.forEach((f, message) -> errors.get(f).set(message));

        RunConfig config = null;
        String problem = "";
        if (!kindOk) {
            problem = "choose a data kind: one of " + String.join(", ", DataSpec.KINDS);
        } else if (!v.failed) {
            try {
                config = build(kind, n, arms, classes, noise, path, labelColumn, dev, test, layers, lr, momentum, batch,
                        l2, epochs, seed);
            } catch (IllegalArgumentException e) {
                problem = e.getMessage();
            }
        }
        built = config;
        configError.set(problem);
        valid.set(config != null);
        shown.set(config);
    }

    private RunConfig build(String kind, Integer n, Integer arms, Integer classes, Double noise, String path,
                            String labelColumn, double dev, double test, List<LayerSpec> layers, double lr,
                            double momentum, int batch, double l2, int epochs, long seed) {
        Long dataSeed = base != null ? base.data().seed() : null;
        DataSpec data = DataSpec.of(kind, n, classes, arms, noise, path, labelColumn,
                applies("header") ? header.get() : null, new SplitSettings(dev, test, standardize.get(), dataSeed,
                        base != null ? base.data().shuffleSplit() : null, base != null ? base.data().precision() : null));
        OptimizerSpec o = base != null ? base.optimizer() : OptimizerSpec.of(Hyperparameters.DEFAULTS);
        OptimizerSpec opt = new OptimizerSpec(optimizer.get(), lr, momentum, o.beta1(), o.beta2(), o.epsilon(), l2,
                batch, o.decay(), o.decayRate(), o.decayEvery());
        opt.toHyperparameters();
        NetworkSpec bn = base != null ? base.network() : null;
        NetworkSpec network = new NetworkSpec(layers, precision.get(), bn == null ? null : bn.bnEpsilon(),
                bn == null ? null : bn.bnMomentum(), bn == null ? null : bn.bnRunningVariance());
        network.toConfig(1, 2, seed);
        return new RunConfig(kind, network, opt, data, epochs, seed, base != null ? base.batchOrder() : null,
                base != null ? base.logEvery() : null);
    }

    private String checkPath(String kind, Validation v) {
        String t = text("path").get().trim();
        boolean folder = kind.equals("idx");
        if (t.isEmpty()) {
            v.fail("path", folder ? "choose a folder of IDX files" : "choose a CSV file");
            return null;
        }
        Path p;
        try {
            p = Path.of(t);
        } catch (InvalidPathException e) {
            v.fail("path", "not a valid path: '" + t + "'");
            return null;
        }
        if (!Files.exists(p)) {
            v.fail("path", (folder ? "no such folder: " : "no such file: ") + t);
            return null;
        }
        if (folder && !Files.isDirectory(p)) {
            v.fail("path", "not a folder: " + t + " (choose the folder that holds the IDX files)");
            return null;
        }
        if (!folder && !Files.isRegularFile(p)) {
            v.fail("path", "not a file: " + t + " (choose a CSV file)");
            return null;
        }
        if (!folder && !csvProblem.isEmpty()) {
            v.fail("path", csvProblem);
            return null;
        }
        return t;
    }

    private String checkLabelColumn(Validation v) {
        String t = text("labelColumn").get().trim();
        String rule = "a column name, a 0-based index or \"last\"";
        if (t.isEmpty()) {
            v.fail("labelColumn", "label column must be " + rule + ", got ''");
            return null;
        }
        if (t.equals("last") || csvFieldCount < 0) {
            return t;
        }
        if (WHOLE.matcher(t).matches()) {
            long index;
            try {
                index = Long.parseLong(t);
            } catch (NumberFormatException e) {
                index = Long.MAX_VALUE;
            }
            if (index < 0 || index >= csvFieldCount) {
                v.fail("labelColumn", "label column " + t + " is out of range: the file has " + csvFieldCount
                        + " columns (0–" + (csvFieldCount - 1) + ")");
                return null;
            }
            return t;
        }
        if (header.get() && !csvColumns.contains(t)) {
            v.fail("labelColumn", "label column '" + t + "' is not a column of the file (columns: "
                    + String.join(", ", csvColumns) + ")");
            return null;
        }
        if (!header.get()) {
            v.fail("labelColumn", "label column must be a 0-based index or \"last\" when the file has no header, got '"
                    + t + "'");
            return null;
        }
        return t;
    }

    private String clean(String field) {
        return text(field).get().trim();
    }

    /** The value of a field that does not apply now: its text when valid, else the fallback. */
    private static double quiet(String text, java.util.function.DoublePredicate ok, double fallback) {
        String t = text == null ? "" : text.trim();
        if (NUMBER.matcher(t).matches()) {
            double x = Double.parseDouble(t);
            if (Double.isFinite(x) && ok.test(x)) {
                return x;
            }
        }
        return fallback;
    }

    /** Collects the messages of one validation pass. */
    private final class Validation {
        private final Map<String, String> problems;
        private boolean failed;

        Validation(Map<String, String> problems) {
            this.problems = problems;
        }

        void fail(String field, String message) {
            failed = true;
            if (problems.get(field).isEmpty()) {
                problems.put(field, message);
            }
        }

        Double number(String field, String label, java.util.function.DoublePredicate ok, String rule) {
            String t = clean(field);
            if (!NUMBER.matcher(t).matches()) {
                fail(field, label + " must be " + rule + ", got '" + t + "'");
                return null;
            }
            double x = Double.parseDouble(t);
            if (!Double.isFinite(x) || !ok.test(x)) {
                fail(field, label + " must be " + rule + ", got " + t);
                return null;
            }
            return x;
        }

        Integer whole(String field, String label, int min, String rule) {
            String t = clean(field);
            if (!WHOLE.matcher(t).matches()) {
                fail(field, label + " must be " + rule + ", got '" + t + "'");
                return null;
            }
            int x;
            try {
                x = Integer.parseInt(t.startsWith("+") ? t.substring(1) : t);
            } catch (NumberFormatException e) {
                fail(field, label + " must be " + rule + " and at most " + Integer.MAX_VALUE + ", got " + t);
                return null;
            }
            if (x < min) {
                fail(field, label + " must be " + rule + ", got " + t);
                return null;
            }
            return x;
        }

        Long anyWhole(String field, String label, String rule) {
            String t = clean(field);
            if (!WHOLE.matcher(t).matches()) {
                fail(field, label + " must be " + rule + ", got '" + t + "'");
                return null;
            }
            try {
                return Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
            } catch (NumberFormatException e) {
                fail(field, label + " must be " + rule + " between " + Long.MIN_VALUE + " and " + Long.MAX_VALUE
                        + ", got " + t);
                return null;
            }
        }
    }

    // ---- CSV columns -----------------------------------------------------------------------

    private void refreshCsvColumns(String kind) {
        List<Object> key = java.util.Arrays.asList(kind, text("path").get().trim(), header.get());
        if (key.equals(csvKey)) {
            return;
        }
        csvKey = key;
        csvProblem = "";
        csvFieldCount = -1;
        List<String> columns = List.of();
        String t = text("path").get().trim();
        if ("csv".equals(kind) && !t.isEmpty()) {
            try {
                Path p = Path.of(t);
                if (Files.isRegularFile(p)) {
                    List<String> fields = CsvFile.firstLineFields(p);
                    if (fields == null) {
                        csvProblem = "the file is empty: " + t;
                    } else if (fields.size() < 2) {
                        csvProblem = "the first line has " + fields.size() + " field(s); a CSV file needs features and"
                                + " a label separated by " + (CsvLoader.separator(t) == '\t' ? "tabs" : "commas");
                    } else {
                        csvFieldCount = fields.size();
                        if (header.get()) {
                            columns = fields;
                        }
                    }
                }
            } catch (InvalidPathException e) {
                // reported by the path check
            } catch (babysitter.data.DataFileException e) {
                csvProblem = e.getMessage();
            } catch (RuntimeException e) {
                csvProblem = "cannot read " + t + ": " + e.getMessage();
            }
        }
        if (!csvColumns.equals(columns)) {
            csvColumns.setAll(columns);
        }
    }

    // ---- preview ---------------------------------------------------------------------------

    private void updatePreview(String kind) {
        if (kind == null || !DataSpec.isBuiltIn2D(kind)) {
            previewKey = null;
            if (!preview.get().isEmpty()) {
                preview.set(List.of());
            }
            return;
        }
        boolean paramsOk = SYNTHETIC_PARAMS.stream().noneMatch(f -> applies(f) && !errors.get(f).get().isEmpty())
                && errors.get("seed").get().isEmpty();
        if (!paramsOk) {
            return; // keep the last picture until the parameters are valid again
        }
        Integer n = Integer.valueOf(stripPlus(clean("n")));
        Integer arms = applies("arms") ? Integer.valueOf(stripPlus(clean("arms"))) : null;
        Integer classes = applies("classes") ? Integer.valueOf(stripPlus(clean("classes"))) : null;
        Double noise = Double.valueOf(clean("noise"));
        long runSeed = Long.parseLong(stripPlus(clean("seed")));
        Long dataSeed = base != null ? base.data().seed() : null;
        List<Object> key = java.util.Arrays.asList(kind, n, arms, classes, noise, runSeed, dataSeed);
        if (key.equals(previewKey)) {
            return;
        }
        Dataset d;
        try {
            d = ((BuiltInSet) DataSpec.of(kind, n, classes, arms, noise, null, null, null,
                    SplitSettings.DEFAULTS.withSeed(dataSeed))).preview(PREVIEW_CAP, runSeed);
        } catch (IllegalArgumentException e) {
            return; // the field checks say what is wrong; the last picture stays
        }
        previewKey = key;
        float[] xy = d.features();
        int[] labels = d.labels();
        List<PreviewPoint> points = new ArrayList<>(d.rows());
        for (int i = 0; i < d.rows(); i++) {
            points.add(new PreviewPoint(xy[2 * i], xy[2 * i + 1], labels[i]));
        }
        preview.set(List.copyOf(points));
    }

    private static String stripPlus(String t) {
        return t.startsWith("+") ? t.substring(1) : t;
    }

    // ---- formatting ------------------------------------------------------------------------

    private static String fmt(int value) {
        return Integer.toString(value);
    }

    /** A number as a person would write it: 600, 0.2, 0.001, 1.0E-8. */
    static String fmt(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        if (Math.abs(value) < 1e-4 || Math.abs(value) >= 1e15) {
            return Double.toString(value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
