package babysitter.ui.search;

import babysitter.i18n.Texts;
import babysitter.report.ProblemWords;
import babysitter.search.EarlyStopping;
import babysitter.search.Method;
import babysitter.search.Search;
import babysitter.search.SearchSpace;
import babysitter.search.Settings;
import babysitter.session.configuration.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The "New search" form: the space file, random search (how many trials) or a grid (how many
 * values per axis, the trials it makes shown as it is typed), how many at once, epochs per trial and
 * early stopping. Each field says what is wrong with it; {@link #create()} reads the space (a bad
 * space.json leaves its message in {@link #errorProperty()}, the form keeps what was typed) and
 * makes the search folder {@code <runsRoot>/searches/<name>-<timestamp>}.
 */
public final class NewSearchViewModel {
    /** The most values per axis a grid may ask for (the trials cap usually bites first). */
    public static final int MAX_GRID_VALUES = 100;
    /** The start of the folder name of a search without a name. */
    private static final String UNNAMED = "search-";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    private final Path runsRoot;
    private final Clock clock;
    private final StringProperty spaceFile = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty trials = new SimpleStringProperty(Integer.toString(NextRoundForm.DEFAULT_TRIALS));
    private final ObjectProperty<Method> method = new SimpleObjectProperty<>(Method.RANDOM);
    private final StringProperty gridValues = new SimpleStringProperty("3");
    /** The space read from the space file as it is chosen or typed, null while it cannot be read. */
    private final ObjectProperty<SearchSpace> parsedSpace = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper gridError = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper gridCount = new ReadOnlyStringWrapper();
    private final StringProperty parallel = new SimpleStringProperty(Integer.toString(
            Math.min(2, Settings.defaultParallel())));
    private final StringProperty epochs = new SimpleStringProperty("10");
    private final StringProperty seed = new SimpleStringProperty("1");
    private final ObjectProperty<EarlyStopping.Kind> stopping = new SimpleObjectProperty<>(EarlyStopping.Kind.NONE);
    private final StringProperty grace = new SimpleStringProperty(Integer.toString(EarlyStopping.DEFAULT_GRACE));
    private final ReadOnlyStringWrapper spaceError = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper trialsError = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper parallelError = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper epochsError = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper seedError = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper graceError = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    public NewSearchViewModel(Path runsRoot, Clock clock) {
        this.runsRoot = runsRoot;
        this.clock = clock;
        spaceError.bind(Bindings.createStringBinding(() -> spaceFile.get().isBlank()
                ? Texts.get("search.new.spaceMissing") : "", spaceFile));
        trialsError.bind(Bindings.createStringBinding(() -> method.get() == Method.GRID ? ""
                : SearchTexts.trialsRule(trials.get(), NextRoundForm.MAX_TRIALS), trials, method));
        gridError.bind(Bindings.createStringBinding(() -> method.get() == Method.GRID
                ? gridRule(gridValues.get(), parsedSpace.get()) : "", gridValues, parsedSpace, method));
        gridCount.bind(Bindings.createStringBinding(() -> gridCountText(gridValues.get(), parsedSpace.get()),
                gridValues, parsedSpace));
        parallelError.bind(Bindings.createStringBinding(() -> SearchTexts.intRule(Texts.get("search.field.parallel"), parallel.get(), 1, 64),
                parallel));
        epochsError.bind(Bindings.createStringBinding(() -> SearchTexts.intRule(Texts.get("search.field.epochs"), epochs.get(), 1, 100_000),
                epochs));
        seedError.bind(Bindings.createStringBinding(() -> {
            try {
                Long.parseLong(seed.get().trim());
                return "";
            } catch (NumberFormatException e) {
                return Texts.get("search.check.mustBe", Texts.get("search.field.seed"), Texts.get("search.rule.whole"),
                        seed.get().trim());
            }
        }, seed));
        graceError.bind(Bindings.createStringBinding(() -> stopping.get() == EarlyStopping.Kind.NONE ? ""
                : SearchTexts.intRule(Texts.get("search.field.grace"), grace.get(), 1, 100_000), grace, stopping));
        spaceFile.addListener((o, a, b) -> {
            error.set("");
            parsedSpace.set(tryRead(b));
            if (name.get().isBlank() || name.get().equals(defaultName(a))) {
                name.set(defaultName(b));
            }
        });
    }

    static String defaultName(String spaceFile) {
        if (spaceFile == null || spaceFile.isBlank()) {
            return "";
        }
        Path file = Path.of(spaceFile.trim()).getFileName();
        if (file == null) {
            return ""; // "/" while a path is being typed
        }
        String base = file.toString();
        return base.toLowerCase(Locale.ROOT).endsWith(".json") ? base.substring(0, base.length() - 5) : base;
    }

    /** The space in {@code file}, or null when there is none yet or it cannot be read (create() says why). */
    static SearchSpace tryRead(String file) {
        if (file == null || file.isBlank()) {
            return null;
        }
        try {
            Path p = Path.of(file.trim());
            return Files.isRegularFile(p) ? SearchSpace.read(p) : null;
        } catch (ConfigException | RuntimeException e) {
            return null;
        }
    }

    /**
     * "" when {@code text} is a whole number of values per axis from 2 to {@link #MAX_GRID_VALUES} and
     * (once the space is known) the grid has at most {@link NextRoundForm#MAX_TRIALS} trials; else a
     * message naming the value and the rule.
     */
    static String gridRule(String text, SearchSpace space) {
        String s = text == null ? "" : text.trim();
        String field = Texts.get("search.field.valuesPerAxis");
        String rule = Texts.get("search.rule.wholeFromTo", 2, MAX_GRID_VALUES);
        long k;
        try {
            k = Long.parseLong(s);
        } catch (NumberFormatException e) {
            return Texts.get("search.check.mustBe", field, rule, s);
        }
        if (k < 2 || k > MAX_GRID_VALUES) {
            return Texts.get(k == 1 ? "search.check.onePerAxis" : "search.check.mustBe", field, rule, s);
        }
        if (space != null) {
            long n = space.gridSize((int) k);
            if (n > NextRoundForm.MAX_TRIALS) {
                int fits = 1;
                while (fits < k && space.gridSize(fits + 1) <= NextRoundForm.MAX_TRIALS) {
                    fits++;
                }
                return Texts.get(fits < 2 ? "search.check.gridTooBigFewer" : "search.check.gridTooBig",
                        NextRoundForm.MAX_TRIALS, k, space.params().size(), n, fits);
            }
        }
        return "";
    }

    /**
     * "3 values per axis × 4 parameters → 81 trials"; with axes that have fewer values (discrete
     * scales) the product is spelled out. Before the space is read it says so; "" for a bad K.
     */
    static String gridCountText(String text, SearchSpace space) {
        int k;
        try {
            k = Integer.parseInt(text == null ? "" : text.trim());
        } catch (NumberFormatException e) {
            return "";
        }
        if (k < 1 || k > MAX_GRID_VALUES) {
            return "";
        }
        if (space == null) {
            return Texts.get("search.new.gridCountNoSpace", k);
        }
        int[] sizes = space.gridSizes(k);
        long n = space.gridSize(k);
        boolean even = Arrays.stream(sizes).allMatch(x -> x == k);
        if (even) {
            return Texts.get("search.new.gridCount", k, sizes.length, n);
        }
        String product = String.join(" × ", Arrays.stream(sizes).mapToObj(Integer::toString).toList());
        return Texts.get("search.new.gridCountUneven", k, sizes.length, product, n);
    }

    /** All fields valid. */
    public BooleanBinding valid() {
        return Bindings.createBooleanBinding(() -> spaceError.get().isEmpty() && trialsError.get().isEmpty()
                        && gridError.get().isEmpty()
                        && parallelError.get().isEmpty() && epochsError.get().isEmpty() && seedError.get().isEmpty()
                        && graceError.get().isEmpty(),
                spaceError, trialsError, gridError, parallelError, epochsError, seedError, graceError);
    }

    /** The search folder a search created now would get. */
    public Path folder() {
        // a folder name, the same in every language
        String n = name.get().isBlank() ? UNNAMED : name.get().trim().replaceAll("[^A-Za-z0-9._-]+", "-") + "-";
        return runsRoot.resolve("searches").resolve(n + STAMP.format(clock.instant().atZone(ZoneId.systemDefault())));
    }

    public int parallelValue() {
        return Integer.parseInt(parallel.get().trim());
    }

    /**
     * Reads the space and creates the search folder (not started); on a bad space.json or a folder
     * that cannot be written, empty with the reason in {@link #errorProperty()}.
     */
    public Optional<Search> create() {
        if (!valid().get()) {
            error.set(Texts.get("search.new.notValid"));
            return Optional.empty();
        }
        Path file = Path.of(spaceFile.get().trim());
        SearchSpace space;
        try {
            space = SearchSpace.read(file);
        } catch (ConfigException e) {
            error.set(ProblemWords.config(e));
            return Optional.empty();
        } catch (RuntimeException e) {
            error.set(Texts.get("search.new.cannotRead", file, ProblemWords.say(e)));
            return Optional.empty();
        }
        boolean grid = method.get() == Method.GRID;
        if (grid) {
            String tooBig = gridRule(gridValues.get(), space);
            if (!tooBig.isEmpty()) {
                parsedSpace.set(space);
                error.set(tooBig);
                return Optional.empty();
            }
        }
        try {
            int e = Integer.parseInt(epochs.get().trim());
            int g = Integer.parseInt(grace.get().trim());
            EarlyStopping stop = switch (stopping.get()) {
                case NONE -> EarlyStopping.none();
                case MEDIAN -> EarlyStopping.median(g);
                case HALVING -> EarlyStopping.halving(g, EarlyStopping.DEFAULT_ETA);
            };
            Settings settings = new Settings(e, parallelValue(), stop, Long.parseLong(seed.get().trim()));
            Path dir = folder();
            Files.createDirectories(dir.getParent());
            Search s = grid
                    ? Search.create(dir, space, Method.GRID, 0, Integer.parseInt(gridValues.get().trim()), settings)
                    : Search.create(dir, space, Method.RANDOM, Integer.parseInt(trials.get().trim()), 0, settings);
            error.set("");
            return Optional.of(s);
        } catch (IOException | RuntimeException ex) {
            error.set(Texts.get("search.new.cannotCreate", ex.getMessage()));
            return Optional.empty();
        }
    }

    public StringProperty spaceFileProperty() {
        return spaceFile;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty trialsProperty() {
        return trials;
    }

    /** Random search (the default) or a grid. */
    public ObjectProperty<Method> methodProperty() {
        return method;
    }

    /** K of a grid: values per axis. */
    public StringProperty gridValuesProperty() {
        return gridValues;
    }

    /** Why the values per axis are not valid ("" when they are, or for random search). */
    public ReadOnlyStringProperty gridErrorProperty() {
        return gridError.getReadOnlyProperty();
    }

    /** "3 values per axis × 4 parameters → 81 trials", live. */
    public ReadOnlyStringProperty gridCountProperty() {
        return gridCount.getReadOnlyProperty();
    }

    public StringProperty parallelProperty() {
        return parallel;
    }

    public StringProperty epochsProperty() {
        return epochs;
    }

    public StringProperty seedProperty() {
        return seed;
    }

    public ObjectProperty<EarlyStopping.Kind> stoppingProperty() {
        return stopping;
    }

    public StringProperty graceProperty() {
        return grace;
    }

    public ReadOnlyStringProperty spaceErrorProperty() {
        return spaceError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty trialsErrorProperty() {
        return trialsError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty parallelErrorProperty() {
        return parallelError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty epochsErrorProperty() {
        return epochsError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty seedErrorProperty() {
        return seedError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty graceErrorProperty() {
        return graceError.getReadOnlyProperty();
    }

    /** Why the last {@link #create()} failed ("" when it did not). */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
