package babysitter.ui.setup;

import babysitter.data.BuiltInSet;
import babysitter.data.CsvFile;
import babysitter.data.CsvLoader;
import babysitter.data.DataFileException;
import babysitter.data.DataSpec;
import babysitter.data.Dataset;
import babysitter.data.IdxFolder;
import babysitter.data.SplitSettings;
import babysitter.i18n.Texts;
import babysitter.report.ProblemWords;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The data part of the setup panel: the kind and its fields (n, noise, arms, classes for a built-in
 * set; the path, label column and header of a file), the split, the columns of a CSV file and the
 * preview of a built-in set. Which fields a kind takes, its defaults, the preview points and a CSV
 * file's first line come from {@code babysitter.data}; this class checks what was typed.
 */
final class DataSection {
    /** The fields of a built-in set, filled with the kind's defaults until the person edits them. */
    static final List<String> SYNTHETIC_PARAMS = List.of("n", "noise", "arms", "classes");

    private final Fields fields;
    private final ObjectProperty<String> kind;
    private final BooleanProperty header;
    private final BooleanProperty standardize;
    private final ReadOnlyObjectWrapper<List<SetupViewModel.PreviewPoint>> preview;
    private final ObservableList<String> csvColumns = FXCollections.observableArrayList();
    private final ObservableList<String> csvColumnsView = FXCollections.unmodifiableObservableList(csvColumns);
    /** The values this section last filled in itself (defaults), per built-in set parameter. */
    private final Map<String, String> autoValues = new HashMap<>();
    private List<Object> csvKey;
    private String csvProblem = "";
    private int csvFieldCount = -1;
    private List<Object> previewKey;

    DataSection(Object bean, Fields fields) {
        this.fields = fields;
        this.kind = new SimpleObjectProperty<>(bean, "dataKind", "spiral");
        this.header = new SimpleBooleanProperty(bean, "header", true);
        this.standardize = new SimpleBooleanProperty(bean, "standardize", true);
        this.preview = new ReadOnlyObjectWrapper<>(bean, "preview", List.of());
        text("n").set("600");
        text("arms").set("3");
        text("noise").set("0.2");
        text("classes").set("3");
        text("labelColumn").set("last");
        text("devFraction").set(Fields.fmt(DataSpec.DEFAULT_DEV_FRACTION));
        text("testFraction").set(Fields.fmt(DataSpec.DEFAULT_TEST_FRACTION));
        rememberAutoValues();
    }

    private StringProperty text(String field) {
        return fields.text(field);
    }

    ObjectProperty<String> kind() {
        return kind;
    }

    BooleanProperty header() {
        return header;
    }

    BooleanProperty standardize() {
        return standardize;
    }

    ReadOnlyObjectProperty<List<SetupViewModel.PreviewPoint>> preview() {
        return preview.getReadOnlyProperty();
    }

    ObservableList<String> csvColumns() {
        return csvColumnsView;
    }

    private void rememberAutoValues() {
        for (String f : SYNTHETIC_PARAMS) {
            autoValues.put(f, text(f).get());
        }
    }

    /** Fills the fields from a data description. */
    void load(DataSpec spec) {
        DataSpec d = spec.withDefaults();
        kind.set(d.kind());
        if (d instanceof BuiltInSet b) {
            setIf("n", b.n() == null ? null : Fields.fmt(b.n()));
            setIf("arms", b.arms() == null ? null : Fields.fmt(b.arms()));
            setIf("classes", b.classes() == null ? null : Fields.fmt(b.classes()));
            setIf("noise", b.noise() == null ? null : Fields.fmt(b.noise()));
        }
        rememberAutoValues();
        String path = d instanceof IdxFolder f ? f.path() : d instanceof CsvFile c ? c.path() : null;
        text("path").set(path == null ? "" : path);
        CsvFile csv = d instanceof CsvFile c ? c : null;
        text("labelColumn").set(csv == null || csv.labelColumn() == null ? "last" : csv.labelColumn());
        header.set(csv == null || csv.header() == null || csv.header());
        text("devFraction").set(Fields.fmt(d.devFraction()));
        text("testFraction").set(Fields.fmt(d.testFraction()));
        standardize.set(d.standardize());
    }

    private void setIf(String field, String value) {
        if (value != null) {
            text(field).set(value);
        }
    }

    /** Fills in the new kind's defaults in the built-in set parameters the person has not edited. */
    void fillKindDefaults(String now) {
        if (now == null || !DataSpec.isBuiltIn2D(now)) {
            return;
        }
        BuiltInSet d = (BuiltInSet) DataSpec.of(now).withDefaults();
        Map<String, Object> defaults = new HashMap<>();
        defaults.put("n", d.n());
        defaults.put("noise", d.noise());
        defaults.put("arms", d.arms());
        defaults.put("classes", d.classes());
        for (String f : SYNTHETIC_PARAMS) {
            Object value = defaults.get(f);
            if (value != null && text(f).get().equals(autoValues.get(f))) {
                String t = value instanceof Double v ? Fields.fmt(v) : Fields.fmt((Integer) value);
                text(f).set(t);
                autoValues.put(f, t);
            }
        }
    }

