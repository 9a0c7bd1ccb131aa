package babysitter.data;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The description of a data set in a run configuration (the {@code data} object of the JSON file).
 * Absent numbers of a synthetic set take their defaults in {@link #withDefaults()}; absent
 * {@code devFraction}, {@code testFraction} and {@code standardize} take 0.2, 0.0 and true when read
 * from JSON (or through {@link #of(String)}). Unknown JSON properties are rejected. Validation messages
 * name the JSON field, e.g. {@code data.noise must be a finite number >= 0, got -1}.
 *
 * <p>Which fields apply to which kind (any other non-null field is rejected):
 * <ul>
 *   <li>{@code spiral}: n (600), arms (3), noise (0.2)</li>
 *   <li>{@code moons}: n (600), noise (0.1); {@code circles}: n (600), noise (0.05);
 *       {@code xor}: n (600), noise (0.1)</li>
 *   <li>{@code blobs}: n (600), classes (3), noise (0.5)</li>
 *   <li>{@code digits}: nothing (the shipped 1,797 digits)</li>
 *   <li>{@code idx}: path (a folder of the four MNIST-style files, required); the "t10k" files are the
 *       test part, so testFraction is ignored</li>
 *   <li>{@code csv}: path (a file, required), labelColumn ("last"), header (true); the separator is a
 *       tab for a file whose name ends in ".tsv" or ".tsv.gz", otherwise a comma</li>
 * </ul>
 *
 * @param kind          one of {@link #KINDS}
 * @param n             number of points of a synthetic set
 * @param classes       number of blobs
 * @param arms          number of spiral arms
 * @param noise         noise of a synthetic set, finite and >= 0
 * @param path          IDX folder or CSV file
 * @param labelColumn   CSV label column: a header name, a 0-based index, or "last"
 * @param header        whether the CSV file has a header line
 * @param devFraction   share of the rows for dev, in [0, 1)
 * @param testFraction  share of the rows for test, in [0, 1); devFraction + testFraction &lt; 1
 * @param standardize   whether to standardise all parts with training statistics
 * @param seed          seed of generation and split; null means the run's seed
 * @param shuffleSplit  whether dev and test are drawn by a seeded shuffle (true) or taken from the end of
 *                      the file (false); null: shuffled when a part is held out, the file's order when none is
 * @param precision     how the features are stored; null: in the network's precision (see {@link #load(long, DataType)})
 */
@JsonIgnoreProperties(ignoreUnknown = false)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DataSpec(String kind, Integer n, Integer classes, Integer arms, Double noise, String path,
                       String labelColumn, Boolean header, double devFraction, double testFraction,
                       boolean standardize, Long seed, Boolean shuffleSplit,
                       DataPrecision precision) {

    public static final List<String> KINDS = List.of("spiral", "moons", "circles", "xor", "blobs", "digits", "idx",
            "csv");
    public static final double DEFAULT_DEV_FRACTION = 0.2;
    public static final double DEFAULT_TEST_FRACTION = 0.0;
    public static final boolean DEFAULT_STANDARDIZE = true;
    /** The most points a built-in 2-D set may have. */
    public static final int MAX_POINTS = 10_000_000;
    /** The most classes (arms) a built-in set may have. */
    public static final int MAX_CLASSES = 1000;

    public DataSpec {
        if (kind == null) {
            throw new IllegalArgumentException("data.kind is required: one of " + String.join(", ", KINDS));
        }
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("data.kind must be one of " + String.join(", ", KINDS) + ", got \""
                    + kind + "\"");
        }
        List<String> allowed = allowedFields(kind);
        rejectIfPresent(kind, allowed, "n", n);
        rejectIfPresent(kind, allowed, "classes", classes);
        rejectIfPresent(kind, allowed, "arms", arms);
        rejectIfPresent(kind, allowed, "noise", noise);
        rejectIfPresent(kind, allowed, "path", path);
        rejectIfPresent(kind, allowed, "labelColumn", labelColumn);
        rejectIfPresent(kind, allowed, "header", header);
        int minClasses = kind.equals("spiral") ? (arms != null ? arms : 2)
                : kind.equals("blobs") ? (classes != null ? classes : 2) : 2;
        if (n != null && n < minClasses) {
            String rule = kind.equals("spiral") && arms != null ? "data.arms (" + arms + ")"
                    : kind.equals("blobs") && classes != null ? "data.classes (" + classes + ")" : "" + minClasses;
            throw new IllegalArgumentException("data.n must be at least " + rule + ", got " + n);
        }
        if (n != null && n > MAX_POINTS) {
            throw new IllegalArgumentException("data.n must be at most " + MAX_POINTS + " (the points of a built-in set"
                    + " are held in memory), got " + n);
        }
        if (arms != null && arms > MAX_CLASSES || classes != null && classes > MAX_CLASSES) {
            throw new IllegalArgumentException("data." + (arms != null && arms > MAX_CLASSES ? "arms" : "classes")
                    + " must be at most " + MAX_CLASSES + ", got " + (arms != null && arms > MAX_CLASSES ? arms : classes));
        }
        if (arms != null && arms < 2) {
            throw new IllegalArgumentException("data.arms must be at least 2, got " + arms);
        }
        if (classes != null && classes < 2) {
            throw new IllegalArgumentException("data.classes must be at least 2, got " + classes);
        }
        if (noise != null && (!(noise >= 0) || !Double.isFinite(noise))) {
            throw new IllegalArgumentException("data.noise must be a finite number >= 0, got " + number(noise));
        }
        if ((kind.equals("idx") || kind.equals("csv")) && (path == null || path.isBlank())) {
            throw new IllegalArgumentException("data.path is required for kind " + kind + ": "
                    + (kind.equals("idx") ? "a folder of IDX files" : "a CSV file"));
        }
        if (labelColumn != null && labelColumn.isBlank()) {
            throw new IllegalArgumentException("data.labelColumn must be a column name, a 0-based index or \"last\","
                    + " got \"" + labelColumn + "\"");
        }
        if (!(devFraction >= 0 && devFraction < 1)) {
            throw new IllegalArgumentException("data.devFraction must be in [0, 1), got " + number(devFraction));
        }
        if (!(testFraction >= 0 && testFraction < 1)) {
            throw new IllegalArgumentException("data.testFraction must be in [0, 1), got " + number(testFraction));
        }
        if (!kind.equals("idx") && !(devFraction + testFraction < 1)) {
            throw new IllegalArgumentException("data.devFraction + data.testFraction must be < 1, got "
                    + number(devFraction) + " + " + number(testFraction));
        }
    }

    /** A spec that leaves the split's order to the default (see {@link #shuffleSplit}). */
    public DataSpec(String kind, Integer n, Integer classes, Integer arms, Double noise, String path,
                    String labelColumn, Boolean header, double devFraction, double testFraction, boolean standardize,
                    Long seed) {
        this(kind, n, classes, arms, noise, path, labelColumn, header, devFraction, testFraction, standardize, seed,
                null, null);
    }

    /** The JSON form: absent fraction and standardisation fields take their defaults. */
    @JsonCreator
    static DataSpec fromJson(@JsonProperty("kind") String kind, @JsonProperty("n") Integer n,
                             @JsonProperty("classes") Integer classes, @JsonProperty("arms") Integer arms,
                             @JsonProperty("noise") Double noise, @JsonProperty("path") String path,
                             @JsonProperty("labelColumn") String labelColumn, @JsonProperty("header") Boolean header,
                             @JsonProperty("devFraction") Double devFraction,
                             @JsonProperty("testFraction") Double testFraction,
                             @JsonProperty("standardize") Boolean standardize, @JsonProperty("seed") Long seed,
                             @JsonProperty("shuffleSplit") Boolean shuffleSplit,
                             @JsonProperty("precision") DataPrecision precision) {
        return new DataSpec(kind, n, classes, arms, noise, path, labelColumn, header,
                devFraction != null ? devFraction : DEFAULT_DEV_FRACTION,
                testFraction != null ? testFraction : DEFAULT_TEST_FRACTION,
                standardize != null ? standardize : DEFAULT_STANDARDIZE, seed, shuffleSplit, precision);
    }

    /** A spec of the given kind with every optional field absent and the default fractions. */
    public static DataSpec of(String kind) {
        return new DataSpec(kind, null, null, null, null, null, null, null, DEFAULT_DEV_FRACTION,
                DEFAULT_TEST_FRACTION, DEFAULT_STANDARDIZE, null);
    }

    /** This spec with every absent field that has a default for this kind filled in. */
    public DataSpec withDefaults() {
        Integer dn = null;
        Integer dClasses = null;
        Integer dArms = null;
        Double dNoise = null;
        String dLabel = null;
        Boolean dHeader = null;
        switch (kind) {
            case "spiral" -> {
                dn = 600;
                dArms = 3;
                dNoise = 0.2;
            }
            case "moons", "xor" -> {
                dn = 600;
                dNoise = 0.1;
            }
            case "circles" -> {
                dn = 600;
                dNoise = 0.05;
            }
            case "blobs" -> {
                dn = 600;
                dClasses = 3;
                dNoise = 0.5;
            }
            case "csv" -> {
                dLabel = "last";
                dHeader = true;
            }
            default -> {
                // digits and idx have nothing to fill
            }
        }
        return new DataSpec(kind, n != null ? n : dn, classes != null ? classes : dClasses,
                arms != null ? arms : dArms, noise != null ? noise : dNoise, path,
                labelColumn != null ? labelColumn : dLabel, header != null ? header : dHeader,
                devFraction, testFraction, standardize, seed, shuffleSplit, precision);
    }

    /** A copy with another seed (null: the run's seed). */
    public DataSpec withSeed(Long newSeed) {
        return new DataSpec(kind, n, classes, arms, noise, path, labelColumn, header, devFraction, testFraction,
                standardize, newSeed, shuffleSplit, precision);
    }

    /** A copy with another choice of split order (null: the default). */
    public DataSpec withShuffleSplit(Boolean shuffle) {
        return new DataSpec(kind, n, classes, arms, noise, path, labelColumn, header, devFraction, testFraction,
                standardize, seed, shuffle, precision);
    }

    /** A copy with another storage precision (null: the network's). */
    public DataSpec withPrecision(DataPrecision p) {
        return new DataSpec(kind, n, classes, arms, noise, path, labelColumn, header, devFraction, testFraction,
                standardize, seed, shuffleSplit, p);
    }

    /** The result of {@link #load(long)}. */
    public record LoadedData(Split split, Standardizer standardizer, String description) {
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
    public LoadedData load(long runSeed) {
        return load(runSeed, DataType.FLOAT);
    }

    /**
     * As {@link #load(long)}, with the features stored as {@link #precision()} says or, when it is
     * null, as {@code networkStorage}: FLOAT for a float32 network (half the memory), DOUBLE for a
     * float64 one (the values as read from the file or as generated, and standardised in float64).
     */
    public LoadedData load(long runSeed, DataType networkStorage) {
        DataType storage = precision != null ? precision.dataType() : networkStorage;
        DataSpec s = withDefaults();
        long base = s.seed != null ? s.seed : runSeed;
        SeededRandom seeds = new SeededRandom(base);
        long dataSeed = seeds.nextLong();
        long splitSeed = seeds.nextLong();
        Split split;
        String what;
        switch (kind) {
            case "idx" -> {
                split = IdxLoader.loadFolder(Path.of(s.path), s.devFraction, splitSeed, shuffleSplit, storage);
                what = "idx " + s.path;
            }
            default -> {
                Dataset all = (switch (kind) {
                    case "spiral" -> Synthetic.spiral(s.n, s.arms, s.noise, dataSeed);
                    case "moons" -> Synthetic.moons(s.n, s.noise, dataSeed);
                    case "circles" -> Synthetic.circles(s.n, s.noise, dataSeed);
                    case "xor" -> Synthetic.xor(s.n, s.noise, dataSeed);
                    case "blobs" -> Synthetic.blobs(s.n, s.classes, s.noise, dataSeed);
                    case "digits" -> Digits.load();
                    case "csv" -> CsvLoader.load(Path.of(s.path), new CsvLoader.Options(s.header, s.labelColumn,
                            csvSeparator(s.path)), storage);
                    default -> throw new IllegalStateException("unknown kind " + kind);
                }).stored(storage);
                split = Splitter.split(all, s.devFraction, s.testFraction, splitSeed, shuffleSplit);
                what = s.describeSource();
            }
        }
        Standardizer standardizer = null;
        if (s.standardize) {
            standardizer = Standardizer.fit(split.train());
            split = standardizer.apply(split);
        }
        String description = String.format(Locale.ROOT, "%s, seed %d: train %d, dev %d, test %d, %d features, %d classes%s",
                what, base, split.train().rows(), split.dev().rows(), split.test().rows(), split.train().columns(),
                split.train().classes(), s.standardize ? ", standardised" : "");
        return new LoadedData(split, standardizer, description);
    }

    private String describeSource() {
        return switch (kind) {
            case "spiral" -> "spiral (n=" + n + ", arms=" + arms + ", noise=" + number(noise) + ")";
            case "blobs" -> "blobs (n=" + n + ", classes=" + classes + ", noise=" + number(noise) + ")";
            case "moons", "circles", "xor" -> kind + " (n=" + n + ", noise=" + number(noise) + ")";
            case "csv" -> "csv " + path + " (label column " + labelColumn + ")";
            default -> kind;
        };
    }

    static char csvSeparator(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return lower.endsWith(".tsv") || lower.endsWith(".tsv.gz") ? '\t' : ',';
    }

    private static List<String> allowedFields(String kind) {
        return switch (kind) {
            case "spiral" -> List.of("n", "arms", "noise");
            case "moons", "circles", "xor" -> List.of("n", "noise");
            case "blobs" -> List.of("n", "classes", "noise");
            case "idx" -> List.of("path");
            case "csv" -> List.of("path", "labelColumn", "header");
            default -> List.of();
        };
    }

    private static void rejectIfPresent(String kind, List<String> allowed, String field, Object value) {
        if (value != null && !allowed.contains(field)) {
            List<String> fields = new ArrayList<>(allowed);
            throw new IllegalArgumentException("data." + field + " does not apply to kind " + kind + " (it takes "
                    + (fields.isEmpty() ? "no such fields" : String.join(", ", fields)) + ")");
        }
    }

    /** A number as written in JSON: -1 rather than -1.0. */
    private static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return Double.toString(d);
    }
}
