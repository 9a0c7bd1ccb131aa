package babysitter.data;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The description of a data set in a run configuration (the {@code data} object of the JSON file):
 * one record per kind — {@link BuiltInSet} (spiral, moons, circles, xor, blobs), {@link DigitsSet},
 * {@link IdxFolder}, {@link CsvFile} — each with the {@link SplitSettings} all kinds share. Absent
 * numbers of a built-in set take their defaults in {@link #withDefaults()}; absent
 * {@code devFraction}, {@code testFraction} and {@code standardize} take 0.2, 0.0 and true when read
 * from JSON (or through {@link #of(String)}). Unknown JSON properties are rejected, and so is a field
 * the kind does not take. The JSON form and the rules are in one place ({@code DataSpecJson}); the
 * messages name the JSON field, e.g. {@code data.noise must be a finite number >= 0, got -1}.
 */
@JsonSerialize(converter = DataSpecJson.Writer.class)
@JsonDeserialize(converter = DataSpecJson.Reader.class)
public sealed interface DataSpec permits BuiltInSet, DigitsSet, IdxFolder, CsvFile {

    List<String> KINDS = List.of("spiral", "moons", "circles", "xor", "blobs", "digits", "idx", "csv");
    double DEFAULT_DEV_FRACTION = 0.2;
    double DEFAULT_TEST_FRACTION = 0.0;
    boolean DEFAULT_STANDARDIZE = true;
    /** The most points a built-in 2-D set may have. */
    int MAX_POINTS = 10_000_000;
    /** The most classes (arms) a built-in set may have. */
    int MAX_CLASSES = 1000;

    /** One of {@link #KINDS}. */
    String kind();

    /** The split, standardisation, seed and storage of the rows. */
    SplitSettings settings();

    /** This description with every absent field that has a default for its kind filled in. */
    DataSpec withDefaults();

    /** A copy with other split settings. */
    DataSpec withSettings(SplitSettings settings);

    /**
     * Reads or generates the rows and splits them, not standardised.
     *
     * @param dataSeed  the seed of generation
     * @param splitSeed the seed of the split
     * @param storage   FLOAT or DOUBLE
     */
    Split read(long dataSeed, long splitSeed, DataType storage);

    /** Where the rows come from, for the one-line description ("spiral (n=600, arms=3, noise=0.2)"). */
    String source();

    /**
     * A description of {@code kind} from the fields of the JSON form (null: absent); the fields the
     * kind does not take must be null.
     */
    static DataSpec of(String kind, Integer n, Integer classes, Integer arms, Double noise, String path,
                       String labelColumn, Boolean header, SplitSettings settings) {
        return new DataSpecJson(kind, n, classes, arms, noise, path, labelColumn, header, settings.devFraction(),
                settings.testFraction(), settings.standardize(), settings.seed(), settings.shuffleSplit(),
                settings.precision()).toSpec();
    }

    /** A description of the given kind with every optional field absent and the default split settings. */
    static DataSpec of(String kind) {
        return of(kind, null, null, null, null, null, null, null, SplitSettings.DEFAULTS);
    }

    /** The fields {@code kind} takes besides the split settings, e.g. n, arms and noise for spiral. */
    static List<String> fieldsOf(String kind) {
        return DataSpecJson.fieldsOf(kind);
    }

    /** Whether {@code kind} is a built-in 2-D set (which has a preview picture). */
    static boolean isBuiltIn2D(String kind) {
        return BuiltInSet.KINDS.contains(kind);
    }

    default double devFraction() {
        return settings().devFraction();
    }

    default double testFraction() {
        return settings().testFraction();
    }

    default boolean standardize() {
        return settings().standardize();
    }

    default Long seed() {
        return settings().seed();
    }

    default Boolean shuffleSplit() {
        return settings().shuffleSplit();
    }

    default DataPrecision precision() {
        return settings().precision();
    }

    /** A copy with another seed (null: the run's seed). */
    default DataSpec withSeed(Long newSeed) {
        return withSettings(settings().withSeed(newSeed));
    }

    /** A copy with another choice of split order (null: the default). */
    default DataSpec withShuffleSplit(Boolean shuffle) {
        return withSettings(settings().withShuffleSplit(shuffle));
    }

    /** A copy with another storage precision (null: the network's). */
    default DataSpec withPrecision(DataPrecision p) {
        return withSettings(settings().withPrecision(p));
    }

    /** The result of {@link #load(long)}. */
    record LoadedData(Split split, Standardizer standardizer, String description) {
        /**
         * @param split        the parts, standardised if the spec asks for it
         * @param standardizer the training statistics used, or null when the data are not standardised
         * @param description  one line for the user, e.g. "spiral (n=600, arms=3, noise=0.2), seed 7: train 480, dev 120, test 0, standardised"
         */
        public LoadedData {
            Objects.requireNonNull(split, "split");
            Objects.requireNonNull(description, "description");
        }
    }

    /**
     * Loads the data set, splits it (seeded) and standardises it with training statistics. The seed is
     * {@link #seed()} or, when null, {@code runSeed}; generation and split use two streams derived from it.
     * File problems are {@link DataFileException}s.
     */
    default LoadedData load(long runSeed) {
        return load(runSeed, DataType.FLOAT);
    }

    /**
     * As {@link #load(long)}, with the features stored as {@link #precision()} says or, when it is
     * null, as {@code networkStorage}: FLOAT for a float32 network (half the memory), DOUBLE for a
     * float64 one (the values as read from the file or as generated, and standardised in float64).
     */
    default LoadedData load(long runSeed, DataType networkStorage) {
        DataType storage = precision() != null ? precision().dataType() : networkStorage;
        DataSpec s = withDefaults();
        long base = seed() != null ? seed() : runSeed;
        SeededRandom seeds = new SeededRandom(base);
        long dataSeed = seeds.nextLong();
        long splitSeed = seeds.nextLong();
        Split split = s.read(dataSeed, splitSeed, storage);
        Standardizer standardizer = null;
        if (standardize()) {
            standardizer = Standardizer.fit(split.train());
            split = standardizer.apply(split);
        }
        String description = String.format(Locale.ROOT, "%s, seed %d: train %d, dev %d, test %d, %d features, %d classes%s",
                s.source(), base, split.train().rows(), split.dev().rows(), split.test().rows(), split.train().columns(),
                split.train().classes(), standardize() ? ", standardised" : "");
        return new LoadedData(split, standardizer, description);
    }
}