    /** The data fields that apply to the current kind. */
    List<String> applicable() {
        List<String> on = new ArrayList<>();
        String k = kind.get();
        if (k != null) {
            on.addAll(DataSpec.fieldsOf(k));
            on.add("devFraction");
            if (!k.equals("idx")) {
                on.add("testFraction");
            }
            on.add("standardize");
        }
        return on;
    }

    boolean kindOk() {
        return kind.get() != null && DataSpec.KINDS.contains(kind.get());
    }

    /**
     * Checks the data fields into {@code v}; returns what makes the description they hold, with the
     * split order, precision and seed of {@code base} (settings this panel does not show), to be
     * called only when no field of the pass failed (it throws the rule of {@code babysitter.data}
     * the fields break); null when no kind is chosen.
     */
    Supplier<DataSpec> check(Fields.Check v, DataSpec base) {
        String k = kind.get();
        Integer n = null;
        Integer arms = null;
        Integer classes = null;
        Double noise = null;
        String path = null;
        String labelColumn = null;
        if (kindOk()) {
            arms = fields.applies("arms") ? v.whole("arms", Texts.get("setup.field.arms"), 2, Texts.get("setup.rule.wholeAtLeast", 2)) : null;
            classes = fields.applies("classes") ? v.whole("classes", Texts.get("setup.field.classes"), 2,
                    Texts.get("setup.rule.wholeAtLeast", 2)) : null;
            n = fields.applies("n") ? v.whole("n", Texts.get("setup.field.n"), 2, Texts.get("setup.rule.wholeAtLeast", 2)) : null;
            if (n != null && arms != null && n < arms) {
                v.fail("n", Texts.get("setup.check.nAtLeastArms", arms, n));
            }
            if (n != null && classes != null && n < classes) {
                v.fail("n", Texts.get("setup.check.nAtLeastClasses", classes, n));
            }
            noise = fields.applies("noise") ? v.number("noise", Texts.get("setup.field.noise"), x -> x >= 0,
                    Texts.get("setup.rule.finiteAtLeastZero")) : null;
            if (fields.applies("path")) {
                path = checkPath(k, v);
            }
            if (fields.applies("labelColumn")) {
                labelColumn = checkLabelColumn(v);
            }
        }
        Double dev = v.number("devFraction", Texts.get("setup.field.devFraction"), x -> x >= 0 && x < 1,
                Texts.get("setup.rule.fraction"));
        Double test = fields.applies("testFraction")
                ? v.number("testFraction", Texts.get("setup.field.testFraction"), x -> x >= 0 && x < 1,
                        Texts.get("setup.rule.fraction"))
                : Double.valueOf(fields.quiet("testFraction", x -> x >= 0 && x < 1, DataSpec.DEFAULT_TEST_FRACTION));
        if (dev != null && test != null && fields.applies("testFraction") && !(dev + test < 1)) {
            v.fail("testFraction", Texts.get("setup.check.fractionsSum", fields.clean("devFraction"),
                    fields.clean("testFraction")));
        }
        if (!kindOk()) {
            return null;
        }
        Integer n1 = n;
        Integer classes1 = classes;
        Integer arms1 = arms;
        Double noise1 = noise;
        String path1 = path;
        String label1 = labelColumn;
        Boolean header1 = fields.applies("header") ? header.get() : null;
        boolean standardized = standardize.get();
        return () -> DataSpec.of(k, n1, classes1, arms1, noise1, path1, label1, header1, new SplitSettings(dev, test,
                standardized, base == null ? null : base.seed(), base == null ? null : base.shuffleSplit(),
                base == null ? null : base.precision()));
    }

    private String checkPath(String k, Fields.Check v) {
        String t = fields.clean("path");
        boolean folder = k.equals("idx");
        if (t.isEmpty()) {
            v.fail("path", Texts.get(folder ? "setup.check.chooseIdxFolder" : "setup.check.chooseCsv"));
            return null;
        }
        Path p;
        try {
            p = Path.of(t);
        } catch (InvalidPathException e) {
            v.fail("path", Texts.get("setup.check.invalidPath", t));
            return null;
        }
        if (!Files.exists(p)) {
            v.fail("path", Texts.get(folder ? "setup.check.noSuchFolder" : "setup.check.noSuchFile", t));
            return null;
        }
        if (folder && !Files.isDirectory(p)) {
            v.fail("path", Texts.get("setup.check.notAFolder", t));
            return null;
        }
        if (!folder && !Files.isRegularFile(p)) {
            v.fail("path", Texts.get("setup.check.notAFile", t));
            return null;
        }
        if (!folder && !csvProblem.isEmpty()) {
            v.fail("path", csvProblem);
            return null;
        }
        return t;
    }

    private String checkLabelColumn(Fields.Check v) {
        String t = fields.clean("labelColumn");
        if (t.isEmpty()) {
            v.fail("labelColumn", Texts.get("setup.check.labelColumnEmpty", Texts.get("setup.check.labelColumnRule")));
            return null;
        }
        if (t.equals("last") || csvFieldCount < 0) {
            return t;
        }
        if (Fields.isWhole(t)) {
            long index;
            try {
                index = Long.parseLong(t);
            } catch (NumberFormatException e) {
                index = Long.MAX_VALUE;
            }
            if (index < 0 || index >= csvFieldCount) {
                v.fail("labelColumn", Texts.get("setup.check.labelColumnRange", t, csvFieldCount, csvFieldCount - 1));
                return null;
            }
            return t;
        }
        if (header.get() && !csvColumns.contains(t)) {
            v.fail("labelColumn", Texts.get("setup.check.labelColumnUnknown", t, String.join(", ", csvColumns)));
            return null;
        }
        if (!header.get()) {
            v.fail("labelColumn", Texts.get("setup.check.labelColumnNoHeader", t));
            return null;
        }
        return t;
    }

    /** Reads the CSV file's first line again when the kind, the path or the header choice changed. */
    void refreshCsvColumns() {
        String k = kind.get();
        String t = fields.clean("path");
        List<Object> key = Arrays.asList(k, t, header.get());
        if (key.equals(csvKey)) {
            return;
        }
        csvKey = key;
        csvProblem = "";
        csvFieldCount = -1;
        List<String> columns = List.of();
        if ("csv".equals(k) && !t.isEmpty()) {
            try {
                Path p = Path.of(t);
                if (Files.isRegularFile(p)) {
                    List<String> first = CsvFile.firstLineFields(p);
                    if (first == null) {
                        csvProblem = Texts.get("setup.check.fileEmpty", t);
                    } else if (first.size() < 2) {
                        csvProblem = Texts.get("setup.check.tooFewFields", first.size(),
                                Texts.get(CsvLoader.separator(t) == '\t' ? "setup.check.tabs" : "setup.check.commas"));
                    } else {
                        csvFieldCount = first.size();
                        if (header.get()) {
                            columns = first;
                        }
                    }
                }
            } catch (InvalidPathException e) {
                // reported by the path check
            } catch (DataFileException e) {
                csvProblem = ProblemWords.dataFile(e);
            }
        }
        if (!csvColumns.equals(columns)) {
            csvColumns.setAll(columns);
        }
    }

    /**
     * The picture of a built-in set, from the points {@code babysitter.data} generates for it; kept
     * as it is while a parameter is wrong.
     */
    void updatePreview(Long dataSeed) {
        String k = kind.get();
        if (k == null || !DataSpec.isBuiltIn2D(k)) {
            previewKey = null;
            if (!preview.get().isEmpty()) {
                preview.set(List.of());
            }
            return;
        }
        boolean paramsOk = SYNTHETIC_PARAMS.stream().noneMatch(f -> fields.applies(f) && fields.hasError(f))
                && !fields.hasError("seed");
        if (!paramsOk) {
            return;
        }
        Integer n = Integer.valueOf(Fields.stripPlus(fields.clean("n")));
        Integer arms = fields.applies("arms") ? Integer.valueOf(Fields.stripPlus(fields.clean("arms"))) : null;
        Integer classes = fields.applies("classes") ? Integer.valueOf(Fields.stripPlus(fields.clean("classes"))) : null;
        Double noise = Double.valueOf(fields.clean("noise"));
        long runSeed = Long.parseLong(Fields.stripPlus(fields.clean("seed")));
        List<Object> key = Arrays.asList(k, n, arms, classes, noise, runSeed, dataSeed);
        if (key.equals(previewKey)) {
            return;
        }
        Dataset d;
        try {
            d = ((BuiltInSet) DataSpec.of(k, n, classes, arms, noise, null, null, null,
                    SplitSettings.DEFAULTS.withSeed(dataSeed))).preview(SetupViewModel.PREVIEW_CAP, runSeed);
        } catch (IllegalArgumentException e) {
            return; // the field checks say what is wrong; the last picture stays
        }
        previewKey = key;
        float[] xy = d.features();
        int[] labels = d.labels();
        List<SetupViewModel.PreviewPoint> points = new ArrayList<>(d.rows());
        for (int i = 0; i < d.rows(); i++) {
            points.add(new SetupViewModel.PreviewPoint(xy[2 * i], xy[2 * i + 1], labels[i]));
        }
        preview.set(List.copyOf(points));
    }
}
